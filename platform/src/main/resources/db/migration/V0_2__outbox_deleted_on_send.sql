-- The relay deletes events once Kafka has them (it no longer marks them sent and keeps them), so
-- the table holds only what waits to be published; the relay reads it in id order by the key.
DROP INDEX outbox_event_unsent;
ALTER TABLE outbox_event DROP COLUMN sent_at;

-- The inbox forgets ids after its retention; the purge finds them by age.
CREATE INDEX inbox_processed_event_by_age ON inbox_processed_event (processed_at);
