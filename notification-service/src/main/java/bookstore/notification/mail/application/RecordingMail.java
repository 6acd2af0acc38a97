package bookstore.notification.mail.application;

import bookstore.events.Money;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockEvent;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderEvent;
import bookstore.events.order.OrderInTransit;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderReceived;
import bookstore.events.order.OrderRefunded;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.OrderShipped;
import bookstore.events.order.ReturnApproved;
import bookstore.events.order.ReturnCancelled;
import bookstore.events.order.ReturnCompleted;
import bookstore.events.order.ReturnReceived;
import bookstore.events.order.ReturnRejected;
import bookstore.events.order.ReturnRequested;
import bookstore.events.order.ReturnSentBack;
import bookstore.events.user.AccountMailEvent;
import bookstore.events.user.EmailVerificationRequested;
import bookstore.events.user.PasswordChanged;
import bookstore.events.user.PasswordResetRequested;
import bookstore.notification.directory.application.Directory;
import bookstore.notification.directory.application.KeepingTheDirectory;
import bookstore.notification.directory.application.OrderSummary;
import bookstore.notification.mail.domain.EndReason;
import bookstore.notification.mail.domain.MailKind;
import bookstore.notification.mail.domain.MailStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns the events that call for a mail into recorded mails, once per event and kind, in the transaction that marks
 * the event handled. Sending is the sender loop's job, later and outside any transaction.
 */
@Service
public class RecordingMail {

    private final Mails mails;
    private final Directory directory;
    private final KeepingTheDirectory keeping;
    private final NotificationProperties settings;

    RecordingMail(Mails mails, Directory directory, KeepingTheDirectory keeping, NotificationProperties settings) {
        this.mails = mails;
        this.directory = directory;
        this.keeping = keeping;
        this.settings = settings;
    }

    /** Mail about the account goes to the address in the request, in the language it names. */
    public Mono<Void> on(AccountMailEvent event) {
        Map<String, String> facts = new LinkedHashMap<>();
        MailKind kind =
                switch (event) {
                    case EmailVerificationRequested verification -> {
                        facts.put(Facts.TOKEN, verification.token());
                        facts.put(Facts.EXPIRES_AT, verification.expiresAt().toString());
                        yield verification.welcome() ? MailKind.WELCOME_VERIFICATION : MailKind.EMAIL_VERIFICATION;
                    }
                    case PasswordResetRequested reset -> {
                        facts.put(Facts.TOKEN, reset.token());
                        facts.put(Facts.EXPIRES_AT, reset.expiresAt().toString());
                        yield MailKind.PASSWORD_RESET;
                    }
                    case PasswordChanged changed -> {
                        facts.put(Facts.BY_RESET, String.valueOf(changed.byReset()));
                        yield MailKind.PASSWORD_CHANGED;
                    }
                };
        Recipient to = new Recipient(event.email(), event.displayName(), event.language());
        return record(new NewMail(
                event.eventId(), kind, event.occurredAt(), event.userId(), null, to, null, facts, MailStatus.PENDING));
    }

