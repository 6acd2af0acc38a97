-- The accounts that were closed (issue 22), so that a closed account's access token, valid for up to
-- 15 minutes more, can neither place an order nor fill a cart again: checkout and cart changes look
-- the id up by the primary key in the statement they write with (see PostgresOrders.addIfNew,
-- PostgresCarts.lock). An opaque account id and a time, nothing that names the person.
CREATE TABLE closed_account (
    customer_id TEXT        PRIMARY KEY,
    closed_at   TIMESTAMPTZ NOT NULL
);
