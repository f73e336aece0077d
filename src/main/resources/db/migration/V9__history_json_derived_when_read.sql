-- The JSON view of an APDU in the history is derived from its bytes when read, not written with
-- every row: new rows keep the charset their ILL-Strings are read with, and json only where there
-- are no bytes to derive it from (a send that failed before it was encoded).
ALTER TABLE apdu_history ALTER COLUMN json DROP NOT NULL;
ALTER TABLE apdu_history ADD COLUMN charset VARCHAR(32);
