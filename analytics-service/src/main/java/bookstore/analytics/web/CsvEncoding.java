package bookstore.analytics.web;

import bookstore.analytics.report.Csv;
import bookstore.analytics.report.Tabular;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.MimeType;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Flux;

/**
 * Every report as CSV when the caller asks with {@code Accept: text/csv}: UTF-8 with a byte-order mark, so that
 * spreadsheets read Chinese titles right.
 */
@Configuration(proxyBeanMethods = false)
class CsvEncoding implements WebFluxConfigurer {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String TEXT_CSV_VALUE = "text/csv";

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
        codecs.customCodecs().register(new EncoderHttpMessageWriter<>(new TableEncoder()));
    }

    private static final class TableEncoder extends AbstractEncoder<Tabular> {

        TableEncoder() {
            super(TEXT_CSV);
        }

        @Override
        public boolean canEncode(ResolvableType type, MimeType mimeType) {
            return Tabular.class.isAssignableFrom(type.toClass())
                    && mimeType != null
                    && TEXT_CSV.isCompatibleWith(mimeType);
        }

        @Override
        public Flux<DataBuffer> encode(
                Publisher<? extends Tabular> tables,
                DataBufferFactory buffers,
                ResolvableType type,
                MimeType mimeType,
                Map<String, Object> hints) {
            return Flux.from(tables).map(table -> {
                byte[] csv = Csv.of(table).getBytes(StandardCharsets.UTF_8);
                DataBuffer buffer = buffers.allocateBuffer(BYTE_ORDER_MARK.length + csv.length);
                buffer.write(BYTE_ORDER_MARK);
                buffer.write(csv);
                return buffer;
            });
        }

        @Override
        public List<MimeType> getEncodableMimeTypes() {
            return List.of(TEXT_CSV);
        }
    }
}
