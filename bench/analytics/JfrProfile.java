import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the analytics JVM's CPU went during the ingest, from the JFR recording's execution samples: by thread
 * (stream thread, its producer's network thread, the global stores' thread, the rest), and for the stream threads
 * by the deepest frame that is not the JDK's own (bookstore code, Kafka Streams, the Kafka clients, RocksDB,
 * Jackson, …), by the first bookstore frame on the stack, and for the JSON serde of store values by what called it. Usage: java JfrProfile analytics.jfr > profile.txt
 */
public final class JfrProfile {

    private static final List<String> AREAS = List.of(
            "bookstore.", "org.rocksdb.", "org.apache.kafka.streams.state.", "org.apache.kafka.streams.",
            "org.apache.kafka.common.", "org.apache.kafka.clients.producer.", "org.apache.kafka.clients.consumer.",
            "org.apache.kafka.", "tools.jackson.", "com.fasterxml.jackson.", "org.springframework.", "reactor.",
            "io.netty.");

    public static void main(String[] args) throws Exception {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        Map<String, Integer> bookstore = new HashMap<>();
        Map<String, Integer> serdeCallers = new HashMap<>();
        int total = 0;
        int stream = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            String kind = thread.contains("StreamThread") ? "stream thread"
                    : thread.contains("producer-network") ? "producer network threads"
                    : thread.contains("GlobalStreamThread") ? "global stores thread"
                    : thread.contains("kafka-") || thread.contains("consumer") ? "other Kafka client threads"
                    : thread.startsWith("reactor-http") ? "HTTP (reactor-netty)"
                    : "other: " + thread.replaceAll("[0-9]+", "N");
            threads.merge(kind, 1, Integer::sum);
            if (!kind.equals("stream thread")) {
                continue;
            }
            stream++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String area = "JDK only";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                String found = AREAS.stream().filter(type::startsWith).findFirst().orElse(null);
                if (found != null) {
                    area = found.equals("bookstore.") ? "bookstore (" + type.replaceAll("\\$.*", "") + ")" : found + "*";
                    break;
                }
            }
            areas.merge(area, 1, Integer::sum);
            String first = "no bookstore frame";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("bookstore.")) {
                    first = type.replaceAll("\\$.*", "") + "." + frame.getMethod().getName();
                    break;
                }
            }
            bookstore.merge(first, 1, Integer::sum);
            if (first.startsWith("bookstore.analytics.streams.JsonSerde.")) {
                // Whose store values: the first bookstore frame above the serde (a processor), if any.
                String caller = "a store's cache flush or restore (no bookstore frame above)";
                boolean inSerde = false;
                for (RecordedFrame frame : frames) {
                    String type = frame.getMethod().getType().getName();
                    if (type.startsWith("bookstore.analytics.streams.JsonSerde")) {
                        inSerde = true;
                    } else if (inSerde && type.startsWith("bookstore.")) {
                        caller = type.replaceAll("\\$.*", "") + "." + frame.getMethod().getName();
                        break;
                    }
                }
                serdeCallers.merge(first.substring(first.lastIndexOf('.') + 1) + " from " + caller, 1, Integer::sum);
            }
        }
        System.out.printf("%d execution samples, %d on stream threads%n%n", total, stream);
        print("Samples by thread", threads, total);
        print("Stream thread samples by the deepest non-JDK frame's area", areas, stream);
        print("Stream thread samples by the first (deepest) bookstore frame on the stack", bookstore, stream);
        print("Stream thread samples in JsonSerde (store values as JSON), by the code above it", serdeCallers, stream);
    }

    private static void print(String title, Map<String, Integer> counts, int of) {
        System.out.println("## " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(25)
                .forEach(entry -> System.out.printf(Locale.ROOT, "%6d %5.1f %%  %s%n", entry.getValue(),
                        100.0 * entry.getValue() / Math.max(1, of), entry.getKey()));
        System.out.println();
    }
}
