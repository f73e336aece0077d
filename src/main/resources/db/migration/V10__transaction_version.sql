-- Each change to a transaction's standing counts up its version, and is made only from the version
-- it was worked out from: two changes worked out at the same moment (an APDU on one connection, an
-- APDU on another, a staff action) cannot overwrite each other.
ALTER TABLE ill_transaction ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
