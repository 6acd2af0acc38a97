package bookstore.user;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole service over HTTP on real PostgreSQL and Kafka. Every test class uses the same
 * configuration, so they share one running service (and one database); tests keep apart by using
 * their own email addresses and client addresses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.identity.keys-dir=${java.io.tmpdir}/user-service-tests/${random.uuid}",
            "bookstore.identity.admin.email=" + UserServiceIntegrationTest.ADMIN_EMAIL,
            "bookstore.identity.admin.password=" + UserServiceIntegrationTest.ADMIN_PASSWORD,
            "bookstore.outbox.poll-interval=100ms",
            "logging.structured.format.console="
        })
@AutoConfigureWebTestClient(timeout = "30s")
@RealPostgres
@RealKafka
@Import(MutableClock.Config.class)
public @interface UserServiceIntegrationTest {

    String ADMIN_EMAIL = "admin@bookstore.test";
    String ADMIN_PASSWORD = "an admin passphrase for tests";
}
