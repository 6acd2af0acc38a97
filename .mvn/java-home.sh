# Sourced by ./mvnw, ./shop and .ci/run: makes sure JAVA_HOME points at a JDK >= 21.
# Many machines (this project's CI among them) default to an older java, so we look
# under the usual install roots for the newest JDK that is new enough.

bookstore_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

bookstore_select_jdk() {
  local required=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(bookstore_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge "$required" ] && return 0
  fi
  if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(bookstore_java_major "$candidate")
    if [ "${major:-0}" -ge "$required" ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  local noglob=""; case $- in *f*) noglob=1; set +f ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(bookstore_java_major "$candidate")
    if [ "${major:-0}" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$noglob" ] && set -f
  if [ -z "$best" ]; then
    echo "No JDK >= $required found. Install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

bookstore_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
