#!/usr/bin/env bash
# Search benchmark of the catalogue: BOOKS generated books (100,000 by default), the catalogue
# service and the gateway started from their jars, then, in one run:
#   in-process  the query mix (search.lua) against the same index in one JVM, no HTTP: the raw
#               limit of search on this machine
#   raw         wrk on a bare reactor-netty server answering with the bytes of a real search
#               response (BenchEnvironment http): the raw limit of HTTP on this machine
#   direct      wrk with the query mix against the catalogue
#   gateway     wrk with the same mix through the gateway, as customers search: the catalogue marks
#               search answers public for a second, so the gateway's shared cache answers repeats
#   paced       the same at a fixed RATE (1,000/s by default, search-paced.lua) instead of at
#               saturation: latency at the target load
#   proxied     the mix through the gateway with Cache-Control: no-cache, so every request goes on to
#               the catalogue (whose result cache answers): the cost of the proxy path
#   uncached    wrk with the mix made unique per request (search-uncached.lua) against the catalogue:
#               the result cache never answers, so this is what searching itself costs
#   gw-uncached the unique mix through the gateway: neither cache answers
# and reports p50/p99 latency, requests per second and the ratios between them.
#
# Every stage is measured once the JIT compilers of the JVMs it loads have settled: on two cores C2
# keeps compiling the WebFlux, security and gateway code for minutes under load, and a stage measured
# earlier measures the compiler. The load runs in WARMUP_ROUND rounds until the compiler threads
# used less than 5 % of a core in a round (at most WARMUP_ROUNDS rounds).
#
# Usage: bench/catalog-search/run.sh   (BOOKS, DURATION, CONNECTIONS, THREADS, RATE, SKIP_BUILD=1 override)
# Needs wrk (apt-get install wrk). Everything runs on this machine, on loopback only.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
BOOKS="${BOOKS:-100000}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
RATE="${RATE:-1000}"
CATALOG_PORT="${CATALOG_PORT:-18081}"
RAW_PORT="${RAW_PORT:-18082}"
WARMUP_ROUND="${WARMUP_ROUND:-15}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-24}"
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
catalog_pid="${pids[1]}"

echo "== starting the raw HTTP server with a real search response"
curl -fs -o "$OUT/sample-response.json" "http://localhost:$CATALOG_PORT/api/books?q=forest"
"$JAVA" -cp "$(cat "$CP_FILE")" "$HERE/BenchEnvironment.java" http "$RAW_PORT" "$OUT/sample-response.json" \
  > "$OUT/raw-http.log" 2>&1 &
pids+=($!)
raw_pid=$!
until grep -qs '^READY' "$OUT/raw-http.log"; do
  kill -0 "$raw_pid" 2>/dev/null || { cat "$OUT/raw-http.log" >&2; exit 1; }
  sleep 1
done

echo "== starting the gateway"
# One load generator on one address would measure the per-client rate limit, not search.
SERVER_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" GATEWAY_RATE_LIMITS_ENABLED=false \
  CATALOG_SERVICE_URL="http://localhost:$CATALOG_PORT" \
  "$JAVA" -jar "$OUT/gateway.jar" > "$OUT/gateway.log" 2>&1 &
pids+=($!)
gateway_pid=$!
wait_for "http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/health/readiness" 300 "$gateway_pid" "$OUT/gateway.log"

# Every query of the mix must answer 200 before anything is timed.
while read -r path; do
  for base in "http://localhost:$CATALOG_PORT" "http://localhost:$GATEWAY_PORT"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")"
    [ "$code" = 200 ] || { echo "$base$path answered $code" >&2; exit 1; }
  done
done < <(sed -n 's/^  "\(.*\)",$/\1/p' "$HERE/search.lua")

# CPU time (ms) so far of the given processes: all their threads, or only the JIT compiler threads.
# (A process's own stat counts threads that have ended too; its JIT threads live as long as it does.)
ticks_to_ms() { awk -v hz="$(getconf CLK_TCK)" '{t += $1 + $2} END {printf "%d", t * 1000 / hz}'; }
cpu_ms() {
  local pid
  for pid in "$@"; do cut -d' ' -f14,15 "/proc/$pid/stat"; done | ticks_to_ms
}
jit_ms() {
  local pid task
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      if grep -qs Compiler "$task/comm"; then cut -d' ' -f14,15 "$task/stat"; fi
    done
  done | ticks_to_ms
}

# Hits and misses so far of the gateway's shared response cache, from its Prometheus endpoint.
gateway_cache_gets() {
  curl -fs "http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/prometheus" |
    awk '/^cache_gets_total\{/ && /cache="gateway.responses"/ {
      if ($0 ~ /result="hit"/) hits = $NF; else if ($0 ~ /result="miss"/) misses = $NF
    } END { printf "%d %d", hits, misses }'
}

