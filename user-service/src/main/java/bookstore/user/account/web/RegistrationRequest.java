package bookstore.user.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password,
        @NotBlank @Size(max = 100) String displayName) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=" + email + "]";
    }
}
