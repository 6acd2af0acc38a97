import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches an analytics instance that started when the history was already on the topics, until its consumer group
 * (the Kafka Streams application id) has caught up: no lag on sales.events.v1 and orders.events.v1, and its
 * repartition topics read to their end. Committed offsets are sampled every SAMPLE_MS; with exactly-once they move at
 * each commit (100 ms), so they say what the instance has processed.
 *
 * <p>A repartition topic is written in transactions, and each commit leaves a marker that takes an offset but is no
 * record: a partition counts as read at its end less one, once the group's offsets stopped moving for a sample.
 *
 * <p>Environment: KAFKA, GROUP, OUT, STARTED_MS (epoch ms the instance was started), ANALYTICS_PID, BROKER_PID (the
 * launcher JVM, 0 if unknown), CLK_TCK, SAMPLE_MS (500), TIMEOUT_S (3600). Writes OUT/ingest.properties and
 * OUT/ingest-samples.csv.
 */
public final class IngestWatch {

    static final List<String> INPUTS = List.of("sales.events.v1", "orders.events.v1");

    public static void main(String[] args) throws Exception {
        BenchEnv env = new BenchEnv();
        String kafka = env.required("KAFKA");
        String group = env.required("GROUP");
        Path out = Path.of(env.required("OUT"));
        long startedMs = Long.parseLong(env.required("STARTED_MS"));
        long analyticsPid = Long.parseLong(env.text("ANALYTICS_PID", "0"));
        long brokerPid = Long.parseLong(env.text("BROKER_PID", "0"));
        double ticks = Double.parseDouble(env.text("CLK_TCK", "100"));
        int sampleMs = env.integer("SAMPLE_MS", 500);
        int timeoutS = env.integer("TIMEOUT_S", 3600);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                PrintWriter samples = new PrintWriter(Files.newBufferedWriter(out.resolve("ingest-samples.csv")))) {
            samples.println("seconds,input_committed,input_lag,repartition_lag,analytics_cpu_s,broker_cpu_s");
            List<TopicPartition> inputs = partitions(admin, INPUTS);
            Map<TopicPartition, Long> inputEnds = ends(admin, inputs);
            long inputTotal = inputEnds.values().stream().mapToLong(Long::longValue).sum();
            double cpuAtStart = cpuSeconds(analyticsPid, ticks); // the JVM is a few ms old: close to zero
            double brokerAtStart = cpuSeconds(brokerPid, ticks);
            long firstMs = -1;
            long committedAtFirst = 0;
            double cpuAtFirst = 0;
            long previousCommitted = -1;
            long previousRepartitionCommitted = -1;
            long doneMs = -1;
            List<String> repartitionTopics = List.of();
            long committed = 0;
            long repartitionLag = 0;
            StreamsMetrics metrics = null;
            long lastThreadSample = 0;
            Map<String, double[]> ratioSums = new java.util.TreeMap<>();
            int ratioSamples = 0;
            PrintWriter threadSamples = new PrintWriter(Files.newBufferedWriter(out.resolve("ingest-threads.csv")));
            threadSamples.println("seconds,process_rate,process_ratio,punctuate_ratio,commit_ratio,poll_ratio");
            while (System.currentTimeMillis() - startedMs < timeoutS * 1000L) {
                if (analyticsPid > 0 && !Files.exists(Path.of("/proc/" + analyticsPid))) {
                    throw new IllegalStateException("analytics-service (pid " + analyticsPid + ") exited while ingesting");
                }
                long now = System.currentTimeMillis();
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                committed = sum(offsets, inputs);
                long inputLag = inputTotal - committed;
                repartitionTopics = internal(admin, group, "-repartition");
                List<TopicPartition> repartitions = partitions(admin, repartitionTopics);
                Map<TopicPartition, Long> repartitionEnds = ends(admin, repartitions);
                repartitionLag = 0;
                long repartitionCommitted = 0;
                boolean repartitionsRead = true;
                for (TopicPartition partition : repartitions) {
                    OffsetAndMetadata at = offsets.get(partition);
                    long position = at == null ? 0 : at.offset();
                    long end = repartitionEnds.get(partition);
                    repartitionCommitted += position;
                    repartitionLag += Math.max(0, end - position);
                    repartitionsRead &= position >= end - 1;
                }
                if (metrics == null && analyticsPid > 0 && committed > 0) {
                    try {
                        metrics = StreamsMetrics.attach(analyticsPid);
                    } catch (Exception e) {
                        System.out.println("cannot attach to analytics-service yet: " + e);
                    }
                }
                if (metrics != null && now - lastThreadSample >= 5_000 && inputLag > 0) {
                    lastThreadSample = now;
                    Map<String, Double> thread = metrics.threads();
                    threadSamples.printf(java.util.Locale.ROOT, "%.1f,%.0f,%.3f,%.3f,%.3f,%.3f%n",
                            (now - startedMs) / 1000.0, thread.getOrDefault("process-rate", Double.NaN),
                            thread.getOrDefault("process-ratio", Double.NaN),
                            thread.getOrDefault("punctuate-ratio", Double.NaN),
                            thread.getOrDefault("commit-ratio", Double.NaN),
                            thread.getOrDefault("poll-ratio", Double.NaN));
                    threadSamples.flush();
                    for (String ratio : List.of("process-ratio", "punctuate-ratio", "commit-ratio", "poll-ratio")) {
                        double value = thread.getOrDefault(ratio, Double.NaN);
                        if (!Double.isNaN(value)) {
                            ratioSums.computeIfAbsent(ratio, key -> new double[1])[0] += value;
                        }
                    }
                    ratioSamples++;
                }
                double cpu = cpuSeconds(analyticsPid, ticks) - cpuAtStart;
                double brokerCpu = cpuSeconds(brokerPid, ticks) - brokerAtStart;
                samples.printf("%.1f,%d,%d,%d,%.2f,%.2f%n", (now - startedMs) / 1000.0, committed, inputLag,
                        repartitionLag, cpu, brokerCpu);
                samples.flush();
                if (firstMs < 0 && committed > 0) {
                    firstMs = now;
                    committedAtFirst = committed;
                    cpuAtFirst = cpu;
                }
                boolean settled = committed == previousCommitted && repartitionCommitted == previousRepartitionCommitted;
                if (inputLag == 0 && !repartitionTopics.isEmpty() && repartitionsRead && settled) {
                    doneMs = now;
                    Properties result = new Properties();
                    result.put("group", group);
                    result.put("input_records", String.valueOf(inputTotal));
                    result.put("repartition_topics", String.join(" ", repartitionTopics));
                    result.put("repartition_lag_at_end", String.valueOf(repartitionLag));
                    result.put("seconds_to_first_commit", Stats.fmt((firstMs - startedMs) / 1000.0));
                    result.put("seconds_to_caught_up", Stats.fmt((doneMs - startedMs) / 1000.0));
                    // The sample that saw the last records committed, not the one that confirmed it.
                    long lastMovedMs = doneMs - sampleMs;
                    double steadySeconds = (lastMovedMs - firstMs) / 1000.0;
                    result.put("steady_seconds", Stats.fmt(steadySeconds));
                    result.put("records_steady", String.valueOf(inputTotal - committedAtFirst));
                    result.put("rate_steady", Stats.fmt((inputTotal - committedAtFirst) / steadySeconds));
                    result.put("rate_from_start", Stats.fmt(inputTotal / ((lastMovedMs - startedMs) / 1000.0)));
                    result.put("analytics_cpu_s", Stats.fmt(cpu));
                    result.put("analytics_cpu_s_steady", Stats.fmt(cpu - cpuAtFirst));
                    result.put("broker_cpu_s", brokerPid > 0 ? Stats.fmt(brokerCpu) : "NA");
                    for (var ratio : ratioSums.entrySet()) {
                        result.put("thread." + ratio.getKey(), Stats.fmt(ratio.getValue()[0] / ratioSamples, 3));
                    }
                    if (metrics != null) {
                        metrics.recordsSent().forEach((topic, count) -> result.put("sent." + topic, String.valueOf(count)));
                        metrics.recordsConsumed().forEach((topic, count) -> {
                            if (topic.contains(".") || topic.startsWith(group)) { // not the metric's _-named copy
                                result.put("consumed." + topic, String.valueOf(count));
                            }
                        });
                        metrics.threads().forEach((name, value) -> {
                            if (name.endsWith("-total") || name.endsWith("-avg") || name.endsWith("-max")) {
                                result.put("thread_total." + name, Stats.fmt(value, 2));
                            }
                        });
                        metrics.close();
                    }
                    threadSamples.close();
                    BenchEnv.write(out.resolve("ingest.properties"), result);
                    System.out.printf("caught up after %s s (first commit after %s s): %s records/s from the first"
                                    + " commit, %s records/s from the start; analytics CPU %s s%n",
                            result.get("seconds_to_caught_up"), result.get("seconds_to_first_commit"),
                            result.get("rate_steady"), result.get("rate_from_start"), result.get("analytics_cpu_s"));
                    return;
                }
                previousCommitted = committed;
                previousRepartitionCommitted = repartitionCommitted;
                Thread.sleep(sampleMs);
            }
            throw new IllegalStateException("not caught up within " + timeoutS + " s: " + committed + " of "
                    + inputTotal + " input records committed, repartition lag " + repartitionLag + " on "
                    + repartitionTopics);
        }
    }

    /** The application's internal topics of a kind (-repartition, -changelog), by their name. */
    static List<String> internal(Admin admin, String applicationId, String suffix)
            throws InterruptedException, ExecutionException {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") && name.endsWith(suffix))
                .sorted()
                .toList();
    }

    static List<TopicPartition> partitions(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = new ArrayList<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        described.forEach((name, description) -> description.partitions()
                .forEach(info -> partitions.add(new TopicPartition(name, info.partition()))));
        return partitions;
    }

    /** The last stable offsets: what a read_committed reader (Kafka Streams with exactly-once) can reach. */
    static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(partition -> specs.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (specs.isEmpty()) {
            return ends;
        }
        admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static long sum(Map<TopicPartition, OffsetAndMetadata> offsets, List<TopicPartition> partitions) {
        long sum = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = offsets.get(partition);
            sum += at == null ? 0 : at.offset();
        }
        return sum;
    }

    /** User and system CPU of a process so far, from /proc/PID/stat; 0 for no process. */
    static double cpuSeconds(long pid, double ticks) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticks; // utime, stime
    }
}
