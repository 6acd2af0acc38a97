-- The catalogue's books as order-service needs them: title for display, price for carts and orders.
CREATE TABLE book_price (
    book_id         TEXT PRIMARY KEY,
    title           TEXT,
    price_amount    BIGINT CHECK (price_amount >= 0),
    price_currency  CHAR(3),
    discontinued    BOOLEAN     NOT NULL DEFAULT false,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One row per customer who ever had a cart: the row checkouts and cart changes lock.
CREATE TABLE cart (
    customer_id  TEXT PRIMARY KEY,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE cart_item (
    customer_id  TEXT NOT NULL REFERENCES cart (customer_id),
    book_id      TEXT NOT NULL,
    quantity     INT  NOT NULL CHECK (quantity > 0),
    position     INT  NOT NULL,
    PRIMARY KEY (customer_id, book_id)
);

-- An order and its saga state. Lines, history and address are JSON: they are only ever read and
-- written with the order itself.
CREATE TABLE customer_order (
    id                   UUID PRIMARY KEY,
    customer_id          TEXT        NOT NULL,
    customer_ref         TEXT        NOT NULL,
    idempotency_key      TEXT        NOT NULL,
    request_fingerprint  TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    saga_step            TEXT        NOT NULL,
    deadline             TIMESTAMPTZ,
    lines                JSONB       NOT NULL,
    total_amount         BIGINT      NOT NULL CHECK (total_amount >= 0),
    currency             CHAR(3)     NOT NULL,
    shipping_address     JSONB       NOT NULL,
    payment_method       TEXT        NOT NULL,
    charge_requested     BOOLEAN     NOT NULL,
    payment_id           TEXT,
    refunded_amount      BIGINT,
    refunded_currency    CHAR(3),
    failure_reason       TEXT,
    carrier              TEXT,
    tracking_number      TEXT,
    status_history       JSONB       NOT NULL,
    placed_at            TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);

CREATE INDEX customer_order_by_customer ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_by_status ON customer_order (status, placed_at DESC);
-- The timeout scan reads pending orders by deadline.
CREATE INDEX customer_order_overdue ON customer_order (deadline) WHERE status = 'PENDING';
