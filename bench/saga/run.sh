#!/usr/bin/env bash
# Order saga benchmark: the whole shop started by the local launcher (./shop, fresh data under
# out/shop-data, every port shifted by PORT_OFFSET so it runs beside a shop on the usual ports), then,
# in one run against that same shop:
#   kafka     Kafka's own tools against the shop's broker: ProducerPerformance and
#             ConsumerPerformance (RECORD_SIZE-byte records, about an order event, unthrottled) and
#             EndToEndLatency (one record at a time, produce to consume): the raw Kafka limit
#   postgres  pgbench (TPC-B-like) in a scratch database of the shop's PostgreSQL: the raw
#             transaction limit
#   saga      the load generator (SagaLoad and the classes beside it, compiled into out/classes)
#             through the gateway, one load per offered rate: stock and customers set up, the shop
#             idle for a while, then open-loop orders ramping from 0 to RATE/s over WARMUP s and RATE/s
#             for the DURATION s measured; POST → CONFIRMED is timed from each order's scheduled send
#             to its OrderConfirmed on orders.events.v1, read by a consumer in the generator (no
#             polling over HTTP), and split into legs by the saga's command and reply records
# and reports in out/results.md (out/ keeps every raw output), first what the saga asks per
# confirmed order, which does not depend on the machine's speed: PostgreSQL statements and
# transactions (pg_stat_statements, pg_stat_database), Kafka records produced (end offsets) and
# broker requests (the broker's request metrics, over JMX from the launcher JVM), with the rows of
# the outbox and inbox tables during each load; then confirmed orders/s, p50/p99 POST → CONFIRMED,
# CPU per process and the marginal CPU per confirmed order between two offered rates (JIT compiler
# threads and the load generator apart); then the raw limits, as ratios; with the machine's load
# average at start and end.
#
# Usage: bench/saga/run.sh
#   RATE (50,100: one load per rate, in that order; two or more give the marginal CPU per order),
#   DURATION (60), WARMUP (15), DRAIN (60), IDLE (10), QUIET (11), SAMPLE_EVERY (5), CUSTOMERS (50),
#   BOOKS (50), MAX_IN_FLIGHT (2000)                                                     the saga load
#   JIT_WARMUP (240 s; 0 skips it), JIT_WARMUP_RATE (8/s)        an unmeasured load before the first
#   KAFKA_RECORDS (300000), RECORD_SIZE (1024), E2E_RECORDS (5000)                     the Kafka stage
#   PGBENCH_SCALE (10), PGBENCH_CLIENTS (8), PGBENCH_THREADS (2), PGBENCH_SECONDS (30)  the pgbench stage
#   PORT_OFFSET (1000), ADMIN_EMAIL, ADMIN_PASSWORD, SHOP_OPTIONS (--throughput when ./shop
#   has it; set it empty for the services as ./shop starts them by default)             the shop
# A 10-minute load at 100/s: RATE=100 DURATION=600. Needs pgbench and psql (apt-get install
# postgresql-client). Everything runs on this machine, on loopback only; ./shop builds the jars
# first when sources changed.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
RATE="${RATE:-50,100}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-15}"
DRAIN="${DRAIN:-60}"
IDLE="${IDLE:-10}"
QUIET="${QUIET:-11}"
SAMPLE_EVERY="${SAMPLE_EVERY:-5}"
MAX_IN_FLIGHT="${MAX_IN_FLIGHT:-2000}"
JIT_WARMUP="${JIT_WARMUP:-240}"
JIT_WARMUP_RATE="${JIT_WARMUP_RATE:-8}"
CUSTOMERS="${CUSTOMERS:-50}"
BOOKS="${BOOKS:-50}"
KAFKA_RECORDS="${KAFKA_RECORDS:-300000}"
RECORD_SIZE="${RECORD_SIZE:-1024}"
E2E_RECORDS="${E2E_RECORDS:-5000}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
PGBENCH_THREADS="${PGBENCH_THREADS:-2}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
PORT_OFFSET="${PORT_OFFSET:-1000}"
ADMIN_EMAIL="${ADMIN_EMAIL:-saga-bench-admin@bookstore.example.com}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-Tall-Shelves-of-Paper-42}"
# Services as in production (optimising compiler, larger heaps) when this ./shop offers it.
if [ -z "${SHOP_OPTIONS+set}" ]; then
  SHOP_OPTIONS=""
  grep -q -- '--throughput' "$ROOT/shop" && SHOP_OPTIONS="--throughput"
fi

