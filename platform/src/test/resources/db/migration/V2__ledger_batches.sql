-- A consumer that handles batches as sets: each credit once by its event id (its natural key), the
-- balances it adds up to.
CREATE TABLE ledger_batch_credit (
    event_id  UUID PRIMARY KEY,
    account   TEXT    NOT NULL,
    amount    INTEGER NOT NULL
);

CREATE TABLE ledger_batch_projection (
    id      TEXT PRIMARY KEY,
    balance INTEGER NOT NULL
);
