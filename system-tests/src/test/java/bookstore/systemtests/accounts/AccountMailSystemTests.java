package bookstore.systemtests.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.embedded.MailServer.Mail;
import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Mailbox;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The account's own mail, end to end through the gateway with the shop's real SMTP server: registration sends a
 * verification link in the customer's language, a forgotten password is reset through a mailed link, and each link
 * works once.
 */
@SystemTest
class AccountMailSystemTests {

    private static final String NEW_PASSWORD = "Moonlight-over-the-Lotus-Pond-9";

    private final Shop shop;
    private final Mailbox mailbox;

    AccountMailSystemTests(Shop shop) {
        this.shop = shop;
        this.mailbox = new Mailbox(shop);
    }

    @Test
    void registrationMailsAVerificationLinkInTheCustomersLanguageThatWorksOnce() {
        for (String language : new String[] {"en", "zh-CN"}) {
            Client client = shop.client();
            String email = "verify-" + UUID.randomUUID() + "@system-tests.example";
            client.post(
                            "/api/users",
                            Map.of(
                                    "email",
                                    email,
                                    "password",
                                    Shop.PASSWORD,
                                    "displayName",
                                    "Li Lei",
                                    "language",
                                    language))
                    .expect(201);

            Mail mail = mailbox.await(
                    email, "a verification link", sent -> sent.text().contains("/verify-email?token="));
            assertThat(Mailbox.isChinese(mail.subject()))
                    .as("the subject %s is in %s", mail.subject(), language)
                    .isEqualTo(language.equals("zh-CN"));
            assertThat(Mailbox.isChinese(mail.text())).isEqualTo(language.equals("zh-CN"));
            Customer customer = Customer.logIn(client, email, Shop.PASSWORD);
            assertThat(customer.get("/api/users/me")
                            .expect(200)
                            .json()
                            .get("emailVerified")
                            .asBoolean())
                    .isFalse();

            String token = Mailbox.tokenIn(mail, "/verify-email");
            shop.client()
                    .post("/api/users/email-verification", Map.of("token", token))
                    .expect(200);

            JsonNode me = customer.get("/api/users/me").expect(200).json();
            assertThat(me.get("emailVerified").asBoolean()).isTrue();
            assertThat(me.get("language").asString()).isEqualTo(language);
            Response again = shop.client().post("/api/users/email-verification", Map.of("token", token));
            assertThat(again.status()).as("the link a second time").isEqualTo(400);
        }
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnceAndUnknownAddressesGetTheSameAnswer() {
        Customer customer = shop.newCustomer();
        String nobody = "nobody-" + UUID.randomUUID() + "@system-tests.example";

        Response known = shop.client().post("/api/auth/password-reset", Map.of("email", customer.email()));
        Response unknown = shop.client().post("/api/auth/password-reset", Map.of("email", nobody));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());
        Mail mail = mailbox.await(
                customer.email(), "a reset link", sent -> sent.text().contains("/reset-password?token="));
        String token = Mailbox.tokenIn(mail, "/reset-password");

        shop.client()
                .post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .expect(204);

        assertThat(logIn(customer.email(), Shop.PASSWORD).status())
                .as("the old password")
                .isEqualTo(401);
        assertThat(logIn(customer.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(shop.client()
                        .post(
                                "/api/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", "Another-Long-Password-77"))
                        .status())
                .as("the reset link a second time")
                .isEqualTo(400);
        assertThat(logIn(customer.email(), NEW_PASSWORD).status())
                .as("the refused second reset changed nothing")
                .isEqualTo(200);
        // Welcome with verification, the reset link, then the notice that the password changed.
        List<Mail> mails = await("the notice that the password changed")
                .atMost(Mailbox.DELIVERY)
                .until(() -> mailbox.to(customer.email()), sent -> sent.size() >= 3);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).text()).doesNotContain("?token=");
        assertThat(mailbox.to(nobody)).as("mail to an address no account has").isEmpty();
    }

    private Response logIn(String email, String password) {
        return shop.client().withoutRetries().post("/api/auth/token", Map.of("email", email, "password", password));
    }
}
