package bookstore.catalog.review.web;

/**
 * The caller's standing with a book: whether they may review it (an order of theirs containing it was delivered) and
 * the review they wrote, or null. What a book page needs to offer "write a review", "edit yours" or neither.
 */
record StandingResource(boolean verifiedBuyer, ReviewResource review) {}
