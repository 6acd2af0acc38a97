package bookstore.notification.mail.domain;

/** What a mail is about, and so who it goes to and how it is written. */
public enum MailKind {
    WELCOME_VERIFICATION(Audience.ADDRESS_IN_MESSAGE),
    EMAIL_VERIFICATION(Audience.ADDRESS_IN_MESSAGE),
    PASSWORD_RESET(Audience.ADDRESS_IN_MESSAGE),
    PASSWORD_CHANGED(Audience.ADDRESS_IN_MESSAGE),
    ORDER_CONFIRMED(Audience.CUSTOMER),
    ORDER_REJECTED(Audience.CUSTOMER),
    PAYMENT_FAILED(Audience.CUSTOMER),
    ORDER_CANCELLED(Audience.CUSTOMER),
    ORDER_SHIPPED(Audience.CUSTOMER),
    ORDER_DELIVERED(Audience.CUSTOMER),
    ORDER_REFUNDED(Audience.CUSTOMER),
    RETURN_REQUESTED(Audience.CUSTOMER),
    RETURN_APPROVED(Audience.CUSTOMER),
    RETURN_REJECTED(Audience.CUSTOMER),
    RETURN_COMPLETED(Audience.CUSTOMER),
    LOW_STOCK(Audience.STAFF);

    /** Who a kind of mail goes to. */
    public enum Audience {
        /** The address the request carried (mail about the account, possibly to an address not yet verified). */
        ADDRESS_IN_MESSAGE,
        /** The customer an order event names by pseudonym, found in the directory when the mail is sent. */
        CUSTOMER,
        /** The staff's address setting. */
        STAFF
    }

    private final Audience audience;

    MailKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
