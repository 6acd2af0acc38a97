-- Orders whose payment the customer completes with the provider (Alipay, WeChat Pay, a card's
-- 3-D Secure) wait in AWAITING_PAYMENT with what the customer has to do (a QR code, a link).
ALTER TABLE customer_order ADD COLUMN payment_action JSONB;

-- The timeout scan reads the orders still in the saga by deadline, awaiting payment included.
DROP INDEX customer_order_overdue;
CREATE INDEX customer_order_overdue ON customer_order (deadline) WHERE status IN ('PENDING', 'AWAITING_PAYMENT');
