package bookstore.user.account.web;

import bookstore.user.account.domain.Role;
import jakarta.validation.constraints.NotEmpty;
import java.util.Set;

record RolesRequest(@NotEmpty Set<Role> roles) {}
