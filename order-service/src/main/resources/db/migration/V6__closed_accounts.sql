-- A customer who closes their account is erased from their orders (issue 22): the address (name,
-- phone, street) goes, what accounting needs stays. account_closed_at marks every order of a closed
-- account; the address is null once erased, which for a parcel still under way is when it arrives.
ALTER TABLE customer_order ALTER COLUMN shipping_address DROP NOT NULL;
ALTER TABLE customer_order ADD COLUMN account_closed_at TIMESTAMPTZ;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_address_kept_while_open
    CHECK (shipping_address IS NOT NULL OR account_closed_at IS NOT NULL);
