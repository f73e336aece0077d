-- Every frame has an id of its own from the moment it arrives (kept in the spool too), so moving
-- a spooled frame into the inbox twice still gives one row.
ALTER TABLE inbox ADD COLUMN frame_id VARCHAR(36);
CREATE UNIQUE INDEX inbox_frame ON inbox (frame_id);
-- Inbox recovery claims an entry before processing it again, so two instances never both do.
ALTER TABLE inbox ADD COLUMN recovery_until TIMESTAMP WITH TIME ZONE;
-- An outbox claim carries a token; every later update of the row holds only while the token does.
ALTER TABLE outbox ADD COLUMN claim_token VARCHAR(64);
