package bookstore.testsupport.tracing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * An OpenTelemetry collector's OTLP/gRPC trace receiver over real HTTP/2 (cleartext, prior
 * knowledge, as exporters speak to {@code http://} endpoints), answering every export as accepted
 * and keeping the requests' protobuf messages for the test to read.
 */
public final class OtlpCollector implements AutoCloseable {

    static final String EXPORT_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    public OtlpCollector() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .protocol(HttpProtocol.H2C)
                .route(routes -> routes.post(EXPORT_PATH, (request, response) -> request.receive()
                        .aggregate()
                        .asByteArray()
                        .doOnNext(frame -> exports.add(message(frame)))
                        .then(response.header("content-type", "application/grpc")
                                .trailerHeaders(trailers -> trailers.set("grpc-status", "0"))
                                // An empty ExportTraceServiceResponse in gRPC's length-prefixed frame.
                                .send(Mono.<ByteBuf>just(Unpooled.wrappedBuffer(new byte[5])))
                                .then())))
                .bindNow();
    }

    /** Where an exporter sends spans: the value of {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The ExportTraceServiceRequest messages received so far, in order. */
    public List<byte[]> exports() {
        return List.copyOf(exports);
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

    /** The protobuf message of a gRPC frame: one byte of flags, four of length, then the message. */
    private static byte[] message(byte[] frame) {
        if (frame.length < 5 || frame[0] != 0) {
            throw new IllegalArgumentException("Not an uncompressed gRPC message frame");
        }
        int length =
                ((frame[1] & 0xff) << 24) | ((frame[2] & 0xff) << 16) | ((frame[3] & 0xff) << 8) | (frame[4] & 0xff);
        byte[] message = new byte[length];
        System.arraycopy(frame, 5, message, 0, length);
        return message;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
