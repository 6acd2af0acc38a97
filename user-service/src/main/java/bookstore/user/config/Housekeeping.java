package bookstore.user.config;

import bookstore.user.account.application.MailedTokens;
import bookstore.user.account.application.RequestQuotas;
import bookstore.user.auth.application.LoginThrottle;
import bookstore.user.keys.SigningKeys;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Periodic chores: picking up rotated signing keys and dropping stale login counters, request
 * counters and one-time tokens that no longer work.
 */
class Housekeeping {

    private final SigningKeys keys;
    private final LoginThrottle throttle;
    private final MailedTokens mailedTokens;
    private final RequestQuotas quotas;

    Housekeeping(SigningKeys keys, LoginThrottle throttle, MailedTokens mailedTokens, RequestQuotas quotas) {
        this.keys = keys;
        this.throttle = throttle;
        this.mailedTokens = mailedTokens;
        this.quotas = quotas;
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

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT6M")
    Mono<Long> purgeMailRequests() {
        return quotas.purge().then(mailedTokens.purge());
    }
}