    /**
     * Order mail goes to the customer the order was placed by; the order's lines and customer are remembered from
     * its OrderPlaced, which comes first on the order's partition.
     */
    public Mono<Void> on(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> keeping.on(placed);
            case OrderConfirmed confirmed ->
                toCustomer(confirmed, MailKind.ORDER_CONFIRMED, money(confirmed.total(), Facts.AMOUNT));
            case OrderRejected rejected ->
                toCustomer(rejected, MailKind.ORDER_REJECTED, Map.of(Facts.REASON, EndReason.STOCK.name()));
            case OrderCancelled cancelled -> {
                EndReason why = EndReason.ofCancellation(cancelled.reason());
                MailKind kind = why.isPaymentFailure() ? MailKind.PAYMENT_FAILED : MailKind.ORDER_CANCELLED;
                yield toCustomer(cancelled, kind, Map.of(Facts.REASON, why.name()));
            }
            case OrderShipped shipped ->
                toCustomer(
                        shipped,
                        MailKind.ORDER_SHIPPED,
                        Map.of(Facts.CARRIER, shipped.carrier(), Facts.TRACKING_NUMBER, shipped.trackingNumber()));
            case OrderDelivered delivered -> toCustomer(delivered, MailKind.ORDER_DELIVERED, Map.of());
            // A return's refund is told by its ReturnCompleted; this one is a refund without a return.
            case OrderRefunded refunded
            when refunded.returnId() == null ->
                toCustomer(refunded, MailKind.ORDER_REFUNDED, money(refunded.amount(), Facts.AMOUNT));
            case OrderRefunded ofAReturn -> Mono.empty();
            case ReturnRequested requested ->
                toCustomer(requested, MailKind.RETURN_REQUESTED, Map.of(Facts.RETURN_ID, requested.returnId()));
            case ReturnApproved approved ->
                toCustomer(approved, MailKind.RETURN_APPROVED, Map.of(Facts.RETURN_ID, approved.returnId()));
            case ReturnRejected rejected ->
                toCustomer(
                        rejected,
                        MailKind.RETURN_REJECTED,
                        Map.of(Facts.RETURN_ID, rejected.returnId(), Facts.REASON, text(rejected.reason())));
            case ReturnCompleted completed -> {
                Map<String, String> facts = new LinkedHashMap<>(money(completed.refunded(), Facts.AMOUNT));
                facts.put(Facts.RETURN_ID, completed.returnId());
                yield toCustomer(completed, MailKind.RETURN_COMPLETED, facts);
            }
            // Steps the customer took themselves or that change nothing they need to hear of by mail.
            case OrderInTransit ignored -> Mono.empty();
            case OrderReceived ignored -> Mono.empty();
            case ReturnSentBack ignored -> Mono.empty();
            case ReturnReceived ignored -> Mono.empty();
            case ReturnCancelled ignored -> Mono.empty();
        };
    }

    /** A book running low is one alert to the staff, or a skipped one if no staff address is set. */
    public Mono<Void> on(StockEvent event) {
        return switch (event) {
            case LowStockDetected low -> {
                Map<String, String> facts = Map.of(
                        Facts.BOOK_ID, low.bookId(),
                        Facts.AVAILABLE, String.valueOf(low.available()),
                        Facts.THRESHOLD, String.valueOf(low.threshold()));
                String staff = settings.staffAddress();
                boolean nobody = staff == null || staff.isBlank();
                yield record(new NewMail(
                        low.eventId(),
                        MailKind.LOW_STOCK,
                        low.occurredAt(),
                        null,
                        null,
                        nobody ? null : new Recipient(staff.strip(), null, settings.staffLanguage()),
                        null,
                        facts,
                        nobody ? MailStatus.SKIPPED : MailStatus.PENDING));
            }
            case StockLevelChanged ignored -> Mono.empty();
        };
    }

    private Mono<Void> toCustomer(OrderEvent event, MailKind kind, Map<String, String> facts) {
        String orderId = event.orderId();
        return directory
                .order(orderId)
                .map(OrderSummary::customer)
                // An order whose OrderPlaced this service never saw names nobody: recorded, it ends NO_RECIPIENT.
                .defaultIfEmpty("")
                .flatMap(customer -> record(new NewMail(
                        event.eventId(),
                        kind,
                        event.occurredAt(),
                        null,
                        customer.isEmpty() ? null : customer,
                        null,
                        orderId,
                        facts,
                        MailStatus.PENDING)));
    }

    private Mono<Void> record(NewMail mail) {
        return mails.record(mail).then();
    }

    private static Map<String, String> money(Money money, String key) {
        return Map.of(key, String.valueOf(money.amount()), Facts.CURRENCY, money.currency());
    }

    private static String text(String reason) {
        return reason == null ? "" : reason;
    }
}
