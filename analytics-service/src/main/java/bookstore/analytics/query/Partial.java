package bookstore.analytics.query;

import java.util.List;

/**
 * One instance's share of an answer: the value it computed from its stores, and the partitions those stores hold.
 * Shares of all partitions, merged, are the answer.
 */
public record Partial<R>(List<Integer> partitions, R value) {}
