package bookstore.inventory.reservation.messaging;

import bookstore.events.Topics;
import bookstore.events.order.InventoryCommand;
import bookstore.inventory.reservation.application.CarryingOutStockCommands;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's commands to inventory, a poll's worth at a time. Commands of one order share a
 * partition, so a batch holds them in the order the saga sent them; different partitions run in
 * parallel.
 */
@Configuration(proxyBeanMethods = false)
class OrderCommandsSubscription {

    @Bean
    EventSubscription<?> stockReservations(
            CarryingOutStockCommands commands, @Value("${bookstore.inventory.command-consumers:3}") int consumers) {
        EventSubscription.BatchHandler<InventoryCommand> carryOut =
                batch -> commands.carryOut(batch).then();
        return EventSubscription.onBatch(Topics.INVENTORY_COMMANDS, "stock-reservations", carryOut)
                .withConcurrency(consumers);
    }
}
