package bookstore.user.account.web;

import bookstore.platform.paging.PageWindow;
import bookstore.platform.security.CurrentUser;
import bookstore.user.account.application.AccountSearch;
import bookstore.user.account.application.AdministeringUsers;
import bookstore.user.account.application.ClosingAccount;
import bookstore.user.account.domain.AccountStatus;
import bookstore.user.account.domain.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accounts as administrators see them (the ADMIN role is required by the service's access rules). */
@RestController
@Tag(name = "customers", description = "Accounts as staff manage them: roles, disabling, closing (admins)")
class AdminUserController {

    private final AdministeringUsers administering;
    private final ClosingAccount closing;

    AdminUserController(AdministeringUsers administering, ClosingAccount closing) {
        this.administering = administering;
        this.closing = closing;
    }

    /**
     * Customer search: {@code q} is found in the email address or the display name, ignoring case;
     * {@code role} keeps the accounts holding it, {@code status} those enabled or disabled. Without
     * any, every account.
     */
    @GetMapping("/api/users")
    Mono<PageView<ProfileView>> find(
            @RequestParam(required = false) @Size(max = AccountSearch.MAX_TEXT_LENGTH) String q,
            @RequestParam(required = false)
                    @Pattern(regexp = "(CUSTOMER|ADMIN)?", message = "must be CUSTOMER or ADMIN")
                    String role,
            @RequestParam(required = false)
                    @Pattern(regexp = "(ACTIVE|DISABLED)?", message = "must be ACTIVE or DISABLED")
                    String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(value = PageWindow.MAX_PAGE, message = PageWindow.BEYOND)
                    int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(AdministeringUsers.MAX_PAGE_SIZE) int size) {
        PageWindow.check(page, size);
        AccountSearch search = new AccountSearch(
                q,
                role == null || role.isEmpty() ? null : Role.valueOf(role),
                status == null || status.isEmpty() ? null : AccountStatus.valueOf(status));
        return administering.find(search, page, size).map(found -> PageView.of(found, ProfileView::of));
    }

    @GetMapping("/api/users/{id}")
    Mono<ProfileView> account(@PathVariable UUID id) {
        return administering.account(id).map(ProfileView::of);
    }

    /**
     * The account can no longer log in or refresh, and every session of it ends now; an access token
     * already issued expires within its lifetime. Administrators cannot disable themselves.
     */
    @PostMapping("/api/users/{id}/disable")
    Mono<ProfileView> disable(@PathVariable UUID id) {
        return CurrentUser.id()
                .flatMap(admin -> administering.disable(id, admin))
                .map(ProfileView::of);
    }

    @PostMapping("/api/users/{id}/enable")
    Mono<ProfileView> enable(@PathVariable UUID id) {
        return administering.enable(id).map(ProfileView::of);
    }

    /**
     * Closes the account and erases the person, as a customer's own closing does, announced as
     * closed by an administrator. Administrators cannot close their own account.
     */
    @DeleteMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> close(@PathVariable UUID id) {
        return CurrentUser.id().flatMap(admin -> closing.closeByAdmin(id, admin));
    }

    @PutMapping("/api/users/{id}/roles")
    Mono<ProfileView> assignRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return CurrentUser.id()
                .flatMap(admin -> administering.assignRoles(id, request.roles(), admin))
                .map(ProfileView::of);
    }
}
