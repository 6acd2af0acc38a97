package bookstore.user.auth.web;

/** A cookie-session request that the shop's own pages did not send, or cannot be shown to have sent. */
final class CrossSiteRequestRefused extends RuntimeException {

    CrossSiteRequestRefused() {
        super("Cross-site request refused");
    }
}
