package bookstore.notification.mail.application;

/** The names of the facts a recorded mail keeps for its text. */
final class Facts {

    static final String TOKEN = "token";
    static final String EXPIRES_AT = "expiresAt";
    static final String BY_RESET = "byReset";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String REASON = "reason";
    static final String CARRIER = "carrier";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String RETURN_ID = "returnId";
    static final String BOOK_ID = "bookId";
    static final String AVAILABLE = "available";
    static final String THRESHOLD = "threshold";

    private Facts() {}
}