run() { # name, url, script or "", script arguments (space-separated) or "", pids whose JIT must settle first
  # WRK_HEADER, if set, is a header every request carries.
  local name=$1 url=$2 script=$3 argument=$4
  shift 4
  local round before spent settled=false
  for round in $(seq 1 "$WARMUP_ROUNDS"); do
    before="$(jit_ms "$@")"
    # shellcheck disable=SC2086 # the script's arguments are split at spaces on purpose
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_ROUND}s" ${WRK_HEADER:+-H "$WRK_HEADER"} ${script:+-s "$script"} "$url" ${argument:+-- $argument} > /dev/null
    spent=$(( $(jit_ms "$@") - before ))
    if [ "$spent" -lt $((WARMUP_ROUND * 50)) ]; then settled=true; break; fi
  done
  if [ "$settled" = true ]; then
    echo "$name: JIT settled after $round warm-up rounds of ${WARMUP_ROUND} s" >> "$OUT/warmup.txt"
  else
    echo "$name: JIT still compiling after $round warm-up rounds ($spent ms in the last)" >> "$OUT/warmup.txt"
  fi
  local pid before=() after=() cache_before=""
  [[ "$url" == *":$GATEWAY_PORT"* ]] && cache_before="$(gateway_cache_gets)"
  for pid in "$@"; do before+=("$(cpu_ms "$pid")"); done
  # shellcheck disable=SC2086
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${WRK_HEADER:+-H "$WRK_HEADER"} ${script:+-s "$script"} "$url" ${argument:+-- $argument} > "$OUT/$name.txt"
  for pid in "$@"; do after+=("$(cpu_ms "$pid")"); done
  # CPU of each serving JVM in the stage (ms), in the order of the pids given, and their sum.
  local i used=0 split=()
  for i in "${!before[@]}"; do
    split+=($(( after[i] - before[i] )))
    used=$(( used + after[i] - before[i] ))
  done
  local p50 p99 rps errors cpu
  p50="$(awk '/Latency Distribution/{f=1} f && $1=="50%"{print $2; exit}' "$OUT/$name.txt")"
  p99="$(awk '/Latency Distribution/{f=1} f && $1=="99%"{print $2; exit}' "$OUT/$name.txt")"
  rps="$(awk '/Requests\/sec/{print $2}' "$OUT/$name.txt")"
  awk '/requests in/{exit !($1 > 0)}' "$OUT/$name.txt" || { echo "$name: no request answered" >&2; exit 1; }
  errors="$(awk '/Non-2xx|Socket errors/{print}' "$OUT/$name.txt")"
  # CPU of the serving JVMs per answered request (wrk's own CPU not counted), and of each when there are several.
  cpu="$(awk -v used="$used" '/requests in/{printf "%.2f", used / $1}' "$OUT/$name.txt")"
  local each=""
  if [ "${#split[@]}" -gt 1 ]; then
    each="($(awk -v list="${split[*]}" '/requests in/{n = split(list, ms, " "); for (i = 1; i <= n; i++) printf "%s%.2f", (i > 1 ? " + " : ""), ms[i] / $1}' "$OUT/$name.txt"))"
  fi
  # Through the gateway: the share of requests its shared cache answered.
  local cached=""
  if [ -n "$cache_before" ]; then
    cached="$(echo "$cache_before $(gateway_cache_gets)" |
      awk '{ h = $3 - $1; m = $4 - $2; printf "gateway cache %.1f %% hits", (h + m > 0) ? 100 * h / (h + m) : 0 }')"
  fi
  printf '%-11s p50 %-9s p99 %-9s %10s req/s %6s ms CPU/req %s %s %s\n' "$name" "$p50" "$p99" "$rps" "$cpu" "$each" "$cached" "$errors" |
    tee -a "$OUT/summary.txt"
  eval "${name//-/_}_rps=$rps"
}

. "$ROOT/bench/lib/steal.sh"
TICKS_START="$(cpu_ticks)"
: > "$OUT/summary.txt"
: > "$OUT/warmup.txt"
echo "== measuring ($THREADS threads, $CONNECTIONS connections, $DURATION each, once the JIT has settled)"
run raw "http://localhost:$RAW_PORT" "" "" "$raw_pid"
run direct "http://localhost:$CATALOG_PORT" "$HERE/search.lua" "" "$catalog_pid"
# CPU/req of these stages is split as (gateway + catalogue).
run gateway "http://localhost:$GATEWAY_PORT" "$HERE/search.lua" "" "$gateway_pid" "$catalog_pid"
run paced "http://localhost:$GATEWAY_PORT" "$HERE/search-paced.lua" "$HERE/search.lua $RATE $THREADS" \
  "$gateway_pid" "$catalog_pid"
WRK_HEADER="Cache-Control: no-cache" \
  run proxied "http://localhost:$GATEWAY_PORT" "$HERE/search.lua" "" "$gateway_pid" "$catalog_pid"
# Every request different (a price ceiling that never repeats): no help from the result caches.
run uncached "http://localhost:$CATALOG_PORT" "$HERE/search-uncached.lua" "$HERE/search.lua" "$catalog_pid"
run gw-uncached "http://localhost:$GATEWAY_PORT" "$HERE/search-uncached.lua" "$HERE/search.lua" \
  "$gateway_pid" "$catalog_pid"
cat "$OUT/warmup.txt"

inprocess_rps="$(awk '/^in-process/{print $(NF-3)}' "$OUT/in-process.txt")"
cat "$OUT/in-process.txt" >> "$OUT/summary.txt"
awk -v i="$inprocess_rps" -v r="$raw_rps" -v d="$direct_rps" -v g="$gateway_rps" -v p="$proxied_rps" \
  -v u="$uncached_rps" -v gu="$gw_uncached_rps" 'BEGIN {
  printf "search direct / raw HTTP:       %.2f\n", d / r
  printf "search gateway / raw HTTP:      %.2f\n", g / r
  printf "search gateway / direct:        %.2f\n", g / d
  printf "search proxied / direct:        %.2f\n", p / d
  printf "search direct / in-process:     %.2f\n", d / i
  printf "uncached direct / in-process:   %.2f\n", u / i
  printf "uncached gateway / direct:      %.2f\n", gu / u
}' | tee -a "$OUT/summary.txt"
echo "CPU stolen by the hypervisor during the HTTP stages: $(steal_since "$TICKS_START") of the machine" \
  | tee -a "$OUT/summary.txt"
echo "books=$BOOKS cores=$(nproc) $(uname -m) $("$JAVA" -version 2>&1 | head -1)" | tee -a "$OUT/summary.txt"
