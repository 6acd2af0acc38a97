-- The saga's request (its RefundPayment's event id) that asked for a payment's refund: that request
-- delivered again is recognised by the payment and is not answered twice. Null before a refund was
-- asked for, and for refunds asked for before this column.
ALTER TABLE payment ADD COLUMN refund_request_id UUID;
