-- The partial refunds of a payment (RefundAmount: a return's lines, or an admin's refund without a
-- return), each its own provider call under its own idempotency key. The payment row keeps the total
-- given back (refunded_amount) and, while one is PENDING, when its call is due; payments are read with
-- their refunds in the same statement, and refunds are written only when a payment has any, so the
-- charges' statements stay as they were.
CREATE TABLE payment_refund (
    id               UUID        PRIMARY KEY,
    payment_id       UUID        NOT NULL REFERENCES payment (id),
    -- The saga's id of the refund (the return's id, or a fresh one for an admin's refund).
    refund_id        TEXT        NOT NULL,
    -- The saga's request (the RefundAmount's event id) that asked for it; delivered again, not answered twice.
    request_id       UUID,
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    currency         CHAR(3)     NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'REFUSED')),
    -- The provider's refusal code, when REFUSED.
    failure_reason   TEXT,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    requested_at     TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (payment_id, refund_id)
);
