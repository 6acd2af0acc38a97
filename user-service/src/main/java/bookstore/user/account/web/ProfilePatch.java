package bookstore.user.account.web;

import bookstore.user.account.application.ChangeProfile;
import bookstore.user.account.domain.UserAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a customer may change about themselves; absent fields stay as they are. Email, roles and id
 * are not fields here, so a request that tries to set them is refused as unknown fields (the
 * address changes through {@code POST /api/users/me/email}, verified first).
 */
record ProfilePatch(
        @Size(min = 1, max = 100) String displayName,

        @Pattern(regexp = LanguageTag.PATTERN, message = LanguageTag.MESSAGE)
        String language,

        @Size(max = UserAccount.MAX_ADDRESSES) List<@Valid AddressBody> addresses) {

    ChangeProfile toChange() {
        return new ChangeProfile(
                displayName,
                LanguageTag.of(language),
                addresses == null
                        ? null
                        : addresses.stream().map(AddressBody::toAddress).toList());
    }
}
