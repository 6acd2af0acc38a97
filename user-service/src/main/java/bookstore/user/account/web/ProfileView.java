package bookstore.user.account.web;

import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.ShippingAddress;
import bookstore.user.account.domain.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as its owner and administrators see it; never the password hash. */
record ProfileView(
        UUID id,
        String email,
        String displayName,
        List<String> roles,
        List<ShippingAddress> addresses,
        Instant createdAt) {

    static ProfileView of(UserAccount account) {
        return new ProfileView(
                account.id(),
                account.email().value(),
                account.displayName(),
                account.roles().stream().map(Role::name).sorted().toList(),
                account.addresses(),
                account.createdAt());
    }
}
