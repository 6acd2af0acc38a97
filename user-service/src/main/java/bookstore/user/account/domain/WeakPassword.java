package bookstore.user.account.domain;

import java.util.List;

/** A password the policy refuses, with every reason, so the person can fix it in one go. */
public final class WeakPassword extends RuntimeException {

    private final List<String> violations;

    public WeakPassword(List<String> violations) {
        super("The password " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
