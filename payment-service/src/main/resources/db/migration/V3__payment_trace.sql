-- The W3C trace context of the saga command a payment serves (its charge, later a refund): what the
-- payment announces after a provider call or a webhook continues that trace. Null for payments
-- opened before this column, or by a command that came without one.
ALTER TABLE payment ADD COLUMN traceparent TEXT;
