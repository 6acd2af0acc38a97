-- Shared by every PostgreSQL service through the platform library (versions 0.x are the
-- platform's; a service's own migrations start at V1).

-- Events waiting to be published, written in the same transaction as the state change they report.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    -- JSON, not JSONB: the value is published byte for byte as the producer encoded it.
    payload      JSON        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    traceparent  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);

-- The relay reads only unsent events, oldest first.
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

-- Event ids each consumer has handled, recorded with the handler's state change.
CREATE TABLE inbox_processed_event (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
