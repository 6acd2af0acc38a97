#!/usr/bin/env bash
# Order saga benchmark: the whole shop started by the local launcher (./shop, fresh data under
# out/shop-data, every port shifted by PORT_OFFSET so it runs beside a shop on the usual ports), then,
# in one run against that same shop:
#   kafka     Kafka's own tools against the shop's broker: ProducerPerformance and
#             ConsumerPerformance (RECORD_SIZE-byte records, about an order event, unthrottled) and
#             EndToEndLatency (one record at a time, produce to consume): the raw Kafka limit
#   postgres  pgbench (TPC-B-like) in a scratch database of the shop's PostgreSQL: the raw
#             transaction limit
#   saga      SagaLoad.java through the gateway: stock and customers set up, then open-loop orders
#             ramping from 0 to RATE/s over WARMUP s and RATE/s for the DURATION s measured;
#             POST → CONFIRMED is timed from each order's scheduled send to its OrderConfirmed on
#             orders.events.v1, read by a consumer in the generator (no polling over HTTP), and
#             split into legs by the saga's command and reply records; CPU per process from /proc,
#             idle and under load
# and reports confirmed orders/s and p50/p99 POST → CONFIRMED next to the raw limits, as ratios,
# with the machine's load average at start and end, in out/results.md (out/ keeps every raw output).
#
# Usage: bench/saga/run.sh
#   RATE (200; a list such as 20,100,200 runs one load per rate), DURATION (60), WARMUP (15),
#   DRAIN (60), CUSTOMERS (50), BOOKS (50), MAX_IN_FLIGHT (2000)                        the saga load
#   JIT_WARMUP (240 s; 0 skips it), JIT_WARMUP_RATE (8/s)        an unmeasured load before the first
#   KAFKA_RECORDS (300000), RECORD_SIZE (1024), E2E_RECORDS (5000)                     the Kafka stage
#   PGBENCH_SCALE (10), PGBENCH_CLIENTS (8), PGBENCH_THREADS (2), PGBENCH_SECONDS (30)  the pgbench stage
#   PORT_OFFSET (1000), ADMIN_EMAIL, ADMIN_PASSWORD, SHOP_OPTIONS (--throughput when ./shop
#   has it; set it empty for the services as ./shop starts them by default)             the shop
# Needs pgbench and psql (apt-get install postgresql-client). Everything runs on this machine, on
# loopback only; ./shop builds the jars first when sources changed.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
RATE="${RATE:-200}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-15}"
DRAIN="${DRAIN:-60}"
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
rm -rf "$OUT"/saga* "$OUT"/kafka-*.txt "$OUT"/pgbench*.txt "$OUT"/results.md "$OUT"/log-summary.txt
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
ratio() { # a, b, [printf format]
  awk -v a="$1" -v b="$2" -v f="${3:-%.4f}" 'BEGIN { if (a == "" || b == "" || a == "NA" || b + 0 == 0) print "—"; else printf f, a / b }'
}
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
# shop, lowest first, each after the previous one has drained.
RATES="$(tr ',' ' ' <<< "$RATE")"
# What the saga asks of PostgreSQL per confirmed order, from pg_stat_statements (the embedded
# server preloads it; the superuser may log in from loopback without a password) and
# pg_stat_database, counted from just before a load to the end of its drain.
SAGA_DATABASES="orders inventory payments"
as_superuser() { psql -X -q -At -U postgres "$@"; }
for db in $SAGA_DATABASES; do
  as_superuser -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' > /dev/null
