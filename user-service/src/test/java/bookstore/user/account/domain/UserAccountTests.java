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
            id, EmailAddress.of("ann@example.com"), "{argon2}hash", "Ann", Instant.parse("2025-01-01T00:00:00Z"));

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
}
