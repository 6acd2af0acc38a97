-- The producing side's state.
CREATE TABLE ledger_account (
    id      TEXT PRIMARY KEY,
    balance INTEGER NOT NULL
);

-- The consuming side's state, built from the ledger's events.
CREATE TABLE ledger_projection (
    id      TEXT PRIMARY KEY,
    balance INTEGER NOT NULL
);
