package bookstore.user.config;

import bookstore.user.auth.application.LoginThrottle;
import bookstore.user.keys.SigningKeys;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Periodic chores: picking up rotated signing keys and dropping stale login counters. */
class Housekeeping {

    private final SigningKeys keys;
    private final LoginThrottle throttle;

    Housekeeping(SigningKeys keys, LoginThrottle throttle) {
        this.keys = keys;
        this.throttle = throttle;
    }

    @Scheduled(
            fixedDelayString = "${bookstore.identity.keys-reload-interval:60s}",
            initialDelayString = "${bookstore.identity.keys-reload-interval:60s}")
    void reloadSigningKeys() {
        keys.reload();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    Mono<Long> purgeLoginCounters() {
        return throttle.purge();
    }
}
