package bookstore.payment.provider.wechatpay;

import static bookstore.payment.provider.wechatpay.SignedNotifications.body;
import static bookstore.payment.provider.wechatpay.SignedNotifications.headers;
import static bookstore.payment.provider.wechatpay.SignedNotifications.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import bookstore.payment.provider.wechatpay.WechatPayNotifications.InvalidNotificationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment notifications verified and decrypted by the SDK's NotificationParser, with the checks the
 * SDK leaves to the shop (time, merchant): only WeChat Pay's own, recent notifications about this
 * merchant's orders are believed.
 */
class WechatPayNotificationsTests {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    static final UUID PAYMENT = UUID.fromString("6f1c2b8e-3d4a-4b7e-9a51-2c7d8e9f0a1b");
    static final String OUT_TRADE_NO = "6f1c2b8e3d4a4b7e9a512c7d8e9f0a1b";

    static SandboxWechatPayKeys keys;
    static SandboxWechatPayKeys forger;
    static WechatPayNotifications notifications;

    @BeforeAll
    static void makeKeys() {
        keys = SandboxWechatPayKeys.generate();
        forger = SandboxWechatPayKeys.generate();
        notifications = new WechatPayNotifications(
                keys.config(SignedNotifications.MERCHANT_ID),
                new WechatPayMerchant(
                        SignedNotifications.APP_ID,
                        SignedNotifications.MERCHANT_ID,
                        () -> URI.create("https://shop.example/api/payments/webhooks/wechatpay")),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aValidNotificationTellsThePaymentItSucceeded() {
        String body = body(keys, "EV-2018022511223320873", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));

        var notified = notifications.read(headers(keys, body, NOW.minusSeconds(30)), body);

        assertThat(notified.event().provider()).isEqualTo("wechatpay");
        assertThat(notified.event().eventId()).isEqualTo("EV-2018022511223320873");
        assertThat(notified.event().type()).isEqualTo("TRANSACTION.SUCCESS");
        assertThat(notified.event().paymentId()).isEqualTo(PAYMENT);
        assertThat(notified.event().answer()).isEqualTo(new ProviderAnswer.Succeeded(OUT_TRADE_NO));
        assertThat(notified.total()).isEqualTo(4_200);
    }

    @Test
    void aNotificationSignedWithAnotherKeyIsRefused() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));
        var forged = headers(forger, body, NOW);
        // Even naming WeChat Pay's key id, the signature is the forger's.
        var forgedUnderTheRealId = new WechatPayNotifications.Headers(
                keys.publicKeyId(), forged.signature(), forged.timestamp(), forged.nonce(), forged.signatureType());

        assertRefused(forged, body);
        assertRefused(forgedUnderTheRealId, body);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));
        var signed = headers(keys, body, NOW);

        assertRefused(signed, body.replace("EV-1", "EV-2"));
    }

    @Test
    void aTamperedCiphertextDoesNotDecryptEvenWhenSigned() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));
        String ciphertext = body.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        char flipped = ciphertext.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = body.replace(ciphertext, ciphertext.substring(0, 10) + flipped + ciphertext.substring(11));

        assertRefused(headers(keys, tampered, NOW), tampered);
    }

    @Test
    void aResourceEncryptedWithAnotherApiV3KeyIsRefused() {
        String body = body(forger, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));

        assertRefused(headers(keys, body, NOW), body);
    }

    @Test
    void aNotificationSignedMoreThanFiveMinutesFromNowIsRefused() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));

        assertRefused(headers(keys, body, NOW.minus(Duration.ofMinutes(6))), body);
        assertRefused(headers(keys, body, NOW.plus(Duration.ofMinutes(6))), body);
        assertThat(notifications.read(headers(keys, body, NOW.minus(Duration.ofMinutes(4))), body))
                .isNotNull();
    }

    @Test
    void aNotificationAboutAnotherMerchantsOrderIsRefused() {
        Map<String, Object> transaction = transaction(OUT_TRADE_NO, "SUCCESS", 4_200);
        transaction.put("mchid", "1900000109");
        String body = body(keys, "EV-1", transaction);

        assertRefused(headers(keys, body, NOW), body);
    }

    @Test
    void aNotificationWithoutSignatureHeadersIsRefused() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200));

        assertRefused(new WechatPayNotifications.Headers(null, null, null, null, null), body);
        assertRefused(headers(keys, "{}", NOW), "{}");
    }

    @Test
    void aNotificationOfAnOrderStillWaitingTellsNothing() {
        String body = body(keys, "EV-1", transaction(OUT_TRADE_NO, "NOTPAY", 4_200));

        assertThat(notifications.read(headers(keys, body, NOW), body).event().answer())
                .isNull();
    }

    @Test
    void anotherKindOfNotificationIsVerifiedAndTellsPaymentsNothing() {
        String refund = body(keys, "EV-1", transaction(OUT_TRADE_NO, "SUCCESS", 4_200))
                .replace("TRANSACTION.SUCCESS", "REFUND.SUCCESS");

        var notified = notifications.read(headers(keys, refund, NOW), refund);

        assertThat(notified.event().type()).isEqualTo("REFUND.SUCCESS");
        assertThat(notified.event().paymentId()).isNull();
        assertThat(notified.event().answer()).isNull();
        assertRefused(headers(forger, refund, NOW), refund);
    }

    private static void assertRefused(WechatPayNotifications.Headers headers, String body) {
        assertThatThrownBy(() -> notifications.read(headers, body)).isInstanceOf(InvalidNotificationException.class);
    }
}
