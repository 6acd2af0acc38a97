package bookstore.payment.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.payment.webhook.WebhookSignature.InvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    static final String SECRET = "whsec_test_secret";
    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final byte[] BODY =
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    final WebhookSignature signatures =
            new WebhookSignature(Clock.fixed(NOW, ZoneOffset.UTC), WebhookSignature.DEFAULT_TOLERANCE);

    @Test
    void acceptsABodySignedWithTheSecretJustNow() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, SECRET);

        assertThatCode(() -> signatures.verify(BODY, header, SECRET)).doesNotThrowAnyException();
    }

    @Test
    void matchesStripesPublishedScheme() {
        // HMAC-SHA256("whsec_test_secret", "1748772000." + body), computed independently with openssl.
        String header = "t=1748772000,v1=1aff6c35942ae9890c52565be324047c42c1292523137a07470962efaecb55ba";

        assertThatCode(() -> signatures.verify(BODY, header, SECRET)).doesNotThrowAnyException();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, "whsec_someone_else");

        assertThatThrownBy(() -> signatures.verify(BODY, header, SECRET))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("no signature matches");
    }

    @Test
    void refusesAnAuthenticSignatureOlderThanTheTolerance() {
        long expired = NOW.minusSeconds(301).getEpochSecond();
        String header = WebhookSignature.header(expired, BODY, SECRET);

        assertThatThrownBy(() -> signatures.verify(BODY, header, SECRET))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("tolerance");
        assertThatCode(() -> signatures.verify(
                        BODY, WebhookSignature.header(NOW.minusSeconds(300).getEpochSecond(), BODY, SECRET), SECRET))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATimestampFarInTheFuture() {
        String header = WebhookSignature.header(NOW.plusSeconds(3600).getEpochSecond(), BODY, SECRET);

        assertThatThrownBy(() -> signatures.verify(BODY, header, SECRET)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesWhileASecretIsRolled() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, "whsec_old_secret", SECRET);

        assertThatCode(() -> signatures.verify(BODY, header, SECRET)).doesNotThrowAnyException();
        assertThatCode(() -> signatures.verify(BODY, header, "whsec_old_secret"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, SECRET);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("succeeded", "canceled")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signatures.verify(tampered, header, SECRET))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void refusesATimestampChangedToLookFresh() {
        long old = NOW.minusSeconds(3600).getEpochSecond();
        String signature = WebhookSignature.header(old, BODY, SECRET).substring(("t=" + old).length());

        assertThatThrownBy(() -> signatures.verify(BODY, "t=" + NOW.getEpochSecond() + signature, SECRET))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("no signature matches");
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        String signature = WebhookSignature.header(NOW.getEpochSecond(), BODY, SECRET);

        assertThatThrownBy(() -> signatures.verify(BODY, null, SECRET)).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signatures.verify(BODY, "", SECRET)).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signatures.verify(BODY, "v1=abc", SECRET))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signatures.verify(BODY, "t=" + NOW.getEpochSecond(), SECRET))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signatures.verify(BODY, signature.replace("t=", "t=x"), SECRET))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> signatures.verify(BODY, signature.replace("v1=", "v0="), SECRET))
                .isInstanceOf(InvalidSignatureException.class);
    }
}
