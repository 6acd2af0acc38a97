-- Why a partial refund was asked for, as the saga said (a return's reason, an admin's note): stored and
-- shown as text. Null for refunds asked for before this column.
ALTER TABLE payment_refund ADD COLUMN reason TEXT;
