package bookstore.order.ordering.web;

import bookstore.order.ordering.application.OrderingProperties;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.ReturnPolicy;
import org.springframework.stereotype.Component;

/** Turns orders into their wire form under the shop's return rules (which say until when a return may be asked). */
@Component
class OrderResources {

    private final ReturnPolicy policy;

    OrderResources(OrderingProperties properties) {
        this.policy = properties.returnPolicy();
    }

    OrderResource of(Order order) {
        return OrderResource.of(order, policy);
    }
}
