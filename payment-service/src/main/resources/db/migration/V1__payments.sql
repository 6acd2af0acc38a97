-- One payment per order. The provider is called outside any transaction; what the payment still
-- needs from it (a charge, a status check, a cancel or a refund) is due at next_provider_call_at.
CREATE TABLE payment (
    id                     UUID        PRIMARY KEY,
    order_id               TEXT        NOT NULL UNIQUE,
    customer_id            TEXT,
    amount                 BIGINT      NOT NULL CHECK (amount > 0),
    currency               CHAR(3)     NOT NULL,
    payment_method         TEXT        NOT NULL,
    provider               TEXT        NOT NULL,
    status                 TEXT        NOT NULL
        CHECK (status IN ('PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED')),
    provider_reference     TEXT,
    failure_reason         TEXT,
    refund_requested       BOOLEAN     NOT NULL DEFAULT FALSE,
    refunded_amount        BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_amount BETWEEN 0 AND amount),
    provider_calls         INTEGER     NOT NULL DEFAULT 0,
    next_provider_call_at  TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX payment_provider_reference ON payment (provider, provider_reference)
    WHERE provider_reference IS NOT NULL;
CREATE INDEX payment_provider_call_due ON payment (next_provider_call_at)
    WHERE next_provider_call_at IS NOT NULL;
CREATE INDEX payment_customer ON payment (customer_id, created_at DESC);

-- Orders cancelled before they were charged: a charge that still arrives for them is refused.
CREATE TABLE cancelled_order (
    order_id      TEXT        PRIMARY KEY,
    reason        TEXT,
    cancelled_at  TIMESTAMPTZ NOT NULL
);

-- Webhook events taken, by the provider's event id, recorded with the change each caused.
CREATE TABLE provider_event (
    provider     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    -- The provider's id of the charge the event is about (a PaymentIntent id), if any.
    reference    TEXT,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
