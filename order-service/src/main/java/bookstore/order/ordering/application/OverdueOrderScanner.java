package bookstore.order.ordering.application;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks for overdue orders at a fixed interval, on every replica: pending orders whose answer is
 * overdue are cancelled, delivered orders whose receipt window has passed are received, and returns
 * whose step has timed out move on. The scan
 * skips orders another replica has locked, so replicas share the work instead of doing it twice.
 */
@Component
class OverdueOrderScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueOrderScanner.class);

    private final TimingOutOrders timeouts;
    private final ReceivingOrders receipts;
    private final ReturningOrders returns;
    private final OrderingProperties properties;
    private volatile Disposable scanning;

    OverdueOrderScanner(
            TimingOutOrders timeouts,
            ReceivingOrders receipts,
            ReturningOrders returns,
            OrderingProperties properties) {
        this.timeouts = timeouts;
        this.receipts = receipts;
        this.returns = returns;
        this.properties = properties;
    }

    @Override
    public void start() {
        scanning = Flux.interval(properties.timeoutScanInterval())
                .onBackpressureDrop()
                .concatMap(tick -> scan().then(receive()).then(moveReturnsOn()), 1)
                .subscribe();
    }

    /** Cancels batch after batch until a batch comes back short: a backlog is worked off at once. */
    private Mono<Integer> scan() {
        return inBatches(timeouts::cancelOverdue, "Cancelled {} overdue orders", "cancel overdue orders");
    }

    /** Receives batch after batch of orders left delivered past their receipt window. */
    private Mono<Integer> receive() {
        return inBatches(
                receipts::receiveOverdue,
                "Received {} orders whose receipt window had passed",
                "receive delivered orders");
    }

    /** Moves on batch after batch of returns whose step has timed out. */
    private Mono<Integer> moveReturnsOn() {
        return inBatches(
                returns::timeOutOverdue,
                "Moved on {} orders whose returns had waited past their time",
                "move overdue returns on");
    }

    private Mono<Integer> inBatches(Supplier<Mono<Integer>> batch, String done, String what) {
        return batch.get()
                .expand(handled -> handled == properties.timeoutBatchSize() ? batch.get() : Mono.empty())
                .reduce(0, Integer::sum)
                .doOnNext(handled -> {
                    if (handled > 0) {
                        log.info(done, handled);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not {}; trying again at the next scan", what, e);
                    return Mono.just(0);
                });
    }

    @Override
    public void stop() {
        Disposable running = scanning;
        if (running != null) {
            running.dispose();
        }
        scanning = null;
    }

    @Override
    public boolean isRunning() {
        return scanning != null;
    }
}
