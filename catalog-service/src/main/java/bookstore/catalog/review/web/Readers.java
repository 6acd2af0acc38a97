package bookstore.catalog.review.web;

import bookstore.catalog.review.application.Reader;
import bookstore.platform.privacy.CustomerPseudonym;
import bookstore.platform.security.Caller;
import bookstore.platform.security.CurrentUser;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The caller as reviews know them: by the pseudonym of the access token's subject, never by the account id. The same
 * pseudonym order events and analytics' records carry, so recommendations know the caller by it too.
 */
@Component
public class Readers {

    private final CustomerPseudonym pseudonym;

    Readers(CustomerPseudonym pseudonym) {
        this.pseudonym = pseudonym;
    }

    /** The signed-in caller; fails as unauthenticated (401) without a token. */
    public Mono<Reader> current() {
        return CurrentUser.get().map(this::reader);
    }

    /** The caller if the request carries a token, for the open reads that flag (or leave out) what is the caller's. */
    public Mono<Optional<Reader>> ifSignedIn() {
        return current()
                .map(Optional::of)
                .onErrorResume(
                        AuthenticationCredentialsNotFoundException.class, anonymous -> Mono.just(Optional.empty()));
    }

    private Reader reader(Caller caller) {
        return new Reader(pseudonym.of(caller.id().toString()), caller.isAdmin());
    }
}
