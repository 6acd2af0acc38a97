package bookstore.user.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person's account: who they are to the shop (email, display name, shipping addresses), what
 * they may do (roles) and the hash that proves their password. The password itself never gets
 * here.
 */
public final class UserAccount {

    public static final int MAX_ADDRESSES = 10;

    private final UUID id;
    private final EmailAddress email;
    private final Instant createdAt;
    private final long version;
    private String passwordHash;
    private String displayName;
    private Set<Role> roles;
    private List<ShippingAddress> addresses;

    private UserAccount(
            UUID id,
            EmailAddress email,
            String passwordHash,
            String displayName,
            Set<Role> roles,
            List<ShippingAddress> addresses,
            Instant createdAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = requireHash(passwordHash);
        this.displayName = requireDisplayName(displayName);
        this.roles = requireRoles(roles);
        this.addresses = requireAddresses(addresses);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
    }

    /** A new customer who signed up themselves. */
    public static UserAccount registerCustomer(
            UUID id, EmailAddress email, String passwordHash, String displayName, Instant now) {
        return new UserAccount(id, email, passwordHash, displayName, Set.of(Role.CUSTOMER), List.of(), now, 0);
    }

    /** The operator's first administrator, created from the deployment's configuration. */
    public static UserAccount bootstrapAdmin(UUID id, EmailAddress email, String passwordHash, Instant now) {
        return new UserAccount(
                id, email, passwordHash, "Administrator", Set.of(Role.CUSTOMER, Role.ADMIN), List.of(), now, 0);
    }

    /** An account as it was stored. */
    public static UserAccount restore(
            UUID id,
            EmailAddress email,
            String passwordHash,
            String displayName,
            Set<Role> roles,
            List<ShippingAddress> addresses,
            Instant createdAt,
            long version) {
        return new UserAccount(id, email, passwordHash, displayName, roles, addresses, createdAt, version);
    }

    public void rename(String newDisplayName) {
        displayName = requireDisplayName(newDisplayName);
    }

    public void replaceAddresses(List<ShippingAddress> newAddresses) {
        addresses = requireAddresses(newAddresses);
    }

    /**
     * Sets the account's roles on an administrator's behalf. Administrators cannot take their own
     * admin role away, so the shop never loses its last administrator by a slip.
     */
    public void assignRoles(Set<Role> newRoles, UUID administratorId) {
        Set<Role> checked = requireRoles(newRoles);
        if (id.equals(administratorId) && isAdmin() && !checked.contains(Role.ADMIN)) {
            throw new CannotDemoteYourself();
        }
        roles = checked;
    }

    public void grant(Role role) {
        EnumSet<Role> more = EnumSet.copyOf(roles);
        more.add(role);
        roles = Set.copyOf(more);
    }

    public void changePasswordHash(String newHash) {
        passwordHash = requireHash(newHash);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public UUID id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public List<ShippingAddress> addresses() {
        return addresses;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The stored version this state was read at; a save of a stale version is refused. */
    public long version() {
        return version;
    }

    private static String requireHash(String hash) {
        Objects.requireNonNull(hash, "passwordHash");
        if (hash.isBlank()) {
            throw new IllegalArgumentException("password hash must not be blank");
        }
        return hash;
    }

    private static String requireDisplayName(String name) {
        Objects.requireNonNull(name, "displayName");
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("display name must have 1 to 100 characters");
        }
        return trimmed;
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        return Set.copyOf(roles);
    }

    private static List<ShippingAddress> requireAddresses(List<ShippingAddress> addresses) {
        Objects.requireNonNull(addresses, "addresses");
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " shipping addresses");
        }
        return List.copyOf(addresses);
    }
}
