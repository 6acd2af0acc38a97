-- Admins list everybody's orders newest first, often within a range of placing times: this index
-- serves that order and range directly (id breaks ties, as the listing does). A customer's orders
-- and one status's keep their own indexes from V1.
CREATE INDEX customer_order_by_placed_at ON customer_order (placed_at DESC, id);
