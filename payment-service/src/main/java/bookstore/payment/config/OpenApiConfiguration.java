package bookstore.payment.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** What this service's OpenAPI document (/v3/api-docs) says about itself; security and problems are the platform's. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * The bodies the providers send and the sandbox receives, which the handlers read as signed bytes: JSON in the
     * providers' own formats (Stripe's events, WeChat Pay's API v3), by operation.
     */
    private static final Map<String, ProviderBody> PROVIDER_BODIES = Map.of(
            "/api/payments/webhooks/{provider}",
            new ProviderBody("payment-intent-succeeded", "A Stripe event: a payment intent succeeded", """
                    {"id": "evt_3PqXyZ2eZvKYlo2C0a1b2c3d", "type": "payment_intent.succeeded",
                     "data": {"object": {"id": "pi_3PqXyZ2eZvKYlo2C1x2y3z4w", "object": "payment_intent",
                      "amount": 4800, "currency": "cny", "status": "succeeded",
                      "metadata": {"payment_id": "0b9c2f5e-1d3a-4c1e-9f6a-2b7f0c3d4e5f"}}}}"""),
            "/api/payments/webhooks/wechatpay",
            new ProviderBody(
                    "transaction-success",
                    "A WeChat Pay notification: a payment succeeded (its resource encrypted with the API v3 key)",
                    """
                    {"id": "EV-2018022511223320873", "create_time": "2026-05-01T16:00:00+08:00",
                     "resource_type": "encrypted-resource", "event_type": "TRANSACTION.SUCCESS", "summary": "支付成功",
                     "resource": {"original_type": "transaction", "algorithm": "AEAD_AES_256_GCM",
                      "ciphertext": "…", "associated_data": "transaction", "nonce": "fdasflkja484"}}"""),
            "/api/payments/sandbox/wechatpay/v3/pay/transactions/native",
            new ProviderBody(
                    "native-order", "A Native (QR code) order, as the shop's WeChat Pay client places it", """
                    {"appid": "wxd678efh567hg6787", "mchid": "1230000109", "description": "三体",
                     "out_trade_no": "0b9c2f5e1d3a4c1e9f6a2b7f0c3d4e5f",
                     "notify_url": "https://shop.example/api/payments/webhooks/wechatpay",
                     "amount": {"total": 4800, "currency": "CNY"}}"""),
            "/api/payments/sandbox/wechatpay/v3/pay/transactions/out-trade-no/{outTradeNo}/close",
            new ProviderBody("close", "Closing an unpaid order", "{\"mchid\": \"1230000109\"}"),
            "/api/payments/sandbox/wechatpay/v3/refund/domestic/refunds",
            new ProviderBody("full-refund", "A refund of the whole payment", """
                    {"out_trade_no": "0b9c2f5e1d3a4c1e9f6a2b7f0c3d4e5f", "out_refund_no": "7d4e5f60a1b2c3d4e5f607182930a1b2",
                     "amount": {"refund": 4800, "total": 4800, "currency": "CNY"}}"""));

    @Bean
    OpenAPI paymentsApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Bookstore payments")
                                .version("v1")
                                .description(
                                        "Payments per order through a provider (the built-in sandbox or Stripe), the providers' signed webhooks, and refunds in full or in part. Money is minor units and a currency."))
                // Relative, so the document reads the same through the gateway and in tests.
                .addServersItem(new Server().url("/").description("the gateway"));
    }

    /** The providers' bodies as JSON objects with their examples, not the bytes or text the handlers take them as. */
    @Bean
    OpenApiCustomizer providerBodies() {
        return api -> PROVIDER_BODIES.forEach((path, body) -> {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
            if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null) {
                return;
            }
            Content content = item.getPost().getRequestBody().getContent();
            if (content.containsKey("application/json")) {
                // A new media type, not the old one changed: an example once set, even to null, stays in the document.
                content.addMediaType(
                        "application/json",
                        new MediaType()
                                .schema(new ObjectSchema())
                                .examples(Map.of(
                                        body.name(),
                                        new Example()
                                                .summary(body.summary())
                                                .value(JsonMapper.shared().readValue(body.json(), Map.class)))));
            }
        });
    }

    private record ProviderBody(String name, String summary, String json) {}
}
