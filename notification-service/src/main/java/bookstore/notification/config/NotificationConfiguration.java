package bookstore.notification.config;

import bookstore.notification.directory.application.Directory;
import bookstore.notification.mail.application.LetterTemplates;
import bookstore.notification.mail.application.Letters;
import bookstore.notification.mail.application.MailMetrics;
import bookstore.notification.mail.application.MailSender;
import bookstore.notification.mail.application.Mails;
import bookstore.notification.mail.application.NotificationProperties;
import bookstore.notification.mail.application.SendingMail;
import bookstore.notification.mail.persistence.PostgresMails;
import bookstore.notification.mail.smtp.SmtpPostman;
import bookstore.platform.privacy.CustomerPseudonym;
import bookstore.platform.work.HandedOver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.r2dbc.core.DatabaseClient;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** Event, attempt and erasure times; one clock, so tests could pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Order-service's key (docs/adr/0019): required, so a service that could not find anyone does not start. */
    @Bean
    CustomerPseudonym customerPseudonym(NotificationProperties settings) {
        return new CustomerPseudonym(settings.pseudonymKey());
    }

    /** Mail recorded by a transaction wakes the sender once the transaction has committed. */
    @Bean
    HandedOver<Long> recordedMail() {
        return new HandedOver<>();
    }

    @Bean
    Mails mails(DatabaseClient database, HandedOver<Long> recordedMail) {
        return new PostgresMails(database, recordedMail);
    }

    @Bean
    MailMetrics mailMetrics(MeterRegistry meters, Mails mails) {
        return new MailMetrics(meters, mails);
    }

    /**
     * The texts of the mails, {@code mail/messages_zh_CN.properties} and {@code mail/messages_en.properties}: not the
     * application's {@code messageSource}, and never the machine's locale.
     */
    @Bean
    ResourceBundleMessageSource mailTexts() {
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("mail/messages");
        texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
        texts.setFallbackToSystemLocale(false);
        return texts;
    }

    /** Thymeleaf on its own (no web views): {@code .html} templates in HTML mode, {@code .txt} ones as plain text. */
    @Bean
    SpringTemplateEngine mailTemplateEngine(ResourceBundleMessageSource mailTexts) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        engine.setTemplateEngineMessageSource(mailTexts);
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    @Bean
    Letters letters(ResourceBundleMessageSource mailTexts, NotificationProperties settings) {
        return new Letters(mailTexts, settings.shopUrl());
    }

    @Bean
    LetterTemplates letterTemplates(SpringTemplateEngine mailTemplateEngine) {
        return new LetterTemplates(mailTemplateEngine);
    }

    @Bean
    SmtpPostman postman(JavaMailSender sender, NotificationProperties settings) {
        return new SmtpPostman(sender, settings.from());
    }

    @Bean
    SendingMail sendingMail(
            Mails mails,
            Directory directory,
            Letters letters,
            LetterTemplates letterTemplates,
            SmtpPostman postman,
            MailMetrics mailMetrics,
            NotificationProperties settings,
            Clock clock) {
        return new SendingMail(mails, directory, letters, letterTemplates, postman, mailMetrics, settings, clock);
    }

    @Bean
    MailSender mailSenderLoop(SendingMail sendingMail, HandedOver<Long> recordedMail, NotificationProperties settings) {
        return new MailSender(sendingMail, recordedMail, settings);
    }
}
