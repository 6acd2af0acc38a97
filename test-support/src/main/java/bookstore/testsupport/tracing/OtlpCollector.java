package bookstore.testsupport.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver (binary protobuf on {@code POST /v1/traces},
 * as a collector listens on port 4318), answering every export as accepted and keeping the requests'
 * protobuf messages for the test to read.
 */
public final class OtlpCollector implements AutoCloseable {

    static final String TRACES_PATH = "/v1/traces";
    private static final String PROTOBUF = "application/x-protobuf";

    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    public OtlpCollector() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post(TRACES_PATH, (request, response) -> {
                    String type = request.requestHeaders().get("content-type");
                    if (!PROTOBUF.equals(type)) {
                        refused.add(String.valueOf(type));
                        return response.status(415).send();
                    }
                    return request.receive()
                            .aggregate()
                            .asByteArray()
                            .doOnNext(exports::add)
                            // An empty ExportTraceServiceResponse: all spans accepted.
                            .then(response.header("content-type", PROTOBUF).send());
                }))
                .bindNow();
    }

    /** The collector's base address: the value of {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The ExportTraceServiceRequest messages received so far, in order. */
    public List<byte[]> exports() {
        return List.copyOf(exports);
    }

    /** The content types of exports refused for not being binary protobuf. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /**
     * How many spans of a trace arrived: a span's {@code trace_id} is its 16 raw bytes in the protobuf
     * message, and nothing else in an export repeats them.
     */
    public long spansOf(String traceId) {
        byte[] trace = HexFormat.of().parseHex(traceId);
        return exports.stream().mapToLong(export -> occurrences(export, trace)).sum();
    }

    /** Whether an export named the service (its resource's {@code service.name}). */
    public boolean heardFrom(String serviceName) {
        byte[] name = serviceName.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(export -> occurrences(export, name) > 0);
    }

    private static long occurrences(byte[] haystack, byte[] needle) {
        long found = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
