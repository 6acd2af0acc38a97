package bookstore.notification.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailTests {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final RetryPolicy POLICY = new RetryPolicy(
            4, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1));

    static Mail pending() {
        return new Mail(7, MailKind.ORDER_SHIPPED, MailStatus.PENDING, NOW, 0, NOW, null, null, null);
    }

    @Test
    void backsOffExponentiallyUpToTheLongestWait() {
        assertThat(POLICY.backOffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.backOffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.backOffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(POLICY.backOffAfter(10)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackOffUntilTheLastAttemptFails() {
        Mail once = pending().failedAttempt("refused", NOW, POLICY);
        assertThat(once.status()).isEqualTo(MailStatus.PENDING);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(once.lastError()).isEqualTo("refused");

        Mail last = once.failedAttempt("refused", NOW, POLICY)
                .failedAttempt("refused", NOW, POLICY)
                .failedAttempt("refused", NOW, POLICY);
        assertThat(last.status()).isEqualTo(MailStatus.FAILED);
        assertThat(last.attempts()).isEqualTo(4);
        assertThat(last.nextAttemptAt()).isNull();
    }

    @Test
    void waitsForItsRecipientThenGivesUp() {
        Mail waiting = pending().recipientUnknown(NOW.plus(Duration.ofMinutes(59)), POLICY);
        assertThat(waiting.status()).isEqualTo(MailStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));

        assertThat(waiting.recipientUnknown(NOW.plus(Duration.ofHours(1)), POLICY)
                        .status())
                .isEqualTo(MailStatus.NO_RECIPIENT);
    }

    @Test
    void onlyAPendingMailIsSentAndOnlyAFailedOneRetried() {
        Mail sent = pending().sent("<mail-7@shop>", NOW);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> sent.sent("<again>", NOW)).isInstanceOf(IllegalMailStateException.class);
        assertThatThrownBy(() -> sent.retried(NOW)).isInstanceOf(IllegalMailStateException.class);

        Mail failed = new Mail(7, MailKind.ORDER_SHIPPED, MailStatus.FAILED, NOW, 4, null, null, null, "refused");
        Mail retried = failed.retried(NOW.plusSeconds(5));
        assertThat(retried.status()).isEqualTo(MailStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void readsOrderServiceReasonsIntoWhatCustomersAreTold() {
        assertThat(EndReason.ofCancellation("payment failed: card_declined")).isEqualTo(EndReason.PAYMENT_DECLINED);
        assertThat(EndReason.ofCancellation("payment failed: insufficient_funds"))
                .isEqualTo(EndReason.INSUFFICIENT_FUNDS);
        assertThat(EndReason.ofCancellation("timeout")).isEqualTo(EndReason.TIMEOUT);
        assertThat(EndReason.ofCancellation("cancelled by customer")).isEqualTo(EndReason.CUSTOMER);
        assertThat(EndReason.ofCancellation("something else")).isEqualTo(EndReason.OTHER);
    }
}
