SELECT id, transaction_id, site_symbol, peer_symbol, apdu_type, apdu_json, status, attempts, next_attempt_at,
       last_error, created_at, sent_at, claim_token, written_by
FROM FINAL TABLE (
    UPDATE outbox SET status = 'sending', claim_token = CAST(RANDOM_UUID() AS VARCHAR),
        next_attempt_at = DATEADD(SECOND, ${lease-seconds}, CURRENT_TIMESTAMP)
    WHERE id IN (SELECT id FROM outbox
                 WHERE status IN ('pending', 'sending') AND next_attempt_at <= CURRENT_TIMESTAMP
                 ORDER BY id FETCH FIRST 100 ROWS ONLY))
