-- The account's address until a new one is verified, whether its owner proved they read it, the
-- language the shop writes to them in, and whether an administrator disabled it. Accounts from
-- before were never verified and speak the shop's default language.
ALTER TABLE user_account
    ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN pending_email  TEXT CHECK (pending_email = lower(pending_email)),
    ADD COLUMN language       TEXT    NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
    ADD COLUMN status         TEXT    NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED'));

-- Tokens mailed to prove the reader owns an address: to verify it, or to reset the password. Only
-- the SHA-256 of the value is kept; a token works once and until it expires, and goes with its account.
CREATE TABLE one_time_token (
    hash        TEXT        PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    purpose     TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    user_id     UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    email       TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE INDEX one_time_token_account ON one_time_token (user_id, purpose);

-- Requests that send mail (password resets, verification links), counted per subject (an address's
-- hash, a client address, an account) in fixed windows, shared by all replicas.
CREATE TABLE request_counter (
    subject          TEXT        PRIMARY KEY,
    window_ends_at   TIMESTAMPTZ NOT NULL,
    requests         INTEGER     NOT NULL
);
