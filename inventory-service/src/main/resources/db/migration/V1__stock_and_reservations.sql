-- One row per book the catalogue sells. Available stock (on_hand - reserved) is derived, never
-- stored, so it cannot disagree; the constraints are the last guard of the no-oversell rule the
-- service's conditional updates already keep.
CREATE TABLE stock_item (
    book_id              TEXT        PRIMARY KEY,
    on_hand              INTEGER     NOT NULL DEFAULT 0,
    reserved             INTEGER     NOT NULL DEFAULT 0,
    low_stock_threshold  INTEGER     NOT NULL,
    -- Raised by every movement; StockLevelChanged carries it so readers can drop stale levels.
    version              BIGINT      NOT NULL DEFAULT 0,
    opened_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT stock_item_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT stock_item_never_oversold CHECK (reserved <= on_hand),
    CONSTRAINT stock_item_threshold_not_negative CHECK (low_stock_threshold >= 0)
);

-- The admin list of books running low scans only those.
CREATE INDEX stock_item_running_low ON stock_item ((on_hand - reserved))
    WHERE on_hand - reserved - low_stock_threshold <= 0;

-- The movements ledger: every change of a book's stock, with the level it left behind. Summing a
-- book's changes gives its current level.
CREATE TABLE stock_movement (
    id               BIGSERIAL   PRIMARY KEY,
    book_id          TEXT        NOT NULL REFERENCES stock_item (book_id),
    kind             TEXT        NOT NULL CHECK (kind IN ('OPENING', 'RECEIPT', 'RESERVATION', 'RELEASE', 'SALE',
                                                          'RETURN', 'ADJUSTMENT', 'STOCKTAKE')),
    on_hand_change   INTEGER     NOT NULL,
    reserved_change  INTEGER     NOT NULL,
    on_hand_after    INTEGER     NOT NULL,
    reserved_after   INTEGER     NOT NULL,
    stock_version    BIGINT      NOT NULL,
    order_id         TEXT,
    reason           TEXT,
    note             TEXT,
    occurred_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT stock_movement_one_per_version UNIQUE (book_id, stock_version)
);

CREATE INDEX stock_movement_by_order ON stock_movement (order_id) WHERE order_id IS NOT NULL;

-- What inventory did for each order of the saga, so a repeated or late command gets the same answer.
CREATE TABLE reservation (
    order_id        TEXT        PRIMARY KEY,
    status          TEXT        NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED',
                                                           'RETURNED', 'CANCELLED')),
    refusal         TEXT        CHECK (refusal IN ('INSUFFICIENT_STOCK', 'ORDER_CANCELLED')),
    short_book_ids  TEXT[]      NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE reservation_line (
    order_id  TEXT    NOT NULL REFERENCES reservation (order_id),
    book_id   TEXT    NOT NULL,
    quantity  INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, book_id)
);
