package bookstore.user.account.web;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.ShippingAddress;
import bookstore.user.account.domain.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as its owner and administrators see it; never the password hash.
 *
 * @param pendingEmail the address the owner asked to move to, until they verify it; else {@code null}
 * @param language {@code zh-CN} or {@code en}
 * @param status {@code ACTIVE} or {@code DISABLED}
 */
record ProfileView(
        UUID id,
        String email,
        boolean emailVerified,
        String pendingEmail,
        String displayName,
        String language,
        List<String> roles,
        String status,
        List<ShippingAddress> addresses,
        Instant createdAt) {

    static ProfileView of(UserAccount account) {
        return new ProfileView(
                account.id(),
                account.email().value(),
                account.emailVerified(),
                account.pendingEmail().map(EmailAddress::value).orElse(null),
                account.displayName(),
                account.language().tag(),
                account.roles().stream().map(Role::name).sorted().toList(),
                account.status().name(),
                account.addresses(),
                account.createdAt());
    }
}
