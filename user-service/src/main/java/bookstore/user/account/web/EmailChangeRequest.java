package bookstore.user.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record EmailChangeRequest(
        @NotBlank @Email @Size(max = 254) String newEmail,
        @NotNull @Size(max = 128) String currentPassword) {

    @Override
    public String toString() {
        return "EmailChangeRequest[newEmail=" + newEmail + "]";
    }
}
