package bookstore.user.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param token the one-time token of the reset link */
record PasswordResetConfirmation(
        @NotBlank @Size(max = 200) String token,
        @NotNull @Size(max = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordResetConfirmation[]";
    }
}
