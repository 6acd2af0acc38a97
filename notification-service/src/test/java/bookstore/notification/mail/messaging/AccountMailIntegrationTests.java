package bookstore.notification.mail.messaging;

import static bookstore.notification.AccountMails.TOKEN;
import static bookstore.notification.AccountMails.address;
import static bookstore.notification.AccountMails.reset;
import static bookstore.notification.AccountMails.verification;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.embedded.MailServer.Mail;
import bookstore.events.Topics;
import bookstore.events.user.PasswordChanged;
import bookstore.notification.EventSender;
import bookstore.notification.Mailbox;
import bookstore.notification.NotificationServiceTest;
import bookstore.platform.messaging.EventCodec;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** Mail about the account goes to the address in the request, in the language it names, with its one-time link. */
@NotificationServiceTest
class AccountMailIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    Mailbox mailbox;

    EventSender events;

    @BeforeEach
    void connect() {
        events = new EventSender(kafka, codec);
    }

    @Test
    void welcomesANewCustomerInChineseWithTheVerificationLink() {
        String email = address();
        events.send(Topics.ACCOUNT_MAIL, verification(email, "王小明", "zh-CN", true));

        Mail mail = mailbox.awaitOne(email);
        assertThat(mail.subject()).isEqualTo("欢迎加入书店，请验证您的邮箱");
        assertThat(mail.toName()).isEqualTo("王小明");
        assertThat(mail.language()).isEqualTo("zh-CN");
        assertThat(mail.text())
                .contains("王小明，您好：")
                .contains("https://shop.test/verify-email?token=" + TOKEN)
                .contains("2026-12-08 10:30（北京时间）");
        assertThat(mail.html())
                .contains("lang=\"zh-CN\"")
                .contains("href=\"https://shop.test/verify-email?token=" + TOKEN + "\"")
                .contains("验证邮箱");
    }

    @Test
    void welcomesANewCustomerInEnglish() {
        String email = address();
        events.send(Topics.ACCOUNT_MAIL, verification(email, "Alice", "en", true));

        Mail mail = mailbox.awaitOne(email);
        assertThat(mail.subject()).isEqualTo("Welcome to the Bookstore: please confirm your e-mail address");
        assertThat(mail.text())
                .contains("Hello Alice,")
                .contains("https://shop.test/verify-email?token=" + TOKEN)
                .contains("2026-12-08 10:30 (China time)");
        assertThat(mail.html()).contains("lang=\"en\"").contains("Confirm my e-mail address");
    }

    @Test
    void asksToConfirmANewAddressInBothLanguages() {
        String chinese = address();
        String english = address();
        events.send(
                Topics.ACCOUNT_MAIL,
                verification(chinese, "王小明", "zh-CN", false),
                verification(english, "Alice", "en", false));

        assertThat(mailbox.awaitOne(chinese).subject()).isEqualTo("请验证您的新邮箱地址");
        Mail mail = mailbox.awaitOne(english);
        assertThat(mail.subject()).isEqualTo("Confirm your new e-mail address");
        assertThat(mail.text()).contains("/verify-email?token=" + TOKEN);
    }

    @Test
    void sendsThePasswordResetLinkInBothLanguages() {
        String chinese = address();
        String english = address();
        events.send(Topics.ACCOUNT_MAIL, reset(chinese, "zh-CN"), reset(english, "en"));

        Mail zh = mailbox.awaitOne(chinese);
        assertThat(zh.subject()).isEqualTo("重置您的书店密码");
        assertThat(zh.text())
                .contains("https://shop.test/reset-password?token=" + TOKEN)
                .contains("2026-12-08 10:30（北京时间）");
        Mail en = mailbox.awaitOne(english);
        assertThat(en.subject()).isEqualTo("Reset your Bookstore password");
        assertThat(en.html()).contains("href=\"https://shop.test/reset-password?token=" + TOKEN + "\"");
    }

    @Test
    void tellsOfAChangedPasswordInBothLanguages() {
        String chinese = address();
        String english = address();
        Instant at = Instant.parse("2026-12-07T16:05:00Z");
        events.send(
                Topics.ACCOUNT_MAIL,
                new PasswordChanged(UUID.randomUUID(), at, "user-" + UUID.randomUUID(), chinese, "王小明", "zh-CN", false),
                new PasswordChanged(UUID.randomUUID(), at, "user-" + UUID.randomUUID(), english, "Alice", "en", true));

        Mail zh = mailbox.awaitOne(chinese);
        assertThat(zh.subject()).isEqualTo("您的书店密码已更改");
        assertThat(zh.text()).contains("您的密码已于 2026-12-08 00:05（北京时间） 更改");
        Mail en = mailbox.awaitOne(english);
        assertThat(en.subject()).isEqualTo("Your Bookstore password was changed");
        assertThat(en.text()).contains("reset with a reset link on 2026-12-08 00:05 (China time)");
        assertThat(en.text()).doesNotContain("token=");
    }

    @Test
    void printsANameThatLooksLikeMarkupAsText() {
        String email = address();
        String name = "<script>alert(1)</script>";
        events.send(Topics.ACCOUNT_MAIL, verification(email, name, "en", true));

        Mail mail = mailbox.awaitOne(email);
        assertThat(mail.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Hello " + name + ",");
        assertThat(mail.toName()).isEqualTo(name);
    }
}
