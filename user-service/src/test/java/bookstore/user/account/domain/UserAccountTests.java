package bookstore.user.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAccountTests {

    final UUID id = UUID.randomUUID();
    final UserAccount customer = UserAccount.registerCustomer(
            id,
            EmailAddress.of("ann@example.com"),
            "{argon2}hash",
            "Ann",
            Language.EN,
            Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void aNewCustomerIsOnlyACustomer() {
        assertThat(customer.roles()).containsExactly(Role.CUSTOMER);
        assertThat(customer.isAdmin()).isFalse();
    }

    @Test
    void theBootstrappedAdminAlsoShops() {
        UserAccount admin = UserAccount.bootstrapAdmin(id, EmailAddress.of("ops@example.com"), "h", Instant.now());

        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
    }

    @Test
    void anAdminCannotTakeAwayTheirOwnAdminRole() {
        UserAccount admin = UserAccount.bootstrapAdmin(id, EmailAddress.of("ops@example.com"), "h", Instant.now());

        assertThatThrownBy(() -> admin.assignRoles(Set.of(Role.CUSTOMER), id)).isInstanceOf(CannotDemoteYourself.class);
        assertThat(admin.isAdmin()).isTrue();
    }

    @Test
    void anAdminCanPromoteAndDemoteOthers() {
        UUID otherAdmin = UUID.randomUUID();

        customer.assignRoles(Set.of(Role.CUSTOMER, Role.ADMIN), otherAdmin);
        assertThat(customer.isAdmin()).isTrue();
        customer.assignRoles(Set.of(Role.CUSTOMER), otherAdmin);
        assertThat(customer.isAdmin()).isFalse();
    }

    @Test
    void anAccountAlwaysHasARole() {
        assertThatThrownBy(() -> customer.assignRoles(Set.of(), UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsAtMostTenAddresses() {
        ShippingAddress home =
                new ShippingAddress("Ann", "+86 10 1234", "1 Road", null, "Beijing", null, "100000", "CN");

        assertThatThrownBy(() -> customer.replaceAddresses(Collections.nCopies(11, home)))
                .isInstanceOf(IllegalArgumentException.class);
        customer.replaceAddresses(List.of(home));
        assertThat(customer.addresses()).containsExactly(home);
    }

    @Test
    void displayNamesAreTrimmedAndNeverBlank() {
        customer.rename("  Ann Lee ");
        assertThat(customer.displayName()).isEqualTo("Ann Lee");
        assertThatThrownBy(() -> customer.rename("   ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewCustomersAddressAwaitsVerification() {
        assertThat(customer.emailVerified()).isFalse();
        assertThat(customer.addressToVerify()).contains(EmailAddress.of("ann@example.com"));

        assertThat(customer.verify(EmailAddress.of("ann@example.com"))).isFalse();

        assertThat(customer.emailVerified()).isTrue();
        assertThat(customer.addressToVerify()).isEmpty();
    }

    @Test
    void aNewAddressIsTheAccountsOnlyOnceVerified() {
        EmailAddress newAddress = EmailAddress.of("ann@elsewhere.example");
        customer.requestEmailChange(newAddress);

        assertThat(customer.email()).isEqualTo(EmailAddress.of("ann@example.com"));
        assertThat(customer.pendingEmail()).contains(newAddress);
        assertThat(customer.addressToVerify()).contains(newAddress);

        assertThat(customer.verify(newAddress)).isTrue();

        assertThat(customer.email()).isEqualTo(newAddress);
        assertThat(customer.pendingEmail()).isEmpty();
        assertThat(customer.emailVerified()).isTrue();
    }

    @Test
    void aLinkToAnAddressNoLongerWaitingVerifiesNothing() {
        customer.requestEmailChange(EmailAddress.of("first@elsewhere.example"));
        customer.requestEmailChange(EmailAddress.of("second@elsewhere.example"));

        assertThat(customer.awaitsVerificationOf(EmailAddress.of("first@elsewhere.example")))
                .isFalse();
        assertThatThrownBy(() -> customer.verify(EmailAddress.of("first@elsewhere.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(customer.email()).isEqualTo(EmailAddress.of("ann@example.com"));
    }

    @Test
    void aResetThroughTheAccountsAddressVerifiesIt() {
        customer.resetPasswordViaMailTo(EmailAddress.of("ann@example.com"), "{argon2}new");

        assertThat(customer.passwordHash()).isEqualTo("{argon2}new");
        assertThat(customer.emailVerified()).isTrue();
    }

    @Test
    void anAdminCannotDisableThemselvesOrCloseTheirOwnAccount() {
        UserAccount admin = UserAccount.bootstrapAdmin(id, EmailAddress.of("ops@example.com"), "h", Instant.now());

        assertThatThrownBy(() -> admin.disable(id)).isInstanceOf(CannotLockYourselfOut.class);
        assertThatThrownBy(() -> admin.checkClosableBy(id)).isInstanceOf(CannotLockYourselfOut.class);
        assertThat(admin.isActive()).isTrue();
        admin.checkClosableBy(UUID.randomUUID());
    }

    @Test
    void aDisabledAccountCanBeEnabledAgain() {
        customer.disable(UUID.randomUUID());
        assertThat(customer.isActive()).isFalse();
        assertThat(customer.status()).isEqualTo(AccountStatus.DISABLED);

        customer.enable();

        assertThat(customer.isActive()).isTrue();
    }

    @Test
    void theBootstrappedAdminsAddressCountsAsVerified() {
        UserAccount admin = UserAccount.bootstrapAdmin(id, EmailAddress.of("ops@example.com"), "h", Instant.now());

        assertThat(admin.emailVerified()).isTrue();
        assertThat(admin.language()).isEqualTo(Language.ZH_CN);
    }
}
