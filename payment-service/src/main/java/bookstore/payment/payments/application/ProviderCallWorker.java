package bookstore.payment.payments.application;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CallingProvider} in the background: as soon as calls are handed over, and otherwise
 * every poll interval, which also picks up retries, confirmation checks and calls a crash or another
 * replica left behind. A round that fails (the database out of reach, say) is tried again at the
 * next poll; a failed provider call has a back-off of its own, kept with its payment.
 */
@Component
class ProviderCallWorker extends PollingWorker {

    private final CallingProvider calls;

    ProviderCallWorker(CallingProvider calls, HandedOverCalls handedOver, PaymentProperties properties) {
        super("payment-provider-calls", Schedule.every(properties.provider().pollInterval()), handedOver.wakeUps());
        this.calls = calls;
    }

    /** Makes one round of calls; tells whether more are waiting already. */
    @Override
    protected boolean runOnce() {
        calls.callDue().block();
        return calls.hasMoreWaiting();
    }
}
