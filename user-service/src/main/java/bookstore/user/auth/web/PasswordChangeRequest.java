package bookstore.user.auth.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record PasswordChangeRequest(
        @NotNull @Size(max = 128) String currentPassword,
        @NotNull @Size(max = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[]";
    }
}
