package bookstore.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's OpenAPI document must be: complete (each route the application's handler
 * mappings serve is in it, each operation with its security, problem responses and examples) and
 * equal to the copy committed under {@code docs/openapi/}, so a change of the API shows up in
 * review. Run with {@code -Dopenapi.write=true} to rewrite the copy.
 */
public final class ApiDescriptionContract {

    public static final String WRITE_PROPERTY = "openapi.write";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final String service;
    private final ApplicationContext context;
    private final Map<String, Object> document;

    private ApiDescriptionContract(String service, ApplicationContext context) {
        this.service = service;
        this.context = context;
        String served = WebTestClient.bindToApplicationContext(context)
                .configureClient()
                // springdoc builds the document on the first request: seconds on a busy machine.
                .responseTimeout(Duration.ofMinutes(1))
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        this.document = JSON.readValue(served, Map.class);
    }

    /**
     * The document the service's application context serves at {@code /v3/api-docs}, asked through
     * its whole web stack (security filters included: the document is public).
     */
    public static ApiDescriptionContract of(String service, ApplicationContext context) {
        return new ApiDescriptionContract(service, context);
    }

    /**
     * Fails naming every route (method and path pattern) the application serves that the document lacks, and every
     * operation described without its security requirement, the problem responses its shape can give, an example
     * problem for each of them, or an example for its JSON request body that the body's schema accepts.
     */
    public void documentsEveryRoute() {
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
                    if (!method.getBeanType().getPackageName().startsWith("org.springdoc")) {
                        served.addAll(routes(info));
                    }
                }));
        assertThat(served).as("routes %s serves", service).isNotEmpty();
        assertThat(documented())
                .as("routes of %s in its OpenAPI document", service)
                .containsAll(served);
        assertThat(OperationDescriptions.gapsIn(document))
                .as("what the operations of %s's OpenAPI document leave out", service)
                .isEmpty();
    }

    /**
     * Fails when the document differs from {@code docs/openapi/<service>.json}; with {@code
     * -Dopenapi.write=true} writes it there instead.
     */
    public void matchesTheCommittedCopy() {
        Path copy = committedCopy(service);
        String current = JSON.writeValueAsString(document) + "\n";
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            try {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, current, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(copy)
                .as(
                        "The committed OpenAPI document %s; if the API changed on purpose, regenerate it with"
                                + " ./mvnw -o -q verify -pl %s -Dtest=ApiDescriptionIntegrationTests -D%s=true",
                        copy, service, WRITE_PROPERTY)
                .exists();
        try {
            assertThat(Files.readString(copy, StandardCharsets.UTF_8))
                    .as(
                            "%s differs from what %s now serves at /v3/api-docs; if the API changed on purpose,"
                                    + " regenerate it with ./mvnw -o -q verify -pl %s"
                                    + " -Dtest=ApiDescriptionIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false -D%s=true",
                            copy, service, service, WRITE_PROPERTY)
                    .isEqualTo(current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> documented() {
        Set<String> routes = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of()))
                .forEach((path, item) -> item.keySet().stream()
                        .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                                .contains(key))
                        .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    private static Set<String> routes(RequestMappingInfo info) {
        Set<String> routes = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
        if (methods.isEmpty()) {
            // springdoc documents a mapping without a method as each method; GET stands for all of them.
            methods.add("GET");
        }
        info.getPatternsCondition()
                .getPatterns()
                .forEach(pattern -> methods.forEach(method -> routes.add(
                        method + " " + pattern.getPatternString().replaceAll("\\{([^}:]+):[^}]*}", "{$1}"))));
        return routes;
    }

    /**
     * Where the committed copy of a service's document is: {@code docs/openapi/<service>.json} at the
     * repository's root, looked for above the module's directory, where its tests run.
     */
    public static Path committedCopy(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No repository root (with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("openapi").resolve(service + ".json");
    }
}
