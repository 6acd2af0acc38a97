package bookstore.user.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param language {@code zh-CN} (when left out) or {@code en}: what the shop's mails are written in */
record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password,
        @NotBlank @Size(max = 100) String displayName,

        @Pattern(regexp = LanguageTag.PATTERN, message = LanguageTag.MESSAGE)
        String language) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=" + email + "]";
    }
}
