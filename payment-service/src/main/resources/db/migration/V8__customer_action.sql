-- Payments the customer completes with the provider (Alipay, WeChat Pay, a card's 3-D Secure):
-- until when the order waits, what the customer was last told to do, and a fresh action asked for.
ALTER TABLE payment
    ADD COLUMN pay_by            TIMESTAMPTZ,
    ADD COLUMN action_kind       TEXT,
    ADD COLUMN action_value      TEXT,
    ADD COLUMN action_expires_at TIMESTAMPTZ,
    ADD COLUMN action_renewal    BOOLEAN NOT NULL DEFAULT FALSE;
