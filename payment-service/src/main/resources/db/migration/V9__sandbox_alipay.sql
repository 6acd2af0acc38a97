-- The sandbox's stand-in for Alipay keeps its own books, as Alipay does: trades by out_trade_no
-- (our payment id) and refunds by out_request_no, in the database so it survives restarts.
-- A waiting trade past time_expire is closed as Alipay closes it; token is what the current QR
-- code or cashier link carries (a fresh precreate replaces it, and the old one stops working).
CREATE TABLE sandbox_alipay_trade (
    out_trade_no  TEXT        PRIMARY KEY,
    trade_no      TEXT        NOT NULL UNIQUE,
    app_id        TEXT        NOT NULL,
    product_code  TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    total_amount  BIGINT      NOT NULL CHECK (total_amount > 0),
    status        TEXT        NOT NULL
        CHECK (status IN ('WAIT_BUYER_PAY', 'TRADE_SUCCESS', 'TRADE_CLOSED', 'TRADE_FINISHED')),
    token         TEXT        NOT NULL UNIQUE,
    notify_url    TEXT,
    time_expire   TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    paid_at       TIMESTAMPTZ
);

CREATE TABLE sandbox_alipay_refund (
    out_trade_no    TEXT        NOT NULL REFERENCES sandbox_alipay_trade (out_trade_no),
    out_request_no  TEXT        NOT NULL,
    refund_amount   BIGINT      NOT NULL CHECK (refund_amount > 0),
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (out_trade_no, out_request_no)
);
