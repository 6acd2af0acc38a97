package bookstore.payment.provider.wechatpay;

import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A local stand-in for api.mch.weixin.qq.com that answers with WeChat Pay's documented responses, in
 * order, each signed as WeChat Pay signs them (with the platform key of {@code signer}, which a test
 * may make a forger's). It records what the SDK sent, so tests check the requests too.
 */
final class RecordedWechatPay {

    private final DisposableServer server;
    private final Deque<Map.Entry<Integer, String>> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile SandboxWechatPayKeys signer;

    RecordedWechatPay(SandboxWechatPayKeys signer) {
        this.signer = signer;
        // Reactor Netty keeps the headers' spelling (Wechatpay-Timestamp), which the SDK reads as is.
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            URI uri = URI.create(request.uri());
                            Map<String, String> headers = new HashMap<>();
                            request.requestHeaders()
                                    .forEach(header -> headers.putIfAbsent(
                                            header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
                            requests.add(new Request(
                                    request.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, body));
                            var answer = answers.poll();
                            int status = answer == null ? 500 : answer.getKey();
                            String text = answer == null
                                    ? "{\"code\":\"SYSTEM_ERROR\",\"message\":\"no recording left\"}"
                                    : recording(answer.getValue());
                            response.status(status).header("Request-ID", "08F78BB5AF0610D302A4D8D3130118A2E7B9C90B");
                            this.signer.sign(text, Instant.now()).forEach(response::header);
                            if (text.isEmpty()) {
                                return response.send().then();
                            }
                            return response.header("Content-Type", "application/json; charset=utf-8")
                                    .sendString(Mono.just(text), StandardCharsets.UTF_8)
                                    .then();
                        }))
                .bindNow();
    }

    /** Answers the next request with the recording ({@code null}: no body) and the status. */
    RecordedWechatPay answer(int status, String recording) {
        answers.add(Map.entry(status, recording == null ? "" : recording));
        return this;
    }

    /** Signs the responses from now on with other keys, as a forger would. */
    void signWith(SandboxWechatPayKeys forger) {
        this.signer = forger;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    List<Request> requests() {
        return requests;
    }

    void stop() {
        server.disposeNow();
    }

    private static String recording(String name) {
        if (name.isEmpty()) {
            return "";
        }
        try (InputStream in = RecordedWechatPay.class.getResourceAsStream("/wechatpay/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Request(String method, String path, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The path and query as the merchant signed them. */
        String canonicalUrl() {
            return query == null ? path : path + "?" + query;
        }
    }
}
