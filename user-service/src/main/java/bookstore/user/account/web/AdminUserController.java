package bookstore.user.account.web;

import bookstore.platform.security.CurrentUser;
import bookstore.user.account.application.AccountSearch;
import bookstore.user.account.application.AdministeringUsers;
import bookstore.user.account.domain.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accounts as administrators see them (the ADMIN role is required by the service's access rules). */
@RestController
class AdminUserController {

    private final AdministeringUsers administering;

    AdminUserController(AdministeringUsers administering) {
        this.administering = administering;
    }

    /**
     * Customer search: {@code q} is found in the email address or the display name, ignoring case;
     * {@code role} keeps the accounts holding it. Without either, every account.
     */
    @GetMapping("/api/users")
    Mono<PageView<ProfileView>> find(
            @RequestParam(required = false) @Size(max = AccountSearch.MAX_TEXT_LENGTH) String q,
            @RequestParam(required = false)
                    @Pattern(regexp = "(CUSTOMER|ADMIN)?", message = "must be CUSTOMER or ADMIN")
                    String role,
            @RequestParam(defaultValue = "0") @Min(0) @Max(AdministeringUsers.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(AdministeringUsers.MAX_PAGE_SIZE) int size) {
        AccountSearch search = new AccountSearch(q, role == null || role.isEmpty() ? null : Role.valueOf(role));
        return administering.find(search, page, size).map(found -> PageView.of(found, ProfileView::of));
    }

    @GetMapping("/api/users/{id}")
    Mono<ProfileView> account(@PathVariable UUID id) {
        return administering.account(id).map(ProfileView::of);
    }

    @PutMapping("/api/users/{id}/roles")
    Mono<ProfileView> assignRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return CurrentUser.id()
                .flatMap(admin -> administering.assignRoles(id, request.roles(), admin))
                .map(ProfileView::of);
    }
}
