package bookstore.user.auth.web;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.auth.application.LoginAttempt;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password) {

    LoginAttempt attemptFrom(String clientAddress) {
        return new LoginAttempt(EmailAddress.of(email), clientAddress);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