done
confirmed_in_shop() { as_superuser -d orders -c "SELECT count(*) FROM customer_order WHERE status = 'CONFIRMED'"; }
commits_of() { as_superuser -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'"; }
statements_start() { # out
  for db in $SAGA_DATABASES; do
    as_superuser -d "$db" -c 'SELECT pg_stat_statements_reset()' > /dev/null
    echo "$db $(commits_of "$db")"
  done > "$1.commits"
  confirmed_in_shop > "$1.confirmed"
}
statements_end() { # out: writes out.txt (per statement) and out.properties (per database and in all)
  local orders commits statements exec_ms total_statements=0 total_commits=0 total_ms=0 own
  orders=$(( $(confirmed_in_shop) - $(cat "$1.confirmed") ))
  [ "$orders" -gt 0 ] || { echo "pg_statements=NA" > "$1.properties"; return; }
  : > "$1.txt"; : > "$1.properties"
  for db in $SAGA_DATABASES; do
    own="dbid = (SELECT oid FROM pg_database WHERE datname = '$db') AND query NOT LIKE '%pg_stat_statements%'"
    commits=$(( $(commits_of "$db") - $(awk -v d="$db" '$1 == d {print $2}' "$1.commits") ))
    read -r statements exec_ms < <(as_superuser -d "$db" -F ' ' \
      -c "SELECT coalesce(sum(calls), 0), round(coalesce(sum(total_exec_time), 0)::numeric, 1) FROM pg_stat_statements WHERE $own")
    { echo "== $db: $orders confirmed orders; per order: calls, execution ms, statement"
      as_superuser -d "$db" -F ' | ' -c "SELECT round(calls::numeric / $orders, 2), round((total_exec_time / $orders)::numeric, 3),
          left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements WHERE $own ORDER BY calls DESC"
    } >> "$1.txt"
    printf '%s_statements_per_order=%s\n%s_commits_per_order=%s\n%s_exec_ms_per_order=%s\n' \
      "$db" "$(ratio "$statements" "$orders" %.1f)" "$db" "$(ratio "$commits" "$orders" %.1f)" \
      "$db" "$(ratio "$exec_ms" "$orders" %.2f)" >> "$1.properties"
    total_statements=$((total_statements + statements)); total_commits=$((total_commits + commits))
    total_ms="$(awk -v a="$total_ms" -v b="$exec_ms" 'BEGIN { print a + b }')"
  done
  printf 'pg_orders=%s\npg_statements_per_order=%s\npg_commits_per_order=%s\npg_exec_ms_per_order=%s\n' "$orders" \
    "$(ratio "$total_statements" "$orders" %.1f)" "$(ratio "$total_commits" "$orders" %.1f)" \
    "$(ratio "$total_ms" "$orders" %.2f)" >> "$1.properties"
}
saga_load() { # rate, duration, out
  GATEWAY="$GATEWAY" KAFKA="$KAFKA" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    RATE="$1" DURATION="$2" WARMUP="$WARMUP" DRAIN="$DRAIN" CUSTOMERS="$CUSTOMERS" BOOKS="$BOOKS" \
    CLK_TCK="$(getconf CLK_TCK)" SHOP_DATA="$OUT/shop-data" OUT="$3" \
    "$JAVA" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$HERE/SagaLoad.java"
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
  loadavg > "$OUT/saga-$rate.loadavg"
  statements_start "$OUT/pg-statements-$rate"
  saga_load "$rate" "$DURATION" "$OUT/saga-$rate" 2>&1 \
    | tee "$OUT/saga-$rate.txt" || echo "the saga load at $rate/s failed, see $OUT/saga-$rate.txt" >&2
  statements_end "$OUT/pg-statements-$rate"
  loadavg >> "$OUT/saga-$rate.loadavg"
done
LOAD_END="$(loadavg)"
STEAL="$(steal_since "$TICKS_START")"
saga() { # rate, key: a figure of that load, NA when it has none
  local value
  value="$(sed -n "s/^$2=//p" "$OUT/saga-$1/saga.properties" 2>/dev/null)"
  echo "${value:-NA}"
}

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

# ------------------------------------------------------------------ results
KAFKA_RATE="$(awk -v p="$KAFKA_PRODUCE" -v c="$KAFKA_CONSUME" 'BEGIN { printf "%.0f", (c + 0 > 0 && c + 0 < p + 0) ? c : p }')"
# EndToEndLatency truncates to whole milliseconds; a p99 of 0 counts as 1 ms for the ratio.
E2E_P99_FOR_RATIO="$(( ${KAFKA_E2E_P99:-0} > 0 ? ${KAFKA_E2E_P99:-0} : 1 ))"
PG_TPS="$(awk -v t="$PG_TPS" 'BEGIN { printf "%.0f", t }')"
JAVA_VERSION="$("$JAVA" -version 2>&1 | head -1)"
target="not met"
for rate in $RATES; do
  awk -v c="$(saga "$rate" confirmed_per_s)" -v p="$(saga "$rate" saga_p99_ms)" \
    'BEGIN { exit !(c + 0 >= 200 && p != "NA" && p + 0 < 1000) }' && target="met at $rate/s offered"
done

{
  echo "# Order saga benchmark, $STARTED_AT"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $JAVA_VERSION."
  echo "Shop: ./shop --fresh --port-offset=$PORT_OFFSET $SHOP_OPTIONS. Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at the end (per saga load below). CPU time stolen by the hypervisor over the whole run: $STEAL of the machine."
  echo
  echo "| offered | confirmed/s | POST→CONFIRMED p50 / p99 (max) | Kafka records/s | Kafka e2e p50 / p99 | pgbench tps | confirmed ÷ Kafka | confirmed ÷ pgbench | saga p99 ÷ Kafka e2e p99 | load avg before → after |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for rate in $RATES; do
    echo "| $rate/s | $(saga "$rate" confirmed_per_s) | $(saga "$rate" saga_p50_ms) ms / $(saga "$rate" saga_p99_ms) ms ($(saga "$rate" saga_max_ms) ms) | $KAFKA_RATE | $KAFKA_E2E_P50 ms / $KAFKA_E2E_P99 ms | $PG_TPS | $(ratio "$(saga "$rate" confirmed_per_s)" "$KAFKA_RATE") | $(ratio "$(saga "$rate" confirmed_per_s)" "$PG_TPS") | $(ratio "$(saga "$rate" saga_p99_ms)" "$E2E_P99_FOR_RATIO" %.0f)× | $(head -1 "$OUT/saga-$rate.loadavg") → $(tail -1 "$OUT/saga-$rate.loadavg") |"
  done
  echo
  echo "Target on 2 cores (200 confirmed orders/s, p99 under 1 s): **$target**."
  echo
  echo "- Saga: open-loop POST /api/orders through the gateway (rate limits off), a ${WARMUP} s ramp from 0 to the offered rate, then ${DURATION} s measured; $CUSTOMERS customers, $BOOKS books, 1–2 lines per order, pm_card_visa. POST→CONFIRMED runs from an order's scheduled send to its OrderConfirmed arriving on orders.events.v1; confirmed/s counts OrderConfirmed arriving during the measured window. Before the first load, $JIT_WARMUP s at $JIT_WARMUP_RATE orders/s, not measured, so that the loads meet compiled code."
  for rate in $RATES; do
    echo "  - $rate/s: of the orders due in the measured window, $(saga "$rate" sent) sent, $(saga "$rate" accepted) answered 202 ($(saga "$rate" accepted_ratio)), $(saga "$rate" confirmed) confirmed, $(saga "$rate" rejected) rejected, $(saga "$rate" cancelled) cancelled, $(saga "$rate" not_terminal_of_measured) not terminal after a ${DRAIN} s drain; not sent (in-flight cap) $(saga "$rate" not_sent)."
    echo "    POST answered p50 $(saga "$rate" post_p50_ms) ms, p99 $(saga "$rate" post_p99_ms) ms; most requests in flight $(saga "$rate" max_in_flight); generator lag at most $(saga "$rate" max_send_lag_ms) ms."
    echo "    Errors: $(saga "$rate" errors). Whole load: $(saga "$rate" not_terminal) accepted orders never terminal on Kafka, $(saga "$rate" pending_in_shop) PENDING in order-service at the end."
    echo "    Legs of POST→CONFIRMED (arrival of each saga record on Kafka), p50: $(saga "$rate" hops_p50_ms); p99: $(saga "$rate" hops_p99_ms) (ms)."
    pg() { sed -n "s/^$1=//p" "$OUT/pg-statements-$rate.properties" 2>/dev/null; }
    echo "    PostgreSQL per confirmed order (from before the load to the end of its drain, $(pg pg_orders) orders): $(pg pg_statements_per_order) statements (orders $(pg orders_statements_per_order), inventory $(pg inventory_statements_per_order), payments $(pg payments_statements_per_order)), $(pg pg_commits_per_order) commits, $(pg pg_exec_ms_per_order) ms executing them (pg-statements-$rate.txt: each statement). 200 orders/s would be $(awk -v s="$(pg pg_statements_per_order)" 'BEGIN { printf "%.0f", 200 * s }') statements/s; pgbench ran $(awk -v t="$PG_TPS" 'BEGIN { printf "%.0f", 7 * t }') (7 a transaction)."
    echo "    CPU cores used in the measured window: $(saga "$rate" cpu_cores_used), of which the JVMs' JIT compiler threads $(saga "$rate" cpu_cores_jit); with the shop idle just before: $(saga "$rate" cpu_cores_idle). CPU of the whole machine per confirmed order: $(saga "$rate" cpu_ms_per_confirmed_order) ms."
  done
  echo "- Kafka (the shop's broker, in the launcher JVM), records of $RECORD_SIZE B, acks=all, 6 partitions: ProducerPerformance $KAFKA_RECORDS unthrottled $KAFKA_PRODUCE records/s, ConsumerPerformance of the same $KAFKA_CONSUME records/s (fetch time only); \"Kafka records/s\" is the lower. EndToEndLatency, $E2E_RECORDS records one at a time: avg $KAFKA_E2E_AVG ms, p50 $KAFKA_E2E_P50 ms, p99 $KAFKA_E2E_P99 ms (whole ms)."
  echo "- PostgreSQL (the shop's server): pgbench TPC-B-like, scale $PGBENCH_SCALE, $PGBENCH_CLIENTS clients, $PGBENCH_THREADS threads, $PGBENCH_SECONDS s: $PG_TPS tps."
  echo "- Service logs: ${log_levels:-no errors or warnings} (most frequent: log-summary.txt)"
  echo
  echo "Per-second timelines: saga-RATE/saga-timeline.csv; raw outputs: kafka-*.txt, pgbench.txt, saga-RATE.txt; shop logs: shop-data/logs/."
} > "$OUT/results.md"
echo
cat "$OUT/results.md"
