import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load: POST /api/orders on a fixed schedule that does not wait for answers (a slow
 * shop gets more requests in flight, up to MAX_IN_FLIGHT, not fewer requests): a linear ramp from 0
 * to RATE per second over WARMUP seconds, then RATE per second for the DURATION seconds measured.
 * Each order has one or two of the stocked books. Keeps, per order, when it was due, when it was
 * answered, how, and its id.
 */
final class OrderGenerator {

    static final int NOT_SENT = -1;
    static final int IO_ERROR = -2;

    final ShopApi shop;
    final List<String> customers;
    final List<String> books;
    final double rate;
    final int warmup;
    final int duration;
    final int maxInFlight;
    /** The warm-up ramps the rate linearly from 0 to RATE: a cold shop is not hit at full rate at once. */
    final int rampOrders;
    final int total;
    final long[] scheduled;
    final AtomicLongArray answeredAt;
    final AtomicReferenceArray<String> orderIds;
    /** 0 unanswered, NOT_SENT (in-flight cap), IO_ERROR, else the HTTP status. */
    final AtomicIntegerArray status;
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    int maxInFlightSeen;
    long maxSendLagNanos;
    /** When the first order is due (System.nanoTime). */
    long start;

    OrderGenerator(ShopApi shop, List<String> customers, List<String> books, Settings settings) {
        this.shop = shop;
        this.customers = customers;
        this.books = books;
        this.rate = settings.rate();
        this.warmup = settings.warmup();
        this.duration = settings.duration();
        this.maxInFlight = settings.maxInFlight();
        this.rampOrders = (int) Math.round(rate * warmup / 2.0);
        this.total = rampOrders + (int) Math.round(rate * duration);
        this.scheduled = new long[total];
        this.answeredAt = new AtomicLongArray(total);
        this.orderIds = new AtomicReferenceArray<>(total);
        this.status = new AtomicIntegerArray(total);
    }

    /** Fixes when the first order is due, shortly from now; offer() then keeps to that schedule. */
    void schedule() {
        start = System.nanoTime() + 100_000_000L;
    }

    long windowStart() {
        return start + TimeUnit.SECONDS.toNanos(warmup);
    }

    long windowEnd() {
        return windowStart() + TimeUnit.SECONDS.toNanos(duration);
    }

    /** Sends every order at its time (after schedule()); returns after the last one was sent (not answered). */
    void offer() {
        Settings.log("load: %.0f orders/s for %d s measured after a %d s ramp from 0 (%d orders), %d customers, %d books",
                rate, duration, warmup, total, customers.size(), books.size());
        for (int i = 0; i < total; i++) {
            long at = start + sinceStart(i);
            scheduled[i] = at;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxSendLagNanos = Math.max(maxSendLagNanos, System.nanoTime() - at);
            if (inFlight.get() >= maxInFlight) {
                status.set(i, NOT_SENT);
                error("not sent: " + maxInFlight + " requests in flight");
                continue;
            }
            maxInFlightSeen = Math.max(maxInFlightSeen, inFlight.incrementAndGet());
            int n = i;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<String> lines = random.nextInt(3) == 0
                    ? distinctTwo(random)
                    : List.of(books.get(random.nextInt(books.size())));
            shop.sendAsync(shop.order(customers.get(i % customers.size()), lines))
                    .whenComplete((response, failure) -> {
                        answeredAt.set(n, System.nanoTime());
                        try {
                            if (failure != null) {
                                status.set(n, IO_ERROR);
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                error(cause.getClass().getSimpleName());
                            } else if (response.statusCode() == 202) {
                                orderIds.set(n, ShopApi.orderId(response.body()));
                                status.set(n, 202);
                            } else {
                                status.set(n, response.statusCode());
                                error("HTTP " + response.statusCode() + " " + ShopApi.problemType(response.body()));
                            }
                        } catch (IOException | RuntimeException e) {
                            status.set(n, IO_ERROR);
                            error("unreadable answer: " + e.getClass().getSimpleName());
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
        }
    }

    /** When the i-th order is due: the count sent by time t is RATE·t²/(2·WARMUP) during the ramp. */
    long sinceStart(int i) {
        double seconds = i < rampOrders
                ? Math.sqrt(2.0 * warmup * i / rate)
                : warmup + (i - rampOrders) / rate;
        return (long) (seconds * 1e9);
    }

    /** Accepted orders of this load with no terminal event yet. */
    long notTerminal(SagaWatcher watcher) {
        long count = 0;
        for (int i = 0; i < total; i++) {
            String id = orderIds.get(i);
            if (id != null && !watcher.terminals.containsKey(id)) {
                count++;
            }
        }
        return count;
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private List<String> distinctTwo(ThreadLocalRandom random) {
        int a = random.nextInt(books.size());
        int b = (a + 1 + random.nextInt(books.size() - 1)) % books.size();
        return List.of(books.get(a), books.get(b));
    }
}
