package bookstore.user.auth.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordResetRequest(
        @NotBlank @Email @Size(max = 254) String email) {

    @Override
    public String toString() {
        return "PasswordResetRequest[]";
    }
}
