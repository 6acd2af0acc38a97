package bookstore.payment.provider.sandbox;

import bookstore.platform.security.AccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The sandbox's "scan to pay" page, served wherever a sandbox wallet exists (the card sandbox's 3-D
 * Secure, Alipay's and WeChat Pay's sandboxes); with real providers only, its routes match nothing
 * and the path is a 404 like any other.
 */
@Configuration(proxyBeanMethods = false)
class SandboxPayPageConfiguration {

    @Bean
    RouterFunction<ServerResponse> sandboxPayPage(ObjectProvider<SandboxWallet> wallets) {
        return new SandboxPayPage(wallets.orderedStream().toList()).routes();
    }

    /**
     * The page and the sandbox wallets' own routes are reached without a token, as a provider's
     * cashier is: the person paying is not the shop's caller, and what the wallets receive carries its
     * own signature. Before the service's rules, which close the rest of {@code /api/payments}; without
     * a wallet, nothing is opened.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules sandboxAccess(ObjectProvider<SandboxWallet> wallets) {
        if (wallets.stream().findAny().isEmpty()) {
            return exchanges -> {};
        }
        return exchanges -> exchanges.pathMatchers("/api/payments/sandbox/**").permitAll();
    }
}