. "$ROOT/.mvn/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
for tool in pgbench psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install postgresql-client" >&2; exit 1; }
done
mkdir -p "$OUT"
rm -rf "$OUT"/saga* "$OUT"/kafka-*.txt "$OUT"/pgbench*.txt "$OUT"/pg-statements-* "$OUT"/results.md "$OUT"/run.properties \
  "$OUT"/log-summary.txt "$OUT"/classes
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
. "$ROOT/bench/lib/steal.sh"
TICKS_START="$(cpu_ticks)"
LOAD_START="$(loadavg)"
STARTED_AT="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "== load average at start: $LOAD_START"

shop_pid=""
cleanup() {
  if [ -n "$shop_pid" ] && kill -0 "$shop_pid" 2>/dev/null; then
    echo "== stopping the shop"
    kill -TERM "$shop_pid" 2>/dev/null || true
    # The launcher stops every child before it exits; give it time, then insist.
    for _ in $(seq 1 120); do kill -0 "$shop_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$shop_pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== classpath of Kafka's perf tools and the load generator (bench/saga/pom.xml)"
(cd "$ROOT" && ./mvnw -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" \
  > "$OUT/classpath-build.log" 2>&1) || { cat "$OUT/classpath-build.log" >&2; exit 1; }
CP="$(cat "$OUT/classpath.txt")"
echo "== compiling the load generator into out/classes"
"$JAVA_HOME/bin/javac" -nowarn -encoding UTF-8 -d "$OUT/classes" -cp "$CP" "$HERE"/*.java

echo "== starting the shop (./shop --data=bench/saga/out/shop-data --fresh --port-offset=$PORT_OFFSET $SHOP_OPTIONS)"
started=$SECONDS
# The shop gets only its own servers: addresses of external ones in this environment would be used instead.
(cd "$ROOT" && exec env -u KAFKA_BOOTSTRAP_SERVERS -u POSTGRES_URL -u MONGODB_URI \
  GATEWAY_RATE_LIMITS_ENABLED=false BOOKSTORE_ADMIN_EMAIL="$ADMIN_EMAIL" BOOKSTORE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  ./shop --data="$OUT/shop-data" --fresh --port-offset="$PORT_OFFSET" $SHOP_OPTIONS) > "$OUT/shop.log" 2>&1 &
shop_pid=$!
deadline=$((SECONDS + 900))
until grep -qs 'The bookstore is running' "$OUT/shop.log"; do
  kill -0 "$shop_pid" 2>/dev/null || { tail -40 "$OUT/shop.log" >&2; echo "the shop did not start, see $OUT/shop.log" >&2; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "the shop did not start within 900 s, see $OUT/shop.log" >&2; exit 1; }
  sleep 2
done
sleep 1 # the rest of the summary
echo "shop running after $((SECONDS - started)) s"
# Addresses as the launcher prints them, else the usual ports shifted by the offset.
summary_value() { awk -v name="$1" '/The bookstore is running/{f=1} f && $1 == name {print $2; exit}' "$OUT/shop.log"; }
GATEWAY="$(summary_value gateway)"; GATEWAY="${GATEWAY:-http://localhost:$((8080 + PORT_OFFSET))}"
KAFKA="$(summary_value Kafka)"; KAFKA="${KAFKA:-localhost:$((9092 + PORT_OFFSET))}"
PG_ADDRESS="$(summary_value PostgreSQL)"; PG_ADDRESS="${PG_ADDRESS:-postgresql://localhost:$((5432 + PORT_OFFSET))}"
PG_HOST="$(sed -E 's#^postgresql://([^:/]+).*#\1#' <<< "$PG_ADDRESS")"
PG_PORT="$(sed -E 's#^postgresql://[^:/]+:([0-9]+).*#\1#' <<< "$PG_ADDRESS")"
echo "gateway $GATEWAY, Kafka $KAFKA, PostgreSQL $PG_HOST:$PG_PORT"

# ------------------------------------------------------------------ raw Kafka
echo "== Kafka: ProducerPerformance, $KAFKA_RECORDS records of $RECORD_SIZE bytes, unthrottled, acks=all"
kafka_tool() { "$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "org.apache.kafka.tools.$@"; }
RAW_TOPIC="bench-raw-$(date +%s)"
# Six partitions, like the saga topics.
kafka_tool TopicCommand --bootstrap-server "$KAFKA" --create --topic "$RAW_TOPIC" --partitions 6 --replication-factor 1 > /dev/null
kafka_tool ProducerPerformance --topic "$RAW_TOPIC" --num-records "$KAFKA_RECORDS" --record-size "$RECORD_SIZE" \
  --throughput -1 --producer-props bootstrap.servers="$KAFKA" acks=all > "$OUT/kafka-produce.txt" 2>&1
tail -1 "$OUT/kafka-produce.txt"
KAFKA_PRODUCE="$(awk '/records sent/{v=$4} END{print v}' "$OUT/kafka-produce.txt")"

echo "== Kafka: ConsumerPerformance, the same records"
kafka_tool ConsumerPerformance --bootstrap-server "$KAFKA" --topic "$RAW_TOPIC" --messages "$KAFKA_RECORDS" \
  --timeout 60000 > "$OUT/kafka-consume.txt" 2>&1
tail -2 "$OUT/kafka-consume.txt"
# The last column, fetch.nMsg.sec, leaves out the time spent joining the consumer group.
KAFKA_CONSUME="$(awk -F', *' '/^[0-9][0-9][0-9][0-9]-/{v=$NF} END{printf "%.1f", v}' "$OUT/kafka-consume.txt")"

echo "== Kafka: EndToEndLatency, $E2E_RECORDS records of $RECORD_SIZE bytes one at a time, acks=all"
kafka_tool EndToEndLatency "$KAFKA" "bench-e2e-$(date +%s)" "$E2E_RECORDS" all "$RECORD_SIZE" > "$OUT/kafka-e2e.txt" 2>&1
grep -E '^(Avg latency|Percentiles)' "$OUT/kafka-e2e.txt"
KAFKA_E2E_P50="$(sed -nE 's/^Percentiles: 50th = ([0-9]+),.*/\1/p' "$OUT/kafka-e2e.txt")"
KAFKA_E2E_P99="$(sed -nE 's/^Percentiles: .*99th = ([0-9]+),.*/\1/p' "$OUT/kafka-e2e.txt")"
KAFKA_E2E_AVG="$(sed -nE 's/^Avg latency: ([0-9.]+) ms/\1/p' "$OUT/kafka-e2e.txt")"

# ------------------------------------------------------------------ raw PostgreSQL
echo "== PostgreSQL: pgbench -s $PGBENCH_SCALE, $PGBENCH_CLIENTS clients, $PGBENCH_THREADS threads, $PGBENCH_SECONDS s"
export PGHOST="$PG_HOST" PGPORT="$PG_PORT" PGUSER=bookstore PGPASSWORD=bookstore # embedded PostgresServer USER/PASSWORD
export PGOPTIONS='-c client_min_messages=warning'
psql -q -d postgres -c 'DROP DATABASE IF EXISTS pgbench_scratch' -c 'CREATE DATABASE pgbench_scratch' > /dev/null
pgbench -i -q -s "$PGBENCH_SCALE" pgbench_scratch > "$OUT/pgbench-init.txt" 2>&1
pgbench -c "$PGBENCH_CLIENTS" -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" pgbench_scratch > "$OUT/pgbench.txt" 2>&1
grep -E '^(tps|latency average)' "$OUT/pgbench.txt"
PG_TPS="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$OUT/pgbench.txt" | head -1)"
psql -q -d postgres -c 'DROP DATABASE pgbench_scratch' > /dev/null

# ------------------------------------------------------------------ the saga
# RATE may list several rates (e.g. RATE=20,100,200): each is a load of its own against the same
# shop, in the order given, each after the previous one has drained.
RATES="$(tr ',' ' ' <<< "$RATE")"
# The launcher JVM hosts the Kafka broker, whose request metrics the generator reads over JMX (the
# JDK's attach API); ./shop execs it, so it is $shop_pid itself, or else one of its children.
LAUNCHER_PID=""
for pid in "$shop_pid" $(pgrep -P "$shop_pid" 2>/dev/null || true); do
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'local-launcher'; then LAUNCHER_PID="$pid"; break; fi
done
echo "launcher JVM: ${LAUNCHER_PID:-not found (the generator looks for it by its command line)}"
saga_load() { # rate, duration, out
  GATEWAY="$GATEWAY" KAFKA="$KAFKA" POSTGRES="$PG_HOST:$PG_PORT" LAUNCHER_PID="$LAUNCHER_PID" \
    ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    RATE="$1" DURATION="$2" WARMUP="$WARMUP" DRAIN="$DRAIN" IDLE="$IDLE" QUIET="$QUIET" SAMPLE_EVERY="$SAMPLE_EVERY" \
    CUSTOMERS="$CUSTOMERS" BOOKS="$BOOKS" MAX_IN_FLIGHT="$MAX_IN_FLIGHT" \
    CLK_TCK="$(getconf CLK_TCK)" SHOP_DATA="$OUT/shop-data" BENCH_TOPICS='bench-.*' OUT="$3" \
    "$JAVA" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$CP" SagaLoad
}
# The services' JIT compilers are still busy minutes after start (C2 compiles what the load makes
# hot): a modest load first, not measured, so the measured loads meet compiled code.
if [ "$JIT_WARMUP" -gt 0 ]; then
  echo "== warm-up: $JIT_WARMUP_RATE orders/s for $JIT_WARMUP s, not measured"
  saga_load "$JIT_WARMUP_RATE" "$JIT_WARMUP" "$OUT/saga-warm-up" > "$OUT/saga-warm-up.txt" 2>&1 \
    || echo "the warm-up load failed, see $OUT/saga-warm-up.txt" >&2
  echo "warm-up: $(sed -n 's/^confirmed_per_s=//p' "$OUT/saga-warm-up/saga.properties" 2>/dev/null) confirmed/s, JIT compiler threads $(sed -n 's/^cpu_cores_jit=//p' "$OUT/saga-warm-up/saga.properties" 2>/dev/null) cores"
fi
for rate in $RATES; do
  echo "== saga: $rate orders/s through the gateway for ${DURATION} s after a ${WARMUP} s ramp (load average $(loadavg))"
  saga_load "$rate" "$DURATION" "$OUT/saga-$rate" 2>&1 \
    | tee "$OUT/saga-$rate.txt" || echo "the saga load at $rate/s failed, see $OUT/saga-$rate.txt" >&2
done
LOAD_END="$(loadavg)"
STEAL="$(steal_since "$TICKS_START")"

# What the services logged as errors or warnings during the run (ECS JSON lines), most frequent first.
LOG_DIR="$OUT/shop-data/logs"
: > "$OUT/log-summary.txt"
log_levels="$(for log in "$LOG_DIR"/*.log; do
  [ -f "$log" ] || continue
  e="$(grep -c '"level":"ERROR"' "$log" || true)"; w="$(grep -c '"level":"WARN"' "$log" || true)"
  [ "$e$w" = 00 ] && continue
  printf '%s %s errors, %s warnings; ' "$(basename "$log" .log)" "$e" "$w"
  { echo "== $(basename "$log")"
    # The event's own message follows the service object; an error's message comes later.
    grep -E '"level":"(ERROR|WARN)"' "$log" \
      | sed -nE 's/.*"level":"([A-Z]+)".*\}\},"message":"(([^"\\]|\\.){0,140}).*/\1 \2/p' \
      | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g' | sort | uniq -c | sort -rn | head -5
  } >> "$OUT/log-summary.txt"
done)"
log_levels="${log_levels%; }"

