package bookstore.platform.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who sent the current request, as the verified access token says: the user id (the token's
 * subject) and the roles it grants, without the {@code ROLE_} prefix.
 */
public record Caller(UUID id, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String CUSTOMER = "CUSTOMER";

    public Caller {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Whether the caller may see or change something that belongs to {@code ownerId}. */
    public boolean mayAccess(UUID ownerId) {
        return id.equals(ownerId) || isAdmin();
    }
}
