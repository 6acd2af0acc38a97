package bookstore.user.config;

import bookstore.user.keys.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    /**
     * Also the {@code JWKSource} the platform's resource-server configuration finds, so this
     * service verifies its own tokens with these keys instead of fetching its own JWKS.
     */
    @Bean
    SigningKeys signingKeys(IdentityProperties properties, Clock clock) {
        if (properties.keysDir() == null) {
            throw new IllegalStateException("Set bookstore.identity.keys-dir (BOOKSTORE_KEYS_DIR)");
        }
        return SigningKeys.load(properties.keysDir(), properties.generateKeysIfMissing(), clock);
    }
}
