package bookstore.user.account.web;

import bookstore.platform.security.CurrentUser;
import bookstore.user.account.application.ManagingProfile;
import bookstore.user.account.application.RegisterCustomer;
import bookstore.user.account.application.RegisteringCustomer;
import bookstore.user.account.application.VerifyingEmail;
import bookstore.user.account.domain.EmailAddress;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Signing up, each customer's own profile ("me" is whoever the access token names) and verifying
 * addresses, which needs no login: the link's token is the proof.
 */
@RestController
@Tag(name = "accounts", description = "Registering, the profile and verifying the e-mail address")
class UserController {

    private final RegisteringCustomer registering;
    private final ManagingProfile profiles;
    private final VerifyingEmail verifying;

    UserController(RegisteringCustomer registering, ManagingProfile profiles, VerifyingEmail verifying) {
        this.registering = registering;
        this.profiles = profiles;
        this.verifying = verifying;
    }

    /** Also mails a welcome with the link that verifies the address. */
    @PostMapping("/api/users")
    Mono<ResponseEntity<ProfileView>> register(@Valid @RequestBody RegistrationRequest request) {
        return registering
                .register(new RegisterCustomer(
                        EmailAddress.of(request.email()),
                        request.password(),
                        request.displayName(),
                        LanguageTag.of(request.language())))
                .map(account ->
                        ResponseEntity.created(URI.create("/api/users/me")).body(ProfileView.of(account)));
    }

    @GetMapping("/api/users/me")
    Mono<ProfileView> me() {
        return CurrentUser.id().flatMap(profiles::profileOf).map(ProfileView::of);
    }

    @PatchMapping("/api/users/me")
    Mono<ProfileView> changeMe(@Valid @RequestBody ProfilePatch patch) {
        return CurrentUser.id()
                .flatMap(me -> profiles.change(me, patch.toChange()))
                .map(ProfileView::of);
    }

    /**
     * Asks to move the account to another address: a link goes to the new one, which shows as
     * {@code pendingEmail} until it is opened; the account keeps its address until then.
     */
    @PostMapping("/api/users/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProfileView> changeEmail(@Valid @RequestBody EmailChangeRequest request) {
        return CurrentUser.id()
                .flatMap(me ->
                        verifying.requestChange(me, EmailAddress.of(request.newEmail()), request.currentPassword()))
                .map(ProfileView::of);
    }

    /** Mails the verification link again, to the pending address if any, else to the unverified own one. */
    @PostMapping("/api/users/me/email-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> resendVerification() {
        return CurrentUser.id().flatMap(verifying::resend);
    }

    /** Opens a verification link; anyone holding the link may, no login needed. */
    @PostMapping("/api/users/email-verification")
    Mono<VerifiedEmail> verify(@Valid @RequestBody VerificationRequest request) {
        return verifying.verify(request.token()).map(email -> new VerifiedEmail(email.value()));
    }
}
