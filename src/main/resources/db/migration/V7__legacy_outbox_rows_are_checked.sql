-- Who put a row in the outbox: illbridge (a staff action or new request, already checked by the
-- protocol machine and the partner's rules) or a legacy system writing the table itself, whose rows
-- are checked the same way before they are sent. Rows already queued are illbridge's.
ALTER TABLE outbox ADD COLUMN written_by VARCHAR(16) DEFAULT 'legacy' NOT NULL;
UPDATE outbox SET written_by = 'illbridge';
