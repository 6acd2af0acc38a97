package bookstore.user.config;

import bookstore.user.account.application.BootstrappingAdmin;
import bookstore.user.account.domain.EmailAddress;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the administrator from {@code BOOKSTORE_ADMIN_EMAIL} and {@code BOOKSTORE_ADMIN_PASSWORD}
 * before the service reports ready. Half a configuration (one of the two set) stops the start
 * rather than leaving the operator wondering why they cannot log in.
 */
class AdminBootstrap implements ApplicationRunner {

    private final BootstrappingAdmin bootstrapping;
    private final IdentityProperties.Admin admin;

    AdminBootstrap(BootstrappingAdmin bootstrapping, IdentityProperties.Admin admin) {
        this.bootstrapping = bootstrapping;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.isConfigured()) {
            return;
        }
        if (admin.email() == null
                || admin.email().isBlank()
                || admin.password() == null
                || admin.password().isBlank()) {
            throw new IllegalStateException("Set both BOOKSTORE_ADMIN_EMAIL and BOOKSTORE_ADMIN_PASSWORD, or neither");
        }
        bootstrapping
                .ensureAdmin(EmailAddress.of(admin.email()), admin.password())
                .block(Duration.ofMinutes(1));
    }
}
