package bookstore.analytics.imports.application;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the imports of past sales. Their calendar is the shop's ({@code bookstore.analytics.zone}).
 *
 * @param importPseudonymKey the secret that turns the old system's customer references into the pseudonyms the
 *     imported sales carry (HMAC-SHA256, at least 16 characters). Analytics' own key, not order-service's: an old
 *     system's customer reference is not an account id, and whoever holds this key can link imported pseudonyms
 *     back to the old references. Production sets its own secret; the default only keeps a local run working
 * @param seedHistory whether an empty shop gets a generated sample history through the import (the local launcher
 *     turns it on)
 * @param seedHistoryLength how far back the sample history reaches, up to yesterday
 * @param seedHistoryQuietPeriod how long the catalogue must add no book before its books count as all there
 * @param seedHistoryPatience how long seeding waits for the catalogue's books before it gives up
 */
@ConfigurationProperties("bookstore.analytics")
public record ImportProperties(
        @DefaultValue("local-development-import-pseudonym-key")
        String importPseudonymKey,

        @DefaultValue("false") boolean seedHistory,
        @DefaultValue("P2Y") Period seedHistoryLength,
        @DefaultValue("15s") Duration seedHistoryQuietPeriod,
        @DefaultValue("30m") Duration seedHistoryPatience) {}
