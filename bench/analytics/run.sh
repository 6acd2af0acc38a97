#!/usr/bin/env bash
# Analytics benchmark (issue 20): how fast analytics-service ingests two years of a shop's sales and orders, against
# the raw consume rate of the same topics measured in the same run, and how fast it answers reports afterwards.
#   shop      Kafka, user-service (the admin's token) and analytics-service as ./shop starts them
#             (--only=user,analytics, fresh data under out/shop-data, ports shifted by PORT_OFFSET); the shop's
#             analytics instance is stopped at once, before anything is published, so that it neither reads the
#             history as it arrives nor seeds its sample history
#   publish   Publish.java (with History.java) straight onto the topics, with the shop's own event classes and
#             OutgoingEvent (JSON value, CloudEvents headers, the producing service as ce_source), each record
#             timestamped when it happened: BOOKS BookAdded (categories, publisher) and their StockLevelChanged,
#             then DAYS days of orders (ORDERS_PER_DAY on average with a week rhythm, 618 and Double Eleven; 1-4
#             lines from a Zipf long tail; CUSTOMERS 64-hex pseudonyms): OrderPlaced and OrderConfirmed on
#             orders.events.v1, one SaleRecorded per line on sales.events.v1
#   raw       Kafka's ConsumerPerformance reading sales.events.v1 and orders.events.v1 from the beginning
#   ingest    analytics-service started again with the same command line and environment the launcher gave it,
#             but a fresh state directory and application id (ANALYTICS_APPLICATION_ID), with the history already
#             there; IngestWatch.java samples its consumer group's committed offsets until it has no lag on both
#             topics and its repartition topics, with the stream threads' metrics over JMX and a JFR recording
#   counts    TopicCounts.java: records (and offsets) on every repartition and changelog topic; the producers'
#             record counts per topic; the state directory's size
#   queries   QueryLatency.java: p50/p99 of REQUESTS sequential requests per report, straight at analytics-service
# and reports in out/results.md, the machine-independent counts first, with the machine's load average at start
# and end. out/ keeps every raw output (analytics.log, ingest-samples.csv, ingest-threads.csv, analytics.jfr,
# profile*.txt, answers/).
#
# Usage: bench/analytics/run.sh
#   BOOKS (100000), CUSTOMERS (4000), ORDERS_PER_DAY (300), DAYS (730), SKEW (1.0), SEED (20)      the history
#   REQUESTS (300), WARM_UP (10), MAX_SECONDS (120 per report)                                     the queries
#   INGEST_TIMEOUT (3600 s), JFR (1: profile the ingest; 0: no recording)
#   PORT_OFFSET (2500), ADMIN_EMAIL, ADMIN_PASSWORD, SHOP_OPTIONS (--throughput when ./shop has it: the
#   optimising compiler and larger heaps, as in production; set it empty for ./shop's defaults)
# A quick check of the script: BOOKS=2000 DAYS=30 REQUESTS=20. The run of 2026-12-07 used ORDERS_PER_DAY=120 (the
# average of the shop's own sample history) REQUESTS=100 MAX_SECONDS=45: at 300 a day the ingest alone takes most of
# an hour here (each customer's whole history is read and written per sale line, so the cost of a line grows with
# its customer's history). Everything runs on this machine, on loopback only; ./shop builds the jars first when
# sources changed. Stop it with Ctrl-C (the whole process group): a TERM to this script alone waits for the step
# under way before it stops the services.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
export BOOKS="${BOOKS:-100000}" CUSTOMERS="${CUSTOMERS:-4000}" ORDERS_PER_DAY="${ORDERS_PER_DAY:-300}"
export DAYS="${DAYS:-730}" SKEW="${SKEW:-1.0}" SEED="${SEED:-20}"
export REQUESTS="${REQUESTS:-300}" WARM_UP="${WARM_UP:-10}" MAX_SECONDS="${MAX_SECONDS:-120}"
INGEST_TIMEOUT="${INGEST_TIMEOUT:-3600}"
JFR="${JFR:-1}"
PORT_OFFSET="${PORT_OFFSET:-2500}"
ADMIN_EMAIL="${ADMIN_EMAIL:-analytics-bench-admin@bookstore.example.com}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-Tall-Shelves-of-Paper-42}"
if [ -z "${SHOP_OPTIONS+set}" ]; then
  SHOP_OPTIONS=""
  grep -q -- '--throughput' "$ROOT/shop" && SHOP_OPTIONS="--throughput"
