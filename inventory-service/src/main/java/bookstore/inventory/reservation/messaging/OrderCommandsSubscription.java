package bookstore.inventory.reservation.messaging;

import bookstore.events.Topics;
import bookstore.events.order.CommitStock;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.inventory.reservation.application.CommittingStock;
import bookstore.inventory.reservation.application.ReleasingStock;
import bookstore.inventory.reservation.application.ReservingStock;
import bookstore.inventory.reservation.domain.ReservationLine;
import bookstore.inventory.reservation.domain.ReservationRequest;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's commands to inventory. Commands of one order share a partition, so they are
 * handled one after another in the order the saga sent them; different orders run in parallel.
 */
@Configuration(proxyBeanMethods = false)
class OrderCommandsSubscription {

    @Bean
    EventSubscription<?> stockReservations(
            ReservingStock reserving,
            ReleasingStock releasing,
            CommittingStock committing,
            @Value("${bookstore.inventory.command-consumers:3}") int consumers) {
        return EventSubscription.on(Topics.INVENTORY_COMMANDS, "stock-reservations", command -> switch (command) {
                    case ReserveStock reserve ->
                        reserving.reserve(request(reserve)).then();
                    case ReleaseStock release ->
                        releasing.release(release.orderId(), release.reason()).then();
                    case CommitStock commit ->
                        committing.commit(commit.orderId()).then();
                })
                .withConcurrency(consumers);
    }

    private static ReservationRequest request(ReserveStock command) {
        return new ReservationRequest(
                command.orderId(),
                command.lines().stream()
                        .map(line -> new ReservationLine(line.bookId(), line.quantity()))
                        .toList());
    }
}
