package bookstore.user.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshTokenRequest(@NotBlank @Size(max = 200) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[]";
    }
}
