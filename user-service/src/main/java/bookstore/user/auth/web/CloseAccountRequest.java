package bookstore.user.auth.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CloseAccountRequest(@NotNull @Size(max = 128) String password) {

    @Override
    public String toString() {
        return "CloseAccountRequest[]";
    }
}