fi
ZONE=Asia/Shanghai # the shop's calendar (analytics' default)
GROUP="bookstore-analytics-bench-$(date +%s)"

. "$ROOT/.mvn/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
rm -rf "$OUT"
mkdir -p "$OUT"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
. "$ROOT/bench/lib/steal.sh"
TICKS_START="$(cpu_ticks)"
LOAD_START="$(loadavg)"
STARTED_AT="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "== load average at start: $LOAD_START"

shop_pid=""
analytics_pid=""
stop_analytics() {
  if [ -n "$analytics_pid" ] && kill -0 "$analytics_pid" 2>/dev/null; then
    kill -TERM "$analytics_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$analytics_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$analytics_pid" 2>/dev/null || true
  fi
  analytics_pid=""
}
cleanup() {
  stop_analytics
  if [ -n "$shop_pid" ] && kill -0 "$shop_pid" 2>/dev/null; then
    echo "== stopping the shop"
    kill -TERM "$shop_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$shop_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$shop_pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== classpath of Kafka's ConsumerPerformance (bench/analytics/pom.xml)"
(cd "$ROOT" && ./mvnw -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" \
  > "$OUT/classpath-build.log" 2>&1) || { cat "$OUT/classpath-build.log" >&2; exit 1; }
TOOLS_CP="$(cat "$OUT/classpath.txt")"

echo "== starting Kafka, user-service and analytics-service (./shop --only=user,analytics --data=bench/analytics/out/shop-data --fresh --port-offset=$PORT_OFFSET $SHOP_OPTIONS)"
started=$SECONDS
(cd "$ROOT" && exec env -u KAFKA_BOOTSTRAP_SERVERS -u POSTGRES_URL -u MONGODB_URI \
  BOOKSTORE_ADMIN_EMAIL="$ADMIN_EMAIL" BOOKSTORE_ADMIN_PASSWORD="$ADMIN_PASSWORD" ANALYTICS_SEED_HISTORY=false \
  ./shop --only=user,analytics --data="$OUT/shop-data" --fresh --port-offset="$PORT_OFFSET" $SHOP_OPTIONS) \
  > "$OUT/shop.log" 2>&1 &
shop_pid=$!
deadline=$((SECONDS + 900))
until grep -qs 'The bookstore is running' "$OUT/shop.log"; do
  kill -0 "$shop_pid" 2>/dev/null || { tail -40 "$OUT/shop.log" >&2; echo "the shop did not start, see $OUT/shop.log" >&2; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "the shop did not start within 900 s, see $OUT/shop.log" >&2; exit 1; }
  sleep 2
done
sleep 1
echo "shop running after $((SECONDS - started)) s"
summary_value() { awk -v name="$1" '/The bookstore is running/{f=1} f && $1 == name {print $2; exit}' "$OUT/shop.log"; }
KAFKA="$(summary_value Kafka)"; KAFKA="${KAFKA:-localhost:$((9092 + PORT_OFFSET))}"
USER_URL="$(summary_value user-service)"; USER_URL="${USER_URL:-http://localhost:$((8082 + PORT_OFFSET))}"
ANALYTICS_URL="$(summary_value analytics-service)"; ANALYTICS_URL="${ANALYTICS_URL:-http://localhost:$((8086 + PORT_OFFSET))}"
echo "Kafka $KAFKA, user-service $USER_URL, analytics-service $ANALYTICS_URL"

# The shop's analytics-service: the one JVM of this data folder running the analytics jar. Its command line and
# environment are what the measured instance is started with; it stops before anything is published.
shop_analytics="$(pgrep -f -- "$OUT/shop-data/.*analytics-service" | head -1 || true)"
[ -n "$shop_analytics" ] || { echo "analytics-service of this shop not found" >&2; exit 1; }
tr '\0' '\n' < "/proc/$shop_analytics/cmdline" > "$OUT/analytics-command.txt"
tr '\0' '\n' < "/proc/$shop_analytics/environ" > "$OUT/analytics-environment.txt"
LAUNCHER_PID=""
for pid in "$shop_pid" $(pgrep -P "$shop_pid" 2>/dev/null || true); do
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'local-launcher'; then LAUNCHER_PID="$pid"; break; fi
done
echo "== stopping the shop's analytics-service (pid $shop_analytics) before publishing"
kill -TERM "$shop_analytics"
for _ in $(seq 1 60); do kill -0 "$shop_analytics" 2>/dev/null || break; sleep 1; done
kill -0 "$shop_analytics" 2>/dev/null && { echo "analytics-service $shop_analytics did not stop" >&2; exit 1; }

echo "== compiling the generator and reporter into out/classes, on analytics-service's libraries"
ANALYTICS_JAR="$(ls "$ROOT"/analytics-service/target/analytics-service-*.jar | grep -v original | head -1)"
"$JAVA" -Djarmode=tools -jar "$ANALYTICS_JAR" extract --destination "$OUT/analytics-jar" > /dev/null
CP="$OUT/analytics-jar/lib/*"
mkdir -p "$OUT/classes"
cat > "$OUT/classes/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss} %-5level %logger{30} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML
"$JAVA_HOME/bin/javac" -nowarn -encoding UTF-8 -d "$OUT/classes" -cp "$CP" "$HERE"/*.java "$ROOT/bench/saga/Stats.java"
bench_java() { KAFKA="$KAFKA" OUT="$OUT" ZONE="$ZONE" GROUP="$GROUP" "$JAVA" -Xmx1g -cp "$OUT/classes:$CP" "$@"; }

# ------------------------------------------------------------------ publish
echo "== publishing $BOOKS books and $DAYS days of orders (about $ORDERS_PER_DAY a day)"
bench_java Publish | tee "$OUT/publish.txt"

# ------------------------------------------------------------------ raw Kafka
kafka_tool() { "$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" "org.apache.kafka.tools.$@"; }
for topic in sales.events.v1 orders.events.v1; do
  messages="$(sed -n "s/^published\.$topic=//p" "$OUT/publish.properties")"
  echo "== Kafka: ConsumerPerformance, $messages records of $topic from the beginning"
  kafka_tool ConsumerPerformance --bootstrap-server "$KAFKA" --topic "$topic" --messages "$messages" \
    --group "bench-raw-$topic-$(date +%s)" --timeout 60000 > "$OUT/kafka-consume-$topic.txt" 2>&1
  tail -1 "$OUT/kafka-consume-$topic.txt"
done
# data.consumed.in.nMsg and fetch.time.ms (the time without the group join) of both topics: one rate.
RAW_RATE="$(cat "$OUT"/kafka-consume-*.txt | awk -F', *' '/^[0-9][0-9][0-9][0-9]-/{n += $5; ms += $8} END{printf "%.1f", (ms > 0) ? n * 1000 / ms : 0}')"
RAW_RECORDS="$(cat "$OUT"/kafka-consume-*.txt | awk -F', *' '/^[0-9][0-9][0-9][0-9]-/{n += $5} END{print n}')"
echo "raw: $RAW_RECORDS records at $RAW_RATE records/s"

# ------------------------------------------------------------------ ingest
echo "== analytics-service from nothing on the history (application id $GROUP, load average $(loadavg))"
mapfile -t command < "$OUT/analytics-command.txt"
jvm=("${command[0]}")
if [ "$JFR" = 1 ]; then
  jvm+=("-XX:StartFlightRecording=name=ingest,settings=profile,filename=$OUT/analytics-exit.jfr")
fi
environment=()
while IFS= read -r line; do
  case "$line" in
    ANALYTICS_STATE_DIR=* | ANALYTICS_APPLICATION_ID=* | ANALYTICS_SEED_HISTORY=*) ;;
    *=*) environment+=("$line") ;;
  esac
done < "$OUT/analytics-environment.txt"
environment+=("ANALYTICS_STATE_DIR=$OUT/analytics-state" "ANALYTICS_APPLICATION_ID=$GROUP" "ANALYTICS_SEED_HISTORY=false")
STARTED_MS="$(date +%s%3N)"
env -i "${environment[@]}" "${jvm[@]}" "${command[@]:1}" > "$OUT/analytics.log" 2>&1 &
analytics_pid=$!
echo "analytics-service pid $analytics_pid"
STARTED_MS="$STARTED_MS" ANALYTICS_PID="$analytics_pid" BROKER_PID="${LAUNCHER_PID:-0}" CLK_TCK="$(getconf CLK_TCK)" \
  TIMEOUT_S="$INGEST_TIMEOUT" bench_java IngestWatch | tee "$OUT/ingest.txt"
STATE_BYTES_RUNNING="$(du -sb "$OUT/analytics-state" | cut -f1)"
if [ "$JFR" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$analytics_pid" JFR.stop name=ingest filename="$OUT/analytics.jfr" > /dev/null
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$OUT/analytics.jfr" > "$OUT/profile-hot-methods.txt" 2>&1 || true
  "$JAVA_HOME/bin/jfr" view --width 160 allocation-by-class "$OUT/analytics.jfr" > "$OUT/profile-allocation.txt" 2>&1 || true
  "$JAVA_HOME/bin/jfr" summary "$OUT/analytics.jfr" > "$OUT/profile-summary.txt" 2>&1 || true
  "$JAVA" -cp "$OUT/classes" JfrProfile "$OUT/analytics.jfr" > "$OUT/profile.txt" 2>&1 || true
  head -40 "$OUT/profile.txt"
fi

echo "== records the application wrote per topic"
bench_java TopicCounts | tee "$OUT/topics.txt"

# ------------------------------------------------------------------ queries
echo "== queries straight at analytics-service, $REQUESTS each (load average $(loadavg))"
BUSY_BOOK="$(sed -n 's/^busiest_book=//p' "$OUT/publish.properties")"
ANALYTICS_URL="$ANALYTICS_URL" USER_URL="$USER_URL" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  BUSY_BOOK="$BUSY_BOOK" bench_java QueryLatency | tee "$OUT/queries.txt"
LOAD_END="$(loadavg)"
STEAL="$(steal_since "$TICKS_START")"
stop_analytics
STATE_BYTES_STOPPED="$(du -sb "$OUT/analytics-state" | cut -f1)"

# What the measured instance logged as errors or warnings (ECS JSON lines), most frequent first.
{
  grep -E '"level":"(ERROR|WARN)"' "$OUT/analytics.log" \
    | sed -nE 's/.*"level":"([A-Z]+)".*"message":"(([^"\\]|\\.){0,700}).*/\1 \2/p' \
    | sed -E 's/\[(Producer|Consumer|AdminClient) clientId=[^]]*\] //; s/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g' \
    | sed -E 's/correlation id [0-9]+/correlation id <n>/; s/topic-partition [^ ,]+/topic-partition <tp>/; s/partition [^ ]+ as/partition <tp> as/; s/\([0-9]+ attempts left\)/(<n> attempts left)/' \
    | sort | uniq -c | sort -rn | head -10
} > "$OUT/log-summary.txt" || true

# ------------------------------------------------------------------ results
{
  echo "started_at=$STARTED_AT"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $("$JAVA" -version 2>&1 | head -1)"
  echo "shop_command=./shop --only=user,analytics --fresh --port-offset=$PORT_OFFSET $SHOP_OPTIONS"
  echo "analytics_jvm=$(grep -E '^-X' "$OUT/analytics-command.txt" | grep -v -e ErrorFile -e SharedArchive -e Xlog | tr '\n' ' ')"
  echo "load_start=$LOAD_START"
  echo "load_end=$LOAD_END"
  echo "steal=$STEAL"
  echo "raw_rate=$RAW_RATE"
  echo "raw_records=$RAW_RECORDS"
  echo "state_bytes_running=$STATE_BYTES_RUNNING"
  echo "state_bytes_stopped=$STATE_BYTES_STOPPED"
  echo "jfr=$JFR"
} > "$OUT/run.properties"
echo
bench_java Results
