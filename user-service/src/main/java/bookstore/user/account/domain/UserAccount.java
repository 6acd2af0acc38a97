package bookstore.user.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's account: who they are to the shop (email, display name, language, shipping
 * addresses), what they may do (roles, and whether it is enabled at all) and the hash that proves
 * their password. The password itself never gets here. An address becomes the account's only once
 * its owner proved they read it: a new one waits as the pending address until then.
 */
public final class UserAccount {

    public static final int MAX_ADDRESSES = 10;

    private final UUID id;
    private final Instant createdAt;
    private final long version;
    private EmailAddress email;
    private boolean emailVerified;
    private EmailAddress pendingEmail;
    private String passwordHash;
    private String displayName;
    private Language language;
    private Set<Role> roles;
    private AccountStatus status;
    private List<ShippingAddress> addresses;

    private UserAccount(
            UUID id,
            EmailAddress email,
            boolean emailVerified,
            EmailAddress pendingEmail,
            String passwordHash,
            String displayName,
            Language language,
            Set<Role> roles,
            AccountStatus status,
            List<ShippingAddress> addresses,
            Instant createdAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.emailVerified = emailVerified;
        this.pendingEmail = pendingEmail;
        this.passwordHash = requireHash(passwordHash);
        this.displayName = requireDisplayName(displayName);
        this.language = Objects.requireNonNull(language, "language");
        this.roles = requireRoles(roles);
        this.status = Objects.requireNonNull(status, "status");
        this.addresses = requireAddresses(addresses);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
    }

    /** A new customer who signed up themselves; their address is not verified yet. */
    public static UserAccount registerCustomer(
            UUID id, EmailAddress email, String passwordHash, String displayName, Language language, Instant now) {
        return new UserAccount(
                id,
                email,
                false,
                null,
                passwordHash,
                displayName,
                language,
                Set.of(Role.CUSTOMER),
                AccountStatus.ACTIVE,
                List.of(),
                now,
                0);
    }

    /**
     * The operator's first administrator, created from the deployment's configuration. Its address
     * counts as verified: the operator who configured it vouches for it.
     */
    public static UserAccount bootstrapAdmin(UUID id, EmailAddress email, String passwordHash, Instant now) {
        return new UserAccount(
                id,
                email,
                true,
                null,
                passwordHash,
                "Administrator",
                Language.DEFAULT,
                Set.of(Role.CUSTOMER, Role.ADMIN),
                AccountStatus.ACTIVE,
                List.of(),
                now,
                0);
    }

    /** An account as it was stored. */
    public static UserAccount restore(
            UUID id,
            EmailAddress email,
            boolean emailVerified,
            EmailAddress pendingEmail,
            String passwordHash,
            String displayName,
            Language language,
            Set<Role> roles,
            AccountStatus status,
            List<ShippingAddress> addresses,
            Instant createdAt,
            long version) {
        return new UserAccount(
                id,
                email,
                emailVerified,
                pendingEmail,
                passwordHash,
                displayName,
                language,
                roles,
                status,
                addresses,
                createdAt,
                version);
    }

    public void rename(String newDisplayName) {
        displayName = requireDisplayName(newDisplayName);
    }

    public void speak(Language newLanguage) {
        language = Objects.requireNonNull(newLanguage, "language");
    }

    /** The owner wants mail at another address; it becomes theirs once they verify it. */
    public void requestEmailChange(EmailAddress newEmail) {
        Objects.requireNonNull(newEmail, "newEmail");
        if (newEmail.equals(email)) {
            throw new IllegalArgumentException("newEmail is already the account's address");
        }
        pendingEmail = newEmail;
    }

    /** The address a verification link should go to now, if any still needs one. */
    public Optional<EmailAddress> addressToVerify() {
        if (pendingEmail != null) {
            return Optional.of(pendingEmail);
        }
        return emailVerified ? Optional.empty() : Optional.of(email);
    }

    /**
     * Whether proof of reading {@code address} still means something: it is the pending address, or
     * the account's own while unverified. A link to an address since replaced by another does not.
     */
    public boolean awaitsVerificationOf(EmailAddress address) {
        return address.equals(pendingEmail) || (address.equals(email) && !emailVerified);
    }

    /**
     * The owner proved they read {@code address}: the pending address becomes the account's, or the
     * account's own is marked verified. Returns whether the account's address changed.
     */
    public boolean verify(EmailAddress address) {
        if (!awaitsVerificationOf(address)) {
            throw new IllegalArgumentException("the account does not await verification of this address");
        }
        boolean changed = !address.equals(email);
        email = address;
        emailVerified = true;
        if (changed) {
            pendingEmail = null;
        }
        return changed;
    }

    /**
     * A password was reset through a link mailed to {@code address}: if that is still the account's
     * address, the owner has shown they read it.
     */
    public void resetPasswordViaMailTo(EmailAddress address, String newHash) {
        changePasswordHash(newHash);
        if (address.equals(email)) {
            emailVerified = true;
        }
    }

    /** Stops the account from signing in; {@code administratorId} is whoever does it. */
    public void disable(UUID administratorId) {
        if (id.equals(administratorId)) {
            throw new CannotLockYourselfOut("disable");
        }
        status = AccountStatus.DISABLED;
    }

    public void enable() {
        status = AccountStatus.ACTIVE;
    }

    /**
     * Refuses to close the account on behalf of {@code closerId} when that would lock an
     * administrator out by their own hand: an administrator's account is closed by another one.
     */
    public void checkClosableBy(UUID closerId) {
        if (id.equals(closerId) && isAdmin()) {
            throw new CannotLockYourselfOut("close");
        }
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

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
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

    public boolean emailVerified() {
        return emailVerified;
    }

    public Optional<EmailAddress> pendingEmail() {
        return Optional.ofNullable(pendingEmail);
    }

    public Language language() {
        return language;
    }

    public AccountStatus status() {
        return status;
    }

    /** How to reach the person now. */
    public Contact contact() {
        return new Contact(email, displayName, language);
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
