-- How to reach each account's person, from users.contacts.v1 (personal data: deleted on ContactErased). Order events
-- name customers by pseudonym, so each contact is kept under its account id's pseudonym too.
CREATE TABLE contact (
    user_id       TEXT        PRIMARY KEY,
    pseudonym     TEXT        NOT NULL UNIQUE,
    email         TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    language      TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL
);

-- Accounts whose contact was erased, and when: a replay of users.contacts.v1 from the start (before compaction has
-- removed the older records) must not bring an erased person's address back, even for a moment. Account ids only.
CREATE TABLE contact_erasure (
    user_id    TEXT        PRIMARY KEY,
    erased_at  TIMESTAMPTZ NOT NULL
);

-- Orders as they were placed (OrderPlaced): the customer pseudonym, the lines (JSON) and the total.
CREATE TABLE order_summary (
    order_id      TEXT   PRIMARY KEY,
    customer      TEXT,
    lines         TEXT   NOT NULL,
    total_amount  BIGINT NOT NULL,
    currency      TEXT   NOT NULL
);

-- Book titles from catalog.books.v1, for order lines and low-stock alerts.
CREATE TABLE book_title (
    book_id     TEXT        PRIMARY KEY,
    title       TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);

-- Every mail owed for an event, recorded in the transaction that marks the event handled: at most one per event and
-- kind, so a redelivered or replayed event records nothing new and nothing is sent twice.
CREATE TABLE mail (
    id                 BIGSERIAL   PRIMARY KEY,
    event_id           UUID        NOT NULL,
    kind               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Whom it is for: the account (mail about the account) or the customer pseudonym (order mail).
    user_id            TEXT,
    customer           TEXT,
    -- Where it went (order mail: filled in when it is sent); erased with the person.
    recipient_address  TEXT,
    recipient_name     TEXT,
    language           TEXT,
    order_id           TEXT,
    -- What its text needs (JSON); dropped once nothing will be sent any more.
    facts              TEXT,
    subject            TEXT,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ,
    sent_at            TIMESTAMPTZ,
    message_id         TEXT,
    last_error         TEXT,
    erased_at          TIMESTAMPTZ,
    CONSTRAINT mail_once_per_event UNIQUE (event_id, kind)
);

-- The sender claims due pending mail, oldest first.
CREATE INDEX mail_due ON mail (next_attempt_at, id) WHERE status = 'PENDING';
-- The admin listing, newest first, by address; erasure by account and by pseudonym.
CREATE INDEX mail_recorded ON mail (recorded_at DESC, id DESC);
CREATE INDEX mail_recipient ON mail (recipient_address);
CREATE INDEX mail_user ON mail (user_id);
CREATE INDEX mail_customer ON mail (customer);