# ------------------------------------------------------------------ results
# Everything results.md needs besides the loads' own figures (out/saga-RATE/saga.properties).
{
  echo "started_at=$STARTED_AT"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $("$JAVA" -version 2>&1 | head -1)"
  echo "shop_command=./shop --fresh --port-offset=$PORT_OFFSET $SHOP_OPTIONS"
  echo "load_start=$LOAD_START"
  echo "load_end=$LOAD_END"
  echo "steal=$STEAL"
  echo "rates=$RATES"
  echo "warmup=$WARMUP"; echo "duration=$DURATION"; echo "drain=$DRAIN"; echo "idle=$IDLE"; echo "quiet=$QUIET"
  echo "sample_every=$SAMPLE_EVERY"; echo "customers=$CUSTOMERS"; echo "books=$BOOKS"
  echo "jit_warmup=$JIT_WARMUP"; echo "jit_warmup_rate=$JIT_WARMUP_RATE"
  echo "record_size=$RECORD_SIZE"; echo "kafka_records=$KAFKA_RECORDS"; echo "e2e_records=$E2E_RECORDS"
  echo "kafka_produce=$KAFKA_PRODUCE"; echo "kafka_consume=$KAFKA_CONSUME"
  echo "e2e_avg=$KAFKA_E2E_AVG"; echo "e2e_p50=$KAFKA_E2E_P50"; echo "e2e_p99=$KAFKA_E2E_P99"
  echo "pgbench_scale=$PGBENCH_SCALE"; echo "pgbench_clients=$PGBENCH_CLIENTS"; echo "pgbench_threads=$PGBENCH_THREADS"
  echo "pgbench_seconds=$PGBENCH_SECONDS"; echo "pg_tps=$PG_TPS"
  echo "log_levels=${log_levels:-no errors or warnings}"
} > "$OUT/run.properties"
echo
"$JAVA" -cp "$OUT/classes" Results "$OUT"
