package bookstore.order.ordering.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks for overdue orders at a fixed interval, on every replica: pending orders whose answer is
 * overdue are cancelled, delivered orders whose receipt window has passed are received. The scan
 * skips orders another replica has locked, so replicas share the work instead of doing it twice.
 */
@Component
class OverdueOrderScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueOrderScanner.class);

    private final TimingOutOrders timeouts;
    private final ReceivingOrders receipts;
    private final OrderingProperties properties;
    private volatile Disposable scanning;

    OverdueOrderScanner(TimingOutOrders timeouts, ReceivingOrders receipts, OrderingProperties properties) {
        this.timeouts = timeouts;
        this.receipts = receipts;
        this.properties = properties;
    }

    @Override
    public void start() {
        scanning = Flux.interval(properties.timeoutScanInterval())
                .onBackpressureDrop()
                .concatMap(tick -> scan().then(receive()), 1)
                .subscribe();
    }

    /** Cancels batch after batch until a batch comes back short: a backlog is worked off at once. */
    private Mono<Integer> scan() {
        return timeouts.cancelOverdue()
                .expand(cancelled ->
                        cancelled == properties.timeoutBatchSize() ? timeouts.cancelOverdue() : Mono.empty())
                .reduce(0, Integer::sum)
                .doOnNext(cancelled -> {
                    if (cancelled > 0) {
                        log.info("Cancelled {} overdue orders", cancelled);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not cancel overdue orders; trying again at the next scan", e);
                    return Mono.just(0);
                });
    }

    /** Receives batch after batch of orders left delivered past their receipt window. */
    private Mono<Integer> receive() {
        return receipts.receiveOverdue()
                .expand(received ->
                        received == properties.timeoutBatchSize() ? receipts.receiveOverdue() : Mono.empty())
                .reduce(0, Integer::sum)
                .doOnNext(received -> {
                    if (received > 0) {
                        log.info("Received {} orders whose receipt window had passed", received);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not receive delivered orders; trying again at the next scan", e);
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
