package bookstore.gateway.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.PathResourceResolver;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The files of the storefront's build, as they are: the precompressed sibling the build wrote when the client accepts
 * it ({@link PrecompressedVariants}; nothing is compressed per request), with {@code Content-Type} by the original
 * file's name, {@code Content-Encoding}, {@code Content-Length} and an {@code ETag}; HEAD, conditional and range
 * requests are Spring's {@link ResourceWebHandler}'s. How long a file may be cached is for the caller to say: it knows
 * which kind of file it asked for.
 *
 * <p>The {@code ETag} is a digest of the bytes sent, not the file's modification time, and {@code Last-Modified} is
 * not sent: a jar built reproducibly gives every file the same fixed time, and a rolled-back release has older times
 * than the one before, so a browser asking "changed since?" would be told "no" and keep a stale {@code index.html}
 * that names assets which no longer exist.
 */
final class StorefrontFiles extends ResourceWebHandler {

    // Text types with their charset; the rest are Spring's defaults by file extension.
    private static final Map<String, MediaType> MEDIA_TYPES = Map.of(
            "html", MediaType.parseMediaType("text/html;charset=UTF-8"),
            "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "mjs", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "css", MediaType.parseMediaType("text/css;charset=UTF-8"),
            "txt", MediaType.parseMediaType("text/plain;charset=UTF-8"),
            "svg", MediaType.parseMediaType("image/svg+xml;charset=UTF-8"),
            "map", MediaType.APPLICATION_JSON,
            "webmanifest", MediaType.parseMediaType("application/manifest+json"));

    private static final PathPattern ANY_PATH = PathPatternParser.defaultInstance.parse("/**");

    StorefrontFiles(Resource location) {
        setLocations(List.of(location));
        setResourceResolvers(List.of(new PrecompressedVariants(), new PathResourceResolver()));
        setMediaTypes(MEDIA_TYPES);
        setUseLastModified(false);
        setEtagGenerator(new ContentDigests());
        try {
            afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serve the storefront from " + location, e);
        }
    }

    /** Serves the file at {@code path}, relative to the location; a missing one fails with a 404 error. */
    Mono<Void> serve(ServerWebExchange exchange, String path) {
        // Where ResourceWebHandler looks for the path, as a URL handler mapping would have left it.
        exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ANY_PATH);
        exchange.getAttributes()
                .put(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, PathContainer.parsePath(path));
        return handle(exchange);
    }

    /**
     * A SHA-256 digest of a file's bytes, each variant its own (the gzip and brotli bytes differ, so must their tags).
     * Computed once per file and kept while its length and time stay the same, so a build on disk that is replaced
     * while the gateway runs gets new tags. The map holds one entry per file of one build: a few hundred at most.
     */
    private static final class ContentDigests implements Function<Resource, @Nullable String> {

        private record Digest(long length, long lastModified, String tag) {}

        private final Map<String, Digest> digests = new ConcurrentHashMap<>();

        @Override
        public @Nullable String apply(Resource file) {
            try {
                String url = file.getURL().toString();
                long length = file.contentLength();
                long lastModified = file.lastModified();
                Digest known = digests.get(url);
                if (known != null && known.length() == length && known.lastModified() == lastModified) {
                    return known.tag();
                }
                Digest digest = new Digest(length, lastModified, digestOf(file));
                digests.put(url, digest);
                return digest.tag();
            } catch (IOException unreadable) {
                // No tag: the file is sent whole, which is never wrong.
                return null;
            }
        }

        private static String digestOf(Resource file) throws IOException {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JVM has SHA-256", e);
            }
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            // 128 bits tell builds apart well enough; the quotes make it a strong ETag.
            return "\"" + HexFormat.of().formatHex(sha256.digest(), 0, 16) + "\"";
        }
    }
}
