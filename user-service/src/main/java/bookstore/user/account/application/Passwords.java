package bookstore.user.account.application;

import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hashing and checking passwords with a deliberately slow, memory-hard hash, off the event loop so
 * one login does not stall every other request on the thread.
 */
public class Passwords {

    private final PasswordEncoder encoder;
    private final Mono<String> decoyHash;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.decoyHash = Mono.fromCallable(
                        () -> encoder.encode(UUID.randomUUID().toString()))
                .cache();
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Whether the password matches the hash. Without a hash (no such account) it is checked against
     * a decoy, so a wrong email costs as long as a wrong password and response times do not reveal
     * which addresses have accounts.
     */
    public Mono<Boolean> matches(String password, String hash) {
        Mono<String> against = hash == null ? decoyHash : Mono.just(hash);
        return against.map(stored -> encoder.matches(password, stored) && hash != null)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Completes when the password matches the account's hash; fails with {@link WrongPassword} otherwise. */
    public Mono<Void> check(String password, String hash) {
        return matches(password, hash).flatMap(matches -> matches ? Mono.empty() : Mono.error(new WrongPassword()));
    }

    /** Whether a hash was made with weaker settings than today's and should be redone at login. */
    public boolean isOutdated(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
