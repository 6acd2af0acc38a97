package bookstore.gateway.storefront;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The compressed copy the storefront's build wrote beside a file ({@code app.js.br}, {@code app.js.gz}) when the client
 * accepts its coding, otherwise the file itself. Brotli comes first whatever order the client lists its codings in:
 * browsers send {@code gzip, deflate, br, zstd}, and the brotli files are the smaller (Spring's
 * {@code EncodedResourceResolver} goes by the client's order, so browsers would get gzip).
 *
 * <p>The copy says only its {@code Content-Encoding}; that every file's response varies by {@code Accept-Encoding} is
 * said by {@link StorefrontRequests}, whichever copy is sent, so a shared cache keeps them apart.
 */
final class PrecompressedVariants implements ResourceResolver {

    private record Coding(String name, String extension) {}

    /** In the order they are preferred. */
    private static final List<Coding> CODINGS = List.of(new Coding("br", ".br"), new Coding("gzip", ".gz"));

    @Override
    public Mono<Resource> resolveResource(
            @Nullable ServerWebExchange exchange,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        Mono<Resource> file = chain.resolveResource(exchange, requestPath, locations);
        if (exchange == null) {
            return file;
        }
        List<String> acceptEncoding = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING);
        return file.map(original -> preferredCopyOf(original, acceptEncoding));
    }

    @Override
    public Mono<String> resolveUrlPath(
            String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    private static Resource preferredCopyOf(Resource original, List<String> acceptEncoding) {
        for (Coding coding : CODINGS) {
            if (accepts(acceptEncoding, coding.name())) {
                try {
                    Compressed copy = new Compressed(original, coding);
                    if (copy.isReadable()) {
                        return copy;
                    }
                } catch (IOException noCopy) {
                    // Then the next coding, or the file itself.
                }
            }
        }
        return original;
    }

    /**
     * Whether {@code Accept-Encoding} allows the coding: named, or covered by {@code *}, with a quality above 0 (RFC
     * 9110, section 12.5.3).
     */
    static boolean accepts(List<String> acceptEncoding, String coding) {
        Double named = null;
        Double any = null;
        for (String header : acceptEncoding) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                double quality = quality(parts);
                if (name.equals(coding)) {
                    named = quality;
                } else if (name.equals("*")) {
                    any = quality;
                }
            }
        }
        Double quality = named != null ? named : any;
        return quality != null && quality > 0;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException unreadable) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The compressed copy, under the original's name, so that its media type is the original's. */
    private static final class Compressed extends AbstractResource implements HttpResource {

        private final Resource original;
        private final Resource copy;
        private final String coding;

        Compressed(Resource original, Coding coding) throws IOException {
            this.original = original;
            this.copy = original.createRelative(original.getFilename() + coding.extension());
            this.coding = coding.name();
        }

        @Override
        public boolean exists() {
            return copy.exists();
        }

        @Override
        public boolean isReadable() {
            return copy.isReadable();
        }

        @Override
        public boolean isFile() {
            return copy.isFile();
        }

        @Override
        public URL getURL() throws IOException {
            return copy.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return copy.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return copy.getFile();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return copy.getInputStream();
        }

        @Override
        public ReadableByteChannel readableChannel() throws IOException {
            return copy.readableChannel();
        }

        @Override
        public long contentLength() throws IOException {
            return copy.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return copy.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return copy.createRelative(relativePath);
        }

        @Override
        public @Nullable String getFilename() {
            return original.getFilename();
        }

        @Override
        public String getDescription() {
            return copy.getDescription();
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_ENCODING, coding);
            return headers;
        }
    }
}
