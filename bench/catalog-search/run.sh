#!/usr/bin/env bash
# Search benchmark of the catalogue: BOOKS generated books (100,000 by default), the catalogue
# service and the gateway started from their jars, then, in one run:
#   in-process  the query mix (search.lua) against the same index in one JVM, no HTTP: the raw
#               limit of search on this machine
#   baseline    wrk on GET /actuator/health/liveness of the catalogue: the raw limit of its HTTP stack
#   direct      wrk with the query mix against the catalogue
#   gateway     wrk with the same mix through the gateway
#   uncached    wrk with the mix made unique per request (search-uncached.lua) against the catalogue:
#               the result cache never answers, so this is what searching itself costs
# and reports p50/p99 latency, requests per second and the ratios between them.
#
# Usage: bench/catalog-search/run.sh   (BOOKS, DURATION, CONNECTIONS, THREADS, SKIP_BUILD=1 override)
# Needs wrk (apt-get install wrk). Everything runs on this machine, on loopback only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
BOOKS="${BOOKS:-100000}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
CATALOG_PORT="${CATALOG_PORT:-18081}"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-19080}"

. "$ROOT/.mvn/java-home.sh"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$OUT"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the catalogue and the gateway (SKIP_BUILD=1 uses the jars as they are)"
  (cd "$ROOT" && ./mvnw -q -pl catalog-service,gateway,embedded-servers -am -DskipTests install)
