-- ILL-Strings have no maximum length in ISO 10161, and a peer may send anything in a symbol or a
-- date: every column that holds what a peer or a person wrote takes any length.
ALTER TABLE inbox ALTER COLUMN peer SET DATA TYPE VARCHAR;
ALTER TABLE inbox ALTER COLUMN listener SET DATA TYPE VARCHAR;
ALTER TABLE inbox ALTER COLUMN status_detail SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN site_symbol SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN initial_requester SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN group_qualifier SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN transaction_qualifier SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN sub_qualifier SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN requester_symbol SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN responder_symbol SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN author SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN need_before SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN ship_to SET DATA TYPE VARCHAR;
ALTER TABLE ill_transaction ALTER COLUMN maximum_cost SET DATA TYPE VARCHAR;
ALTER TABLE apdu_history ALTER COLUMN peer SET DATA TYPE VARCHAR;
ALTER TABLE apdu_history ALTER COLUMN note SET DATA TYPE VARCHAR;
ALTER TABLE dead_letter ALTER COLUMN peer SET DATA TYPE VARCHAR;
ALTER TABLE dead_letter ALTER COLUMN reason SET DATA TYPE VARCHAR;
ALTER TABLE dead_letter ALTER COLUMN report_sent SET DATA TYPE VARCHAR;
ALTER TABLE outbox ALTER COLUMN site_symbol SET DATA TYPE VARCHAR;
ALTER TABLE outbox ALTER COLUMN peer_symbol SET DATA TYPE VARCHAR;
ALTER TABLE outbox ALTER COLUMN last_error SET DATA TYPE VARCHAR;
