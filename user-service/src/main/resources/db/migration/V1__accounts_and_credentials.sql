-- Accounts. Email addresses are stored lower-cased, so the unique constraint makes them unique
-- case-insensitively; the check keeps anything else from slipping in.
CREATE TABLE user_account (
    id             UUID        PRIMARY KEY,
    email          TEXT        NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash  TEXT        NOT NULL,
    display_name   TEXT        NOT NULL,
    roles          TEXT[]      NOT NULL,
    addresses      JSONB       NOT NULL DEFAULT '[]',
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);

CREATE INDEX user_account_listing ON user_account (created_at, id);

-- Refresh tokens, one row per token ever issued. Only a SHA-256 of the token is kept, so the table
-- leaks nothing usable. Tokens of one login form a family: each refresh marks its token used and
-- adds the next; presenting a used token again means it was stolen, and the whole family is revoked.
CREATE TABLE refresh_token (
    id          UUID        PRIMARY KEY,
    token_hash  TEXT        NOT NULL UNIQUE,
    family_id   UUID        NOT NULL,
    user_id     UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Failed logins per account (email) and per client address, with the back-off they earned.
CREATE TABLE login_throttle (
    subject          TEXT        PRIMARY KEY,
    failures         INTEGER     NOT NULL,
    last_failure_at  TIMESTAMPTZ NOT NULL,
    blocked_until    TIMESTAMPTZ
);
