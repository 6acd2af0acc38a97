package bookstore.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PollingWorkerTests {

    static final Duration NEVER = Duration.ofHours(1);

    Worker worker;

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void runsARoundAtStartAndAnotherWhenWokenUp() {
        worker = new Worker(Schedule.every(NEVER), round -> false);

        worker.start();
        await().until(() -> worker.rounds() == 1);
        worker.wakeUp();

        await().until(() -> worker.rounds() == 2);
    }

    @Test
    void manyWakeUpsBeforeItLooksMakeOneRound() {
        worker = new Worker(Schedule.every(NEVER), round -> {
            if (round == 1) {
                // While the first round runs, work is announced three times.
                worker.wakeUp();
                worker.wakeUp();
                worker.wakeUp();
            }
            return false;
        });

        worker.start();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> worker.rounds() == 2);
    }

    @Test
    void pollsWhenNobodyWakesItUp() {
        worker = new Worker(Schedule.every(Duration.ofMillis(20)), round -> false);

        worker.start();

        await().until(() -> worker.rounds() >= 3);
    }

    @Test
    void goesOnAtOnceWhileWorkIsWaiting() {
        worker = new Worker(Schedule.every(NEVER), round -> round < 5);

        worker.start();

        await().until(() -> worker.rounds() == 5);
    }

    @Test
    void backOffDoublesAfterEachFailureUpToTheMaximumAndResetsAfterASuccess() {
        RecordedWaits waits = new RecordedWaits(6);
        worker = new Worker(
                Schedule.every(Duration.ofMillis(100)).backingOffUpTo(Duration.ofMillis(500)), waits, round -> {
                    if (round <= 5) {
                        throw new IllegalStateException("broker down");
                    }
                    return false;
                });

        worker.start();

        await().until(() -> waits.recorded().size() >= 6);
        assertThat(waits.recorded().subList(0, 6))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(500),
                        Duration.ofMillis(500),
                        Duration.ofMillis(100));
    }

    @Test
    void wakeUpCutsABackOffShort() {
        worker = new Worker(Schedule.every(NEVER), round -> {
            if (round == 1) {
                throw new IllegalStateException("database down");
            }
            return false;
        });

        worker.start();
        await().until(() -> worker.rounds() == 1);
        worker.wakeUp();

        await().until(() -> worker.rounds() == 2);
    }

    @Test
    void stopReturnsPromptlyWhileTheWorkerWaits() {
        worker = new Worker(Schedule.every(NEVER), round -> false);

        assertStopsPromptlyDuringTheFirstRoundOrAfterIt();
    }

    @Test
    void stopInterruptsARoundThatBlocks() {
        worker = new Worker(Schedule.every(NEVER), round -> {
            Mono.never().block();
            return false;
        });

        assertStopsPromptlyDuringTheFirstRoundOrAfterIt();
    }

    @Test
    void startsAgainAfterAStop() {
        worker = new Worker(Schedule.every(NEVER), round -> false);
        worker.start();
        await().until(() -> worker.rounds() == 1);
        worker.stop();

        worker.start();

        await().until(() -> worker.rounds() == 2);
        assertThat(worker.isRunning()).isTrue();
    }

    private void assertStopsPromptlyDuringTheFirstRoundOrAfterIt() {
        worker.start();
        await().until(() -> worker.rounds() == 1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(worker::stop);

        await().atMost(Duration.ofSeconds(2)).until(stopping::isDone);
        assertThat(worker.isRunning()).isFalse();
    }

    /** Counts its rounds and leaves each to the test: whether more is waiting, or a failure. */
    static final class Worker extends PollingWorker {

        private final AtomicInteger rounds = new AtomicInteger();
        private final IntPredicate round;

        Worker(Schedule schedule, IntPredicate round) {
            this(schedule, new WakeUpSignal(), round);
        }

        Worker(Schedule schedule, WakeUpSignal wakeUps, IntPredicate round) {
            super("polling-worker-test", schedule, wakeUps);
            this.round = round;
        }

        @Override
        protected boolean runOnce() {
            return round.test(rounds.incrementAndGet());
        }

        int rounds() {
            return rounds.get();
        }
    }

    /** Records how long the worker means to wait; the first few times it lets the worker go on at once. */
    static final class RecordedWaits extends WakeUpSignal {

        private final List<Duration> recorded = new CopyOnWriteArrayList<>();
        private final int skipped;

        RecordedWaits(int skipped) {
            this.skipped = skipped;
        }

        @Override
        boolean await(Duration timeout) throws InterruptedException {
            recorded.add(timeout);
            return recorded.size() > skipped && super.await(timeout);
        }

        /** A copy: the worker goes on waiting (and recording) while a test reads it. */
        List<Duration> recorded() {
            return List.copyOf(recorded);
        }
    }
}
