package bookstore.user.account.application;

import bookstore.user.account.domain.Language;
import bookstore.user.account.domain.ShippingAddress;
import java.util.List;

/**
 * Change what a customer says about themselves; a {@code null} field stays as it is.
 *
 * @param addresses the complete new list of shipping addresses
 */
public record ChangeProfile(String displayName, Language language, List<ShippingAddress> addresses) {

    public ChangeProfile {
        addresses = addresses == null ? null : List.copyOf(addresses);
    }
}
