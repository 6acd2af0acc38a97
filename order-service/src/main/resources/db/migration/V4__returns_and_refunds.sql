-- Returns (退货) and partial refunds live with their order: every step locks the order row, so a
-- return's checks (copies left to return, money left to refund) see every other return and refund.
ALTER TABLE customer_order ADD COLUMN returns JSONB NOT NULL DEFAULT '[]';
ALTER TABLE customer_order ADD COLUMN refunds JSONB NOT NULL DEFAULT '[]';
-- When the earliest open return's step times out; the after-sale scan finds returns by it.
ALTER TABLE customer_order ADD COLUMN after_sale_deadline TIMESTAMPTZ;
-- Whether a return is open or a refund pending: the admins' returns queue.
ALTER TABLE customer_order ADD COLUMN after_sale_open BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX customer_order_after_sale_due ON customer_order (after_sale_deadline)
    WHERE after_sale_deadline IS NOT NULL;
CREATE INDEX customer_order_after_sale_open ON customer_order (placed_at DESC) WHERE after_sale_open;
