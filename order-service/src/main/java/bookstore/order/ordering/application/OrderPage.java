package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import java.util.List;

/** One page of orders, newest first, and how many there are in all. */
public record OrderPage(List<Order> items, int page, int size, long total) {}
