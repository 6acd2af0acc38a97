-- The built-in sandbox provider's own books (it stands in for Stripe, whose books are its own):
-- charges by idempotency key and refunds, kept in the database so the sandbox survives restarts
-- and tests can hold this service's payments against what the "provider" captured.
CREATE TABLE sandbox_payment_intent (
    id               TEXT        PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    currency         CHAR(3)     NOT NULL,
    payment_method   TEXT        NOT NULL,
    status           TEXT        NOT NULL
        CHECK (status IN ('processing', 'succeeded', 'requires_payment_method', 'canceled')),
    decline_reason   TEXT,
    payment_id       TEXT        NOT NULL,
    order_id         TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_payment_intent_order ON sandbox_payment_intent (order_id);

CREATE TABLE sandbox_refund (
    id               TEXT        PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    payment_intent   TEXT        NOT NULL REFERENCES sandbox_payment_intent (id),
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_refund_payment_intent ON sandbox_refund (payment_intent);
