package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import bookstore.payment.payments.application.ChargeRequest;
import bookstore.payment.payments.application.SagaCommand;
import bookstore.payment.payments.application.TakingSagaCommands;
import bookstore.payment.payments.domain.Money;
import bookstore.testsupport.openapi.ApiFuzzContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the payment service's OpenAPI document (its API, the providers' webhooks and the sandbox
 * wallets), fuzzed with malformed and boundary values as nobody, a customer and an admin: no 5xx, every 4xx the shop's
 * problem, and a refused request changes no payment. A payment that succeeded stands behind the ids, so the damage
 * meets the handlers, not just a 404.
 */
@PaymentServiceIntegrationTest
class ApiFuzzIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TakingSagaCommands commands;

    @Autowired
    DatabaseClient database;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        String orderId = "order-" + UUID.randomUUID();
        commands.take(List.of(SagaCommand.of(new ChargeRequest(
                        UUID.randomUUID(),
                        orderId,
                        UUID.randomUUID().toString(),
                        new Money(5_600, "CNY"),
                        "pm_card_visa",
                        null))))
                .block();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(payment(orderId, "status")));
        WebTestClient http = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build();

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("payment-service")
                .callersWithMockedTokens(http)
                .knowing("id", payment(orderId, "id::text"))
                .knowing("orderId", orderId)
                // The sandboxes answer as the wallets they stand for: WeChat Pay's {"code", "message"} errors, and
                // Alipay's payment page, which a person opens, in words; WeChat Pay's notifications are answered in its
                // own format, which it reads.
                .refusingInTheirOwnProtocol(
                        "GET /api/payments/sandbox/alipay/gateway.do",
                        "POST /api/payments/sandbox/wechatpay/v3/pay/transactions/native",
                        "GET /api/payments/sandbox/wechatpay/v3/pay/transactions/out-trade-no/{outTradeNo}",
                        "POST /api/payments/sandbox/wechatpay/v3/pay/transactions/out-trade-no/{outTradeNo}/close",
                        "POST /api/payments/sandbox/wechatpay/v3/refund/domestic/refunds",
                        "POST /api/payments/webhooks/wechatpay")
                .unchangedByRefusals(() -> payment(orderId, "row(payment.*)::text"))
                .triesPerOperation(30)
                .run();

        assertThat(fuzzed.operations())
                .as("the 13 payment operations and the 3 of dead letters")
                .isEqualTo(16);
    }

    private String payment(String orderId, String expression) {
        return database.sql("SELECT " + expression + " FROM payment WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
