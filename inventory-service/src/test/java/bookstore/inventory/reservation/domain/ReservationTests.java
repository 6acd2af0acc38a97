package bookstore.inventory.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.MovementKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationTests {

    private static final String ORDER = "order-1";

    private final ReservationRequest request =
            new ReservationRequest(ORDER, List.of(new ReservationLine("b", 2), new ReservationLine("a", 1)));

    @Test
    void linesOfTheSameBookAreMergedAndKeptInLockingOrder() {
        ReservationRequest merged = new ReservationRequest(
                ORDER, List.of(new ReservationLine("c", 1), new ReservationLine("a", 2), new ReservationLine("c", 3)));

        assertThat(merged.lines()).containsExactly(new ReservationLine("a", 2), new ReservationLine("c", 4));
        assertThat(merged.holds())
                .extracting(Movement::bookId, Movement::reservedChange)
                .containsExactly(tuple("a", 2), tuple("c", 4));
    }

    @Test
    void anOrderReservesAtLeastOneLine() {
        assertThatThrownBy(() -> new ReservationRequest(ORDER, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void committingAHeldReservationSellsItsCopies() {
        Transition commit = request.granted().commit();

        assertThat(commit.next().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(commit.changesState()).isTrue();
        assertThat(commit.movements())
                .extracting(Movement::kind, Movement::onHandChange, Movement::reservedChange)
                .containsExactly(tuple(MovementKind.SALE, -1, -1), tuple(MovementKind.SALE, -2, -2));
    }

    @Test
    void aRepeatedCommitChangesNothing() {
        Reservation committed = request.granted().commit().next();

        Transition again = committed.commit();

        assertThat(again.changesState()).isFalse();
        assertThat(again.movements()).isEmpty();
    }

    @Test
    void onlyAHeldReservationCanBeCommitted() {
        Reservation released = request.granted().release("timeout").next();

        assertThatThrownBy(released::commit)
                .isInstanceOf(IllegalReservationStateException.class)
                .hasMessageContaining("RELEASED");
        assertThatThrownBy(() -> request.refused(List.of("a")).commit())
                .isInstanceOf(IllegalReservationStateException.class);
        assertThatThrownBy(() -> Reservation.cancelledBeforeReserving(ORDER).commit())
                .isInstanceOf(IllegalReservationStateException.class);
    }

    @Test
    void releasingAHeldReservationGivesTheCopiesBack() {
        Transition release = request.granted().release("payment declined");

        assertThat(release.next().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(release.movements())
                .allSatisfy(m -> assertThat(m.kind()).isEqualTo(MovementKind.RELEASE))
                .extracting(Movement::reservedChange)
                .containsExactly(-1, -2);
        assertThat(release.movements()).extracting(Movement::note).containsOnly("payment declined");
    }

    @Test
    void releasingASoldReservationRestocksIt() {
        Transition release = request.granted().commit().next().release("returned");

        assertThat(release.next().status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(release.movements())
                .extracting(Movement::kind, Movement::onHandChange, Movement::reservedChange)
                .containsExactly(tuple(MovementKind.RETURN, 1, 0), tuple(MovementKind.RETURN, 2, 0));
    }

    @Test
    void releasingWhatHoldsNothingChangesNothing() {
        for (Reservation holdsNothing : List.of(
                request.refused(List.of("a")),
                request.granted().release("timeout").next(),
                request.granted().commit().next().release("returned").next(),
                Reservation.cancelledBeforeReserving(ORDER))) {
            Transition release = holdsNothing.release("again");

            assertThat(release.changesState()).isFalse();
            assertThat(release.movements()).isEmpty();
        }
    }

    @Test
    void aRepeatedReserveGetsTheFirstAnswerOrOrderCancelledOnceReleased() {
        assertThat(request.granted().answerToReserve()).isEmpty();
        assertThat(request.granted().commit().next().answerToReserve()).isEmpty();
        assertThat(request.refused(List.of("b")).answerToReserve()).contains(Refusal.INSUFFICIENT_STOCK);
        assertThat(request.granted().release("timeout").next().answerToReserve())
                .contains(Refusal.ORDER_CANCELLED);
        assertThat(Reservation.cancelledBeforeReserving(ORDER).answerToReserve())
                .contains(Refusal.ORDER_CANCELLED);
    }

    @Test
    void aRefusalNamesTheShortBooks() {
        Reservation refused = request.refused(List.of("b"));

        assertThat(refused.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(refused.shortBookIds()).containsExactly("b");
        assertThatThrownBy(() -> request.refused(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
