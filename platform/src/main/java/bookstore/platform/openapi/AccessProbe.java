package bookstore.platform.openapi;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks the service's own security filter chain who may call a route, so the OpenAPI document
 * states the access rules the service enforces rather than a second copy of them: a route an
 * anonymous request passes is public; one a customer's request fails needs a role.
 */
final class AccessProbe {

    /** Who gets through: nobody without a token, a signed-in customer, or only a caller with a role. */
    enum Access {
        PUBLIC,
        AUTHENTICATED,
        ROLE
    }

    private final List<SecurityWebFilterChain> chains;

    AccessProbe(List<SecurityWebFilterChain> chains) {
        this.chains = List.copyOf(chains);
    }

    Access of(HttpMethod method, String pathTemplate) {
        // Any value stands for a path variable: the rules match path patterns, not ids.
        String path = pathTemplate.replaceAll("\\{[^/}]+}", "00000000-0000-0000-0000-000000000000");
        if (passes(method, path, false)) {
            return Access.PUBLIC;
        }
        return passes(method, path, true) ? Access.AUTHENTICATED : Access.ROLE;
    }

    private boolean passes(HttpMethod method, String path, boolean asCustomer) {
        ServerWebExchange exchange = new DefaultServerWebExchange(
                new ProbeRequest(method, URI.create("http://localhost" + path)),
                new DiscardedResponse(),
                new DefaultWebSessionManager(),
                ServerCodecConfigurer.create(),
                new AcceptHeaderLocaleContextResolver());
        AtomicBoolean reached = new AtomicBoolean();
        Mono<Void> handled = chains.stream()
                .filter(chain -> Boolean.TRUE.equals(now(chain.matches(exchange))))
                .findFirst()
                .map(chain -> new DefaultWebFilterChain(
                                ignored -> Mono.fromRunnable(() -> reached.set(true)),
                                now(chain.getWebFilters().collectList()))
                        .filter(exchange))
                .orElseGet(() -> Mono.fromRunnable(() -> reached.set(true)));
        if (asCustomer) {
            handled = handled.contextWrite(
                    ReactiveSecurityContextHolder.withAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "00000000-0000-0000-0000-000000000001",
                            "n/a",
                            AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"))));
        }
        now(handled.onErrorComplete());
        return reached.get();
    }

    /**
     * The outcome of a step that completes at once: the rules match paths and roles in memory, and a
     * probe carries no token to verify. Springdoc builds the document on a request thread, where
     * blocking is not allowed, so a step that would have to wait is a fault here, not a pause.
     */
    private static <T> T now(Mono<T> step) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        step.subscribe(value::set, failure::set, () -> done.set(true));
        if (failure.get() != null) {
            throw new IllegalStateException("The security rules failed on a probe", failure.get());
        }
        if (!done.get()) {
            throw new IllegalStateException("The security rules did not decide on a probe at once");
        }
        return value.get();
    }

    private static final class ProbeRequest extends AbstractServerHttpRequest {

        ProbeRequest(HttpMethod method, URI uri) {
            super(method, uri, "", new HttpHeaders());
        }

        @Override
        protected MultiValueMap<String, HttpCookie> initCookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        protected SslInfo initSslInfo() {
            return null;
        }

        @Override
        public <T> T getNativeRequest() {
            throw new UnsupportedOperationException("A probe has no native request");
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.empty();
        }
    }

    private static final class DiscardedResponse extends AbstractServerHttpResponse {

        DiscardedResponse() {
            super(DefaultDataBufferFactory.sharedInstance);
        }

        @Override
        public <T> T getNativeResponse() {
            throw new UnsupportedOperationException("A probe has no native response");
        }

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
            return Flux.from(body).doOnNext(DataBufferUtils::release).then();
        }

        @Override
        protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return Flux.from(body).concatMap(this::writeWithInternal).then();
        }

        @Override
        protected void applyStatusCode() {}

        @Override
        protected void applyHeaders() {}

        @Override
        protected void applyCookies() {}
    }
}
