package bookstore.user.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param token the one-time token of a verification link */
record VerificationRequest(@NotBlank @Size(max = 200) String token) {

    @Override
    public String toString() {
        return "VerificationRequest[]";
    }
}
