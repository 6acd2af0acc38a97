-- The saga's request (its ChargePayment's event id) that opened a payment: that request delivered
-- again is recognised by the payment itself and changes nothing, without an inbox of event ids.
-- Null for payments opened before this column.
ALTER TABLE payment ADD COLUMN request_id UUID;
