package bookstore.notification;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole service on real Kafka, PostgreSQL and a real SMTP server (GreenMail). Every integration test class uses
 * this one configuration, so they share one application context, one database and one mailbox: tests keep apart by
 * using fresh accounts, addresses, orders and books.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureWebTestClient
@RealKafka
@RealPostgres
@Import(Mailbox.Configuration.class)
public @interface NotificationServiceTest {}
