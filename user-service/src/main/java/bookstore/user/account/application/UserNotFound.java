package bookstore.user.account.application;

import java.util.UUID;

public final class UserNotFound extends RuntimeException {

    public UserNotFound(UUID id) {
        super("No account " + id);
    }
}
