-- When an order last became DELIVERED: the receipt scan finds the orders whose receipt window has
-- passed by it. Orders delivered before this column existed take it from their status history.
ALTER TABLE customer_order ADD COLUMN delivered_at TIMESTAMPTZ;
UPDATE customer_order o
   SET delivered_at = (SELECT max((change ->> 'at')::timestamptz)
                         FROM jsonb_array_elements(o.status_history) AS change
                        WHERE change ->> 'status' = 'DELIVERED')
 WHERE status = 'DELIVERED';
CREATE INDEX customer_order_receipt_due ON customer_order (delivered_at) WHERE status = 'DELIVERED';

-- A shipment registered with a carrier for tracking. Written with the SHIPPED order; the carrier is
-- called afterwards, outside that transaction, until it accepts: next_attempt_at is when the next
-- call is due (also the lease of a call under way), null once the carrier accepted.
CREATE TABLE carrier_subscription (
    order_id         UUID PRIMARY KEY REFERENCES customer_order (id),
    carrier          TEXT        NOT NULL,
    company          TEXT        NOT NULL,
    tracking_number  TEXT        NOT NULL,
    destination      TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    subscribed_at    TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX carrier_subscription_due ON carrier_subscription (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
-- Callbacks name the shipment by carrier company and tracking number.
CREATE INDEX carrier_subscription_by_number ON carrier_subscription (tracking_number, company);

-- The tracking timeline of an order, each event once: carriers send the whole timeline again with
-- every update, and the same update more than once.
CREATE TABLE tracking_event (
    order_id     UUID        NOT NULL REFERENCES customer_order (id),
    status       TEXT        NOT NULL,
    description  TEXT        NOT NULL,
    place        TEXT        NOT NULL DEFAULT '',
    occurred_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, occurred_at, status, description)
);

-- The built-in sandbox carrier's own books: each shipment's scheduled updates, pushed when due. A
-- restart finds them here, so no shipment is stranded half way.
CREATE TABLE sandbox_carrier_step (
    company          TEXT        NOT NULL,
    tracking_number  TEXT        NOT NULL,
    step             INT         NOT NULL,
    state            TEXT        NOT NULL,
    context          TEXT        NOT NULL,
    place            TEXT        NOT NULL,
    happens_at       TIMESTAMPTZ NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    pushed_at        TIMESTAMPTZ,
    PRIMARY KEY (company, tracking_number, step)
);

CREATE INDEX sandbox_carrier_step_due ON sandbox_carrier_step (due_at) WHERE pushed_at IS NULL;
