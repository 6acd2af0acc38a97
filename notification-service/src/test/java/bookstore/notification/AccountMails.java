package bookstore.notification;

import bookstore.events.user.EmailVerificationRequested;
import bookstore.events.user.PasswordResetRequested;
import java.time.Instant;
import java.util.UUID;

/** User-service's side of a test: the mail it asks for about accounts. */
public final class AccountMails {

    /** 2026-12-08 02:30 UTC is 10:30 in Beijing. */
    public static final Instant EXPIRES = Instant.parse("2026-12-08T02:30:00Z");

    /** 32 bytes, URL-safe Base64 without padding, as user-service makes them. */
    public static final String TOKEN = "q8Hn2vWcXkP0sLr7TbYdMfJa4eGuZi9oNh3xKw6Vc1E";

    private AccountMails() {}

    public static EmailVerificationRequested verification(String email, String name, String language, boolean welcome) {
        return new EmailVerificationRequested(
                UUID.randomUUID(),
                Instant.now(),
                "user-" + UUID.randomUUID(),
                email,
                name,
                language,
                TOKEN,
                EXPIRES,
                welcome);
    }

    public static PasswordResetRequested reset(String email, String language) {
        return new PasswordResetRequested(
                UUID.randomUUID(),
                Instant.now(),
                "user-" + UUID.randomUUID(),
                email,
                "Reader",
                language,
                TOKEN,
                EXPIRES);
    }

    /** An address nobody else in the test run uses. */
    public static String address() {
        return "account-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.test";
    }
}
