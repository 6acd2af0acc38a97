package bookstore.payment.provider.sandbox.alipay;

import bookstore.payment.provider.alipay.AlipayNotConfigured;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sandbox Alipay's {@code gateway.do}, where the adapter calls it (POST: the protocol's
 * parameters in the query string, {@code biz_content} in the form, as the SDK sends them) and where a
 * browser follows a signed cashier link (GET), which leads to the scan-to-pay page.
 */
@RestController
@Conditional(AlipayNotConfigured.class)
@Tag(
        name = "sandbox-alipay",
        description = "The built-in sandbox playing Alipay's gateway, where Alipay is not configured")
class SandboxAlipayGateway {

    static final String PATH = "/api/payments/sandbox/alipay/gateway.do";

    private final SandboxAlipay alipay;

    SandboxAlipayGateway(SandboxAlipay alipay) {
        this.alipay = alipay;
    }

    /** Answers in JSON as Alipay does, under the content type Alipay gives it (and the SDK accepts). */
    @PostMapping(PATH)
    Mono<ResponseEntity<String>> call(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> {
                    Map<String, String> params =
                            parameters(exchange.getRequest().getQueryParams());
                    params.putAll(parameters(form));
                    return alipay.call(params);
                })
                .map(body -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/html;charset=utf-8"))
                        .body(body));
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<String>> pagePay(ServerWebExchange exchange) {
        return alipay.pagePay(parameters(exchange.getRequest().getQueryParams()))
                .map(page ->
                        ResponseEntity.status(HttpStatus.FOUND).location(page).<String>build())
                .defaultIfEmpty(ResponseEntity.badRequest()
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("This is not a valid Alipay payment link."));
    }

    private static Map<String, String> parameters(MultiValueMap<String, String> values) {
        Map<String, String> params = new LinkedHashMap<>();
        values.forEach((name, list) -> params.put(name, first(list)));
        return params;
    }

    private static String first(List<String> values) {
        return values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }
}
