-- Customers' returns (issue 18): the copies that came back to a book's stock and those written off as
-- damaged, counted with the stock record so a listing shows them without summing the ledger.
ALTER TABLE stock_item
    ADD COLUMN returned_to_stock INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN returned_damaged  INTEGER NOT NULL DEFAULT 0,
    ADD CONSTRAINT stock_item_returns_not_negative CHECK (returned_to_stock >= 0 AND returned_damaged >= 0);

-- A return's movements name it; damaged copies are a movement of their own that changes no level
-- and counts the copies written off.
ALTER TABLE stock_movement
    ADD COLUMN return_id   TEXT,
    ADD COLUMN written_off INTEGER NOT NULL DEFAULT 0,
    DROP CONSTRAINT stock_movement_kind_check,
    ADD CONSTRAINT stock_movement_kind_check CHECK (kind IN ('OPENING', 'RECEIPT', 'RESERVATION', 'RELEASE', 'SALE',
                                                             'RETURN', 'DAMAGED', 'ADJUSTMENT', 'STOCKTAKE')),
    ADD CONSTRAINT stock_movement_written_off_only_damaged CHECK ((written_off > 0) = (kind = 'DAMAGED'));

-- Each return inventory took in, once: a redelivered or replayed RestockReturn finds its row and
-- moves nothing. Inserting it claims the return for the transaction that takes the copies in.
CREATE TABLE stock_return (
    return_id    TEXT        PRIMARY KEY,
    order_id     TEXT        NOT NULL,
    restocked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