fi
# Run copies of the jars: a rebuild during the run must not swap classes under a running JVM.
cp "$ROOT/catalog-service/target/catalog-service-0.1.0-SNAPSHOT.jar" "$OUT/catalog-service.jar"
cp "$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar" "$OUT/gateway.jar"
CP_FILE="$OUT/classpath.txt"
# The environment program runs on the embedded servers' classpath plus the catalogue's (Mongo driver).
(cd "$ROOT" && ./mvnw -q -pl embedded-servers dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/cp-embedded.txt" >/dev/null)
(cd "$ROOT" && ./mvnw -q -pl catalog-service dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/cp-catalog.txt" >/dev/null)
echo "$ROOT/embedded-servers/target/classes:$ROOT/catalog-service/target/classes:$(cat "$OUT/cp-embedded.txt"):$(cat "$OUT/cp-catalog.txt")" > "$CP_FILE"

wait_for() { # url, seconds, pid, log
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    kill -0 "$3" 2>/dev/null || { tail -50 "$4" >&2; echo "process $3 died, see $4" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "timed out waiting for $1" >&2; exit 1; }
    sleep 2
  done
}

echo "== in-process search of $BOOKS books (raw limit, no HTTP)"
"$JAVA" -cp "$(cat "$CP_FILE")" "$HERE/BenchEnvironment.java" index "$BOOKS" "$HERE/search.lua" 20 \
  2>&1 | grep -E '^(INDEXED|in-process)' | tee "$OUT/in-process.txt"

echo "== starting Kafka and MongoDB with $BOOKS generated books"
rm -f "$OUT/environment.log" "$OUT/catalog.log" "$OUT/gateway.log"
"$JAVA" -cp "$(cat "$CP_FILE")" "$HERE/BenchEnvironment.java" servers "$BOOKS" > "$OUT/environment.log" 2>&1 &
pids+=($!)
until grep -qs '^READY' "$OUT/environment.log"; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$OUT/environment.log" >&2; exit 1; }
  sleep 2
done
grep '^GENERATED' "$OUT/environment.log"
export KAFKA_BOOTSTRAP_SERVERS="$(sed -n 's/^KAFKA_BOOTSTRAP_SERVERS=//p' "$OUT/environment.log")"
export MONGODB_URI="$(sed -n 's/^MONGODB_URI=//p' "$OUT/environment.log")"
export LOG_FORMAT=""

echo "== starting the catalogue (rebuilds its search index from MongoDB)"
started=$SECONDS
SERVER_PORT="$CATALOG_PORT" "$JAVA" -jar "$OUT/catalog-service.jar" \
  > "$OUT/catalog.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$CATALOG_PORT/actuator/health/readiness" 900 "${pids[1]}" "$OUT/catalog.log"
echo "catalogue ready after $((SECONDS - started)) s"

echo "== starting the gateway"
# One load generator on one address would measure the per-client rate limit, not search.
SERVER_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" GATEWAY_RATE_LIMITS_ENABLED=false \
  CATALOG_SERVICE_URL="http://localhost:$CATALOG_PORT" \
  "$JAVA" -jar "$OUT/gateway.jar" > "$OUT/gateway.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/health/readiness" 300 "${pids[2]}" "$OUT/gateway.log"

# Every query of the mix must answer 200 before anything is timed.
while read -r path; do
  for base in "http://localhost:$CATALOG_PORT" "http://localhost:$GATEWAY_PORT"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")"
    [ "$code" = 200 ] || { echo "$base$path answered $code" >&2; exit 1; }
  done
done < <(sed -n 's/^  "\(.*\)",$/\1/p' "$HERE/search.lua")

run() { # name, url, [script, [script argument]]
  local name=$1 url=$2 script=${3:-} argument=${4:-}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d10s ${script:+-s "$script"} "$url" ${argument:+-- "$argument"} > /dev/null # warm-up (JIT)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${script:+-s "$script"} "$url" ${argument:+-- "$argument"} > "$OUT/$name.txt"
  local p50 p99 rps errors
  p50="$(awk '/Latency Distribution/{f=1} f && $1=="50%"{print $2; exit}' "$OUT/$name.txt")"
  p99="$(awk '/Latency Distribution/{f=1} f && $1=="99%"{print $2; exit}' "$OUT/$name.txt")"
  rps="$(awk '/Requests\/sec/{print $2}' "$OUT/$name.txt")"
  awk '/requests in/{exit !($1 > 0)}' "$OUT/$name.txt" || { echo "$name: no request answered" >&2; exit 1; }
  errors="$(awk '/Non-2xx|Socket errors/{print}' "$OUT/$name.txt")"
  printf '%-9s p50 %-9s p99 %-9s %10s req/s %s\n' "$name" "$p50" "$p99" "$rps" "$errors" | tee -a "$OUT/summary.txt"
  eval "${name}_rps=$rps"
}

. "$ROOT/bench/lib/steal.sh"
TICKS_START="$(cpu_ticks)"
: > "$OUT/summary.txt"
echo "== measuring ($THREADS threads, $CONNECTIONS connections, $DURATION each, after a 10 s warm-up)"
run baseline "http://localhost:$CATALOG_PORT/actuator/health/liveness"
run direct "http://localhost:$CATALOG_PORT" "$HERE/search.lua"
run gateway "http://localhost:$GATEWAY_PORT" "$HERE/search.lua"
# Every request different (a price ceiling that never repeats): no help from the result cache.
run uncached "http://localhost:$CATALOG_PORT" "$HERE/search-uncached.lua" "$HERE/search.lua"

inprocess_rps="$(awk '/^in-process/{print $(NF-3)}' "$OUT/in-process.txt")"
cat "$OUT/in-process.txt" >> "$OUT/summary.txt"
awk -v i="$inprocess_rps" -v b="$baseline_rps" -v d="$direct_rps" -v g="$gateway_rps" -v u="$uncached_rps" 'BEGIN {
  printf "search direct / in-process: %.2f\n", d / i
  printf "search direct / baseline:   %.2f\n", d / b
  printf "search gateway / direct:    %.2f\n", g / d
  printf "search gateway / baseline:  %.2f\n", g / b
  printf "uncached direct / in-process: %.2f\n", u / i
}' | tee -a "$OUT/summary.txt"
echo "CPU stolen by the hypervisor during the HTTP stages: $(steal_since "$TICKS_START") of the machine" \
  | tee -a "$OUT/summary.txt"
echo "books=$BOOKS cores=$(nproc) $(uname -m) $("$JAVA" -version 2>&1 | head -1)" | tee -a "$OUT/summary.txt"
