package bookstore.user.auth.web;

import bookstore.platform.security.CurrentUser;
import bookstore.user.account.application.ClosingAccount;
import bookstore.user.account.domain.EmailAddress;
import bookstore.user.auth.application.ChangingPassword;
import bookstore.user.auth.application.ResettingPassword;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A password changed, forgotten and reset, and an account closed by its owner: what needs the
 * account's credentials and ends its sessions.
 */
@RestController
@Tag(
        name = "passwords",
        description = "Changing the password, resetting a forgotten one, and closing the account with it")
class CredentialsController {

    private final ChangingPassword changing;
    private final ResettingPassword resetting;
    private final ClosingAccount closing;
    private final ClientAddresses clientAddresses;
    private final SessionCookies cookies;

    CredentialsController(
            ChangingPassword changing,
            ResettingPassword resetting,
            ClosingAccount closing,
            ClientAddresses clientAddresses,
            SessionCookies cookies) {
        this.changing = changing;
        this.resetting = resetting;
        this.closing = closing;
        this.clientAddresses = clientAddresses;
        this.cookies = cookies;
    }

    /**
     * Changes the password, the current one required. Every other session of the account ends; the
     * one the access token was issued to goes on.
     */
    @PostMapping("/api/users/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changePassword(@Valid @RequestBody PasswordChangeRequest request) {
        return Mono.zip(CurrentUser.id(), CallerSession.id())
                .flatMap(caller -> changing.change(
                        caller.getT1(), request.currentPassword(), request.newPassword(), caller.getT2()));
    }

    /**
     * Closes the caller's account, the password required: the account, its credentials and tokens
     * are deleted, every service is told to erase the person, and the browser's session cookies go.
     */
    @PostMapping("/api/users/me/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> close(@Valid @RequestBody CloseAccountRequest request, ServerWebExchange exchange) {
        return CurrentUser.id()
                .flatMap(me -> closing.closeOwn(me, request.password()))
                .then(Mono.fromRunnable(() -> cookies.clear(exchange.getRequest(), exchange.getResponse())));
    }

    /**
     * Asks for a reset link. The same answer, {@code {}}, whether or not the address has an account; too many
     * requests for one address or from one client are refused alike with 429.
     */
    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> requestReset(
            @Valid @RequestBody PasswordResetRequest request, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
        return resetting
                .request(EmailAddress.of(request.email()), clientAddresses.of(exchange.getRequest()))
                .thenReturn(Map.of());
    }

    /** Sets a new password with a reset link's token; every session of the account ends. */
    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmReset(@Valid @RequestBody PasswordResetConfirmation request) {
        return resetting.confirm(request.token(), request.newPassword());
    }
}
