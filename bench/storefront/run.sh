#!/usr/bin/env bash
# Storefront page-load benchmark: the whole shop started by the local launcher (./shop, fresh data
# under out/shop, every port shifted by PORT_OFFSET so it runs beside a shop on the usual ports), or a
# shop already running at STOREFRONT_URL, then, in headless Chromium (Debian's /usr/bin/chromium
# through Playwright's library from storefront/node_modules; no browser is downloaded):
#   counts     what a cold first visit to the home page loads before its network is idle: requests,
#              and each JS and CSS file's raw size, gzip size (the .gz sibling the gateway serves to
#              Accept-Encoding: gzip) and brotli size (what Chromium receives); the same for
#              /search?q=三体 and the first hit's book page, and what those add to the home page's files.
#              Against the issue's budget: initial JS + CSS ≤ 200 kB gzipped. These counts do not
#              depend on the machine, so they come first.
#   admin      whether a customer's visit (home, search, book, cart; anonymous and signed in) loads any
#              file of the admin console (AdminLayout-*.js and what only the /admin routes need, read
#              from the entry chunk's preload map), with an admin's visit to /admin as the control
#   LCP        Largest Contentful Paint (and FCP, and the LCP element) of home, search and book: RUNS
#              cold loads each, a new browser context (empty cache) per load, read from a buffered
#              PerformanceObserver once the network is idle; median and p90. Target: under 1 s here.
#   floor      the raw limit in the same run: the LCP of a minimal page (one heading, no script) from
#              a bare Node server on loopback, loaded the same way by the same browser; every page's
#              LCP is also given as a ratio to it. And the time to first byte of index.html through
#              the gateway, next to the same from that Node server.
#   modules    (MODULES=1) what the JavaScript is made of: a build of storefront/ with source maps into
#              out/build, every byte of each chunk attributed to its module (modules.mjs, modules.md)
# The budget and the target are reported, never asserted: on two shared cores the timings move with
# whatever else runs (the load average and the CPU stolen are in results.md), the counts do not.
#
# Usage: bench/storefront/run.sh
#        STOREFRONT_URL=http://localhost:8080 bench/storefront/run.sh   (measure a running shop)
#   RUNS (15 cold loads per page), WARMUP_LOADS (3 per page, not measured), TTFB_REQUESTS (30),
#   CHROMIUM (/usr/bin/chromium), MODULES (1; 0 skips the source-map build)
#   PORT_OFFSET (1500), SHOP_OPTIONS (none: the services as ./shop starts them by default),
#   ADMIN_EMAIL, ADMIN_PASSWORD (the admin of the shop started here; for a running shop, set them to
#   run the admin control), CUSTOMER_EMAIL/CUSTOMER_PASSWORD or REGISTER_CUSTOMER=1 (the signed-in
#   visit against a running shop; the shop started here always gets a throwaway customer)
# Writes out/results.md (and storefront.json, samples.csv, modules.md, shop.log) and prints it.
# Needs Node.js (20.19 or newer), storefront/node_modules (cd storefront && npm ci) and chromium.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
RUNS="${RUNS:-15}"
WARMUP_LOADS="${WARMUP_LOADS:-3}"
TTFB_REQUESTS="${TTFB_REQUESTS:-30}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
MODULES="${MODULES:-1}"
PORT_OFFSET="${PORT_OFFSET:-1500}"
SHOP_OPTIONS="${SHOP_OPTIONS:-}"
QUERY_ENCODED='%E4%B8%89%E4%BD%93' # 三体
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

command -v node >/dev/null || { echo "node is missing (Node.js 20.19 or newer)" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "$CHROMIUM is missing: apt-get install chromium" >&2; exit 1; }
mkdir -p "$OUT"
rm -rf "$OUT"/results.md "$OUT"/storefront.json "$OUT"/samples.csv "$OUT"/modules.md "$OUT"/build

# Playwright's library, copied out of storefront/node_modules first: a build elsewhere that runs
# `npm ci` in storefront/ (./shop does when sources changed) empties node_modules for a while.
echo "== Playwright's library from storefront/node_modules"
PLAYWRIGHT_SOURCE="$ROOT/storefront/node_modules/playwright-core"
deadline=$((SECONDS + 300))
until [ -f "$PLAYWRIGHT_SOURCE/package.json" ] && [ -f "$PLAYWRIGHT_SOURCE/index.js" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "no $PLAYWRIGHT_SOURCE: cd storefront && npm ci" >&2; exit 1; }
  sleep 5 # an npm ci under way
done
rm -rf "$OUT/playwright-core"
cp -a "$PLAYWRIGHT_SOURCE" "$OUT/playwright-core"
export PLAYWRIGHT_CORE="$OUT/playwright-core"
echo "playwright-core $(sed -n 's/^ *"version": *"\(.*\)".*/\1/p' "$PLAYWRIGHT_CORE/package.json" | head -1), $("$CHROMIUM" --version 2>/dev/null | head -1)"

