-- The daily reconciliation of payments with their providers (issue 19): one row per run, one per
-- payment on which we and the provider disagreed.
CREATE TABLE reconciliation_run (
    id               UUID        PRIMARY KEY,
    -- The day on the shop's calendar whose payments (by creation time) were checked.
    day              DATE        NOT NULL,
    -- One provider's name, or 'all'.
    provider         TEXT        NOT NULL,
    trigger          TEXT        NOT NULL CHECK (trigger IN ('scheduled', 'admin')),
    started_at       TIMESTAMPTZ NOT NULL,
    -- Null while under way, or if the run never finished (the replica stopped): an admin runs it again.
    finished_at      TIMESTAMPTZ,
    checked          INTEGER     NOT NULL DEFAULT 0 CHECK (checked >= 0),
    mismatches       INTEGER     NOT NULL DEFAULT 0 CHECK (mismatches >= 0),
    could_not_check  INTEGER     NOT NULL DEFAULT 0 CHECK (could_not_check >= 0)
);

-- One scheduled run per day across replicas: the first insert claims the day. Admins' runs come on top.
CREATE UNIQUE INDEX reconciliation_run_scheduled_day ON reconciliation_run (day, provider)
    WHERE trigger = 'scheduled';
CREATE INDEX reconciliation_run_day ON reconciliation_run (day, started_at);
CREATE INDEX reconciliation_run_finished ON reconciliation_run (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE reconciliation_mismatch (
    id          BIGSERIAL   PRIMARY KEY,
    run_id      UUID        NOT NULL REFERENCES reconciliation_run (id),
    payment_id  UUID        NOT NULL,
    order_id    TEXT        NOT NULL,
    provider    TEXT        NOT NULL,
    -- Our status and the provider's answer, lower case (e.g. 'cancelled', 'succeeded').
    ours        TEXT        NOT NULL,
    theirs      TEXT        NOT NULL,
    kind        TEXT        NOT NULL
        CHECK (kind IN ('captured_not_recorded', 'open_at_provider', 'recorded_not_captured')),
    found_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX reconciliation_mismatch_run ON reconciliation_mismatch (run_id);

-- A day's payments are found by creation time. Rows are inserted in about that order, so a BRIN
-- index serves the once-a-day range scan at next to no cost to the saga's inserts.
CREATE INDEX payment_created_at ON payment USING brin (created_at);
