package bookstore.payment.reconciliation.application;

import java.util.Locale;

/** Who started a run: the daily schedule (once per day across replicas) or an admin (any time). */
public enum Trigger {
    SCHEDULED,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trigger ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
