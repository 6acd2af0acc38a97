package bookstore.user.account.web;

import bookstore.platform.security.CurrentUser;
import bookstore.user.account.application.ManagingProfile;
import bookstore.user.account.application.RegisterCustomer;
import bookstore.user.account.application.RegisteringCustomer;
import bookstore.user.account.domain.EmailAddress;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Signing up, and each customer's own profile: "me" is whoever the access token names. */
@RestController
class UserController {

    private final RegisteringCustomer registering;
    private final ManagingProfile profiles;

    UserController(RegisteringCustomer registering, ManagingProfile profiles) {
        this.registering = registering;
        this.profiles = profiles;
    }

    @PostMapping("/api/users")
    Mono<ResponseEntity<ProfileView>> register(@Valid @RequestBody RegistrationRequest request) {
        return registering
                .register(new RegisterCustomer(
                        EmailAddress.of(request.email()), request.password(), request.displayName()))
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
}
