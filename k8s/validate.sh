#!/usr/bin/env bash
# Renders the Kustomize trees and checks them without a cluster; see README.md
# ("Validate without a cluster") for what is checked. Exits non-zero on any
# problem. Needs kubectl (for its built-in kustomize) and Node.js with npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in kubectl node npm; do
  command -v "$tool" >/dev/null || { echo "validate.sh: $tool is required" >&2; exit 1; }
done

# The checker's dependencies, pinned by package-lock.json; reinstalled only
# when the lock file changes.
tools="$here/tools"
if [[ ! -f "$tools/node_modules/.package-lock.json" || "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]]; then
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi

status=0
for tree in base infrastructure overlays/dev overlays/prod; do
  if ! kubectl kustomize "$here/$tree" >"$work/${tree//\//-}.yaml" 2>"$work/kustomize.err"; then
    echo "validate.sh: kustomize cannot build $tree:" >&2
    cat "$work/kustomize.err" >&2
    status=1
  fi
done
[[ $status -eq 0 ]] || exit $status

for overlay in dev prod; do
  node "$tools/validate.mjs" "$overlay" "$work/overlays-$overlay.yaml" || status=1
done

# Proves the checks bite: every deliberately broken copy must be rejected.
node "$tools/selftest.mjs" "$work/overlays-dev.yaml" "$work/overlays-prod.yaml" || status=1
exit $status
