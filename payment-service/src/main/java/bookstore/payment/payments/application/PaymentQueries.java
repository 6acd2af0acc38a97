package bookstore.payment.payments.application;

import bookstore.payment.payments.application.Payments.PaymentCriteria;
import bookstore.payment.payments.domain.Payment;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Payments as their owners and admins may see them. */
@Service
public class PaymentQueries {

    private final Payments payments;

    PaymentQueries(Payments payments) {
        this.payments = payments;
    }

    /** The payment, if it exists and the viewer may see it; to anyone else it does not exist. */
    public Mono<Payment> find(UUID paymentId, Viewer viewer) {
        return payments.findById(paymentId).filter(viewer::maySee);
    }

    /** A page of the payments the viewer may see, newest first, optionally of one order. */
    public Mono<PaymentPage> list(String orderId, int page, int size, Viewer viewer) {
        var criteria = new PaymentCriteria(viewer.admin() ? null : viewer.userId(), orderId);
        return Mono.zip(payments.find(criteria, page, size), payments.count(criteria))
                .map(found -> new PaymentPage(found.getT1(), page, size, found.getT2()));
    }

    /** Who is asking: a customer sees their own payments, an admin all of them. */
    public record Viewer(String userId, boolean admin) {

        boolean maySee(Payment payment) {
            return admin || (userId != null && userId.equals(payment.customerId()));
        }
    }

    public record PaymentPage(List<Payment> items, int page, int size, long total) {}
}
