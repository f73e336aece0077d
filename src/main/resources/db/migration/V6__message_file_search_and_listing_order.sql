-- What staff search the message file by besides title and author: the OCLC number and the patron
-- (ISO 10161's client-name) of the ILL-Request. Requests stored before this migration have neither.
ALTER TABLE ill_transaction ADD COLUMN oclc_number VARCHAR;
ALTER TABLE ill_transaction ADD COLUMN patron VARCHAR;

-- Listings are newest first within a queue or status, per role: indexes in that order, so a page of
-- a large queue is read from the index instead of sorting the whole queue.
CREATE INDEX ill_transaction_role_queue_order ON ill_transaction (role, queue, id);
CREATE INDEX ill_transaction_queue_order ON ill_transaction (queue, id);
CREATE INDEX ill_transaction_status_order ON ill_transaction (status, id);
CREATE INDEX ill_transaction_qualifier ON ill_transaction (transaction_qualifier);
CREATE INDEX ill_transaction_oclc_number ON ill_transaction (oclc_number);
DROP INDEX ill_transaction_queue;
DROP INDEX ill_transaction_status;

-- Requesters staff accepted from the Unknown Requester queue and chose to know from then on, besides
-- the profile's known-requesters (which live in the configuration, not here).
CREATE TABLE known_requester (
    site_symbol  VARCHAR      NOT NULL,
    symbol       VARCHAR      NOT NULL,
    added_by     VARCHAR      NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site_symbol, symbol)
);

-- The Damaged queue: requests with a Damaged report in their history (a report that changes no state).
CREATE INDEX apdu_history_type ON apdu_history (apdu_type, transaction_id);

-- A request's record shows what was queued for it and whether it was sent.
CREATE INDEX outbox_transaction ON outbox (transaction_id);