shop_pid=""
stop_shop() {
  [ -n "$shop_pid" ] || return 0
  if kill -0 "$shop_pid" 2>/dev/null; then
    echo "== stopping the shop"
    kill -TERM "$shop_pid" 2>/dev/null || true
    # The launcher stops every child before it exits (writing class-data archives on a first run).
    for _ in $(seq 1 120); do kill -0 "$shop_pid" 2>/dev/null || break; sleep 1; done
  fi
  # Whatever is left of its process group (it was started as a session of its own): TERM, then KILL.
  if kill -0 -- "-$shop_pid" 2>/dev/null; then
    kill -TERM -- "-$shop_pid" 2>/dev/null || true
    for _ in $(seq 1 15); do kill -0 -- "-$shop_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$shop_pid" 2>/dev/null || true
  fi
  shop_pid=""
}
cleanup() {
  stop_shop
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ -n "$shop_pid" ] && ! kill -0 "$shop_pid" 2>/dev/null; then
      tail -40 "$OUT/shop.log" >&2
      echo "the shop stopped, see $OUT/shop.log" >&2
      exit 1
    fi
    [ "$SECONDS" -lt "$deadline" ] || { echo "timed out after $seconds s waiting for $what" >&2; exit 1; }
    sleep 2
  done
}

if [ -n "${STOREFRONT_URL:-}" ]; then
  BASE="${STOREFRONT_URL%/}"
  SHOP_DESCRIPTION="already running at $BASE"
else
  . "$ROOT/.mvn/java-home.sh"
  BASE="http://localhost:$((8080 + PORT_OFFSET))"
  if curl -s -o /dev/null -m 2 "$BASE/"; then
    echo "$BASE already answers: another shop uses port offset $PORT_OFFSET (PORT_OFFSET=… picks another)" >&2
    exit 1
  fi
  ADMIN_EMAIL="${ADMIN_EMAIL:-storefront-bench-admin@bookstore.example.com}"
  ADMIN_PASSWORD="${ADMIN_PASSWORD:-Tall-Shelves-of-Paper-42}"
  export ADMIN_EMAIL ADMIN_PASSWORD REGISTER_CUSTOMER=1
  echo "== starting the shop (./shop --fresh --data=bench/storefront/out/shop --port-offset=$PORT_OFFSET $SHOP_OPTIONS)"
  started=$SECONDS
  # A session of its own, so that stopping it reaches every process it started. The shop gets only
  # its own servers (addresses of external ones in this environment would be used instead), and no
  # rate limits: every page load here comes from one address.
  # shellcheck disable=SC2086 # SHOP_OPTIONS is a list of options
  (cd "$ROOT" && exec setsid env -u KAFKA_BOOTSTRAP_SERVERS -u POSTGRES_URL -u MONGODB_URI \
    GATEWAY_RATE_LIMITS_ENABLED=false BOOKSTORE_ADMIN_EMAIL="$ADMIN_EMAIL" BOOKSTORE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    ./shop --fresh --data="$OUT/shop" --port-offset="$PORT_OFFSET" $SHOP_OPTIONS) > "$OUT/shop.log" 2>&1 &
  shop_pid=$!
  wait_for "the shop to start (see $OUT/shop.log)" 900 grep -qs 'The bookstore is running' "$OUT/shop.log"
  echo "shop running after $((SECONDS - started)) s"
  SHOP_DESCRIPTION="\`./shop --fresh --data=bench/storefront/out/shop --port-offset=$PORT_OFFSET${SHOP_OPTIONS:+ $SHOP_OPTIONS}\` (running after $((SECONDS - started)) s; rate limits off)"
fi

storefront_answers() { curl -fs -m 10 -H 'Accept: text/html' "$BASE/" 2>/dev/null | grep -q '<div id="app">'; }
search_has_hits() {
  curl -fs -m 10 "$BASE/api/books?q=$QUERY_ENCODED&size=1" 2>/dev/null | grep -q '"total":[1-9]'
}
wait_for "the storefront at $BASE/" 300 storefront_answers
# The catalogue seeds its books once it has started; the book page needs the first hit for 三体.
wait_for "hits for 三体 at $BASE/api/books" 600 search_has_hits
echo "== $BASE serves the storefront and finds 三体; measuring (load average $(cut -d' ' -f1-3 /proc/loadavg))"

OUT="$OUT" STOREFRONT_URL="$BASE" RUNS="$RUNS" WARMUP_LOADS="$WARMUP_LOADS" TTFB_REQUESTS="$TTFB_REQUESTS" \
  CHROMIUM="$CHROMIUM" SHOP_DESCRIPTION="$SHOP_DESCRIPTION" node "$HERE/measure.mjs"

stop_shop

if [ "$MODULES" = 1 ]; then
  echo "== what the JavaScript is made of (a build with source maps into out/build)"
  if [ -f "$ROOT/storefront/node_modules/vite/bin/vite.js" ] &&
    OUT="$OUT" node "$HERE/modules.mjs" > "$OUT/modules.log" 2>&1; then
    { echo
      echo "## What the entry chunk is made of (modules.md has every chunk)"
      echo
      awk '/^### By package/ {f = 1; next} /^### / {f = 0} f && /^\|/' "$OUT/modules.md" | head -16
      grep '^Element Plus in all' "$OUT/modules.md"
    } >> "$OUT/results.md"
  else
    echo "the source-map build failed or storefront/node_modules has no vite; see $OUT/modules.log" | tee -a "$OUT/results.md" >&2
  fi
fi

echo
cat "$OUT/results.md"
