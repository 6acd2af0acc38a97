-- The built-in sandbox's WeChat Pay (it stands in for WeChat Pay, whose books are its own): Native
-- orders by out_trade_no and their refunds, kept in the database so the sandbox survives restarts
-- and tests can hold this service's payments against what the "provider" captured.
CREATE TABLE sandbox_wechatpay_order (
    out_trade_no    TEXT        PRIMARY KEY,
    appid           TEXT        NOT NULL,
    mchid           TEXT        NOT NULL,
    description     TEXT        NOT NULL,
    attach          TEXT,
    amount          BIGINT      NOT NULL CHECK (amount > 0),
    currency        CHAR(3)     NOT NULL,
    notify_url      TEXT        NOT NULL,
    time_expire     TIMESTAMPTZ NOT NULL,
    trade_state     TEXT        NOT NULL CHECK (trade_state IN ('NOTPAY', 'SUCCESS', 'REFUND', 'CLOSED')),
    -- What the current QR code carries; a fresh prepay replaces it, and the old one stops working.
    token           TEXT        NOT NULL UNIQUE,
    transaction_id  TEXT        UNIQUE,
    success_time    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE sandbox_wechatpay_refund (
    out_refund_no   TEXT        PRIMARY KEY,
    refund_id       TEXT        NOT NULL UNIQUE,
    out_trade_no    TEXT        NOT NULL REFERENCES sandbox_wechatpay_order (out_trade_no),
    amount          BIGINT      NOT NULL CHECK (amount > 0),
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_wechatpay_refund_order ON sandbox_wechatpay_refund (out_trade_no);
