UPDATE outbox SET status = 'sending', claim_token = md5(random()::text || clock_timestamp()::text),
    next_attempt_at = CURRENT_TIMESTAMP + INTERVAL '${lease-seconds} seconds'
WHERE id IN (SELECT id FROM outbox
             WHERE status IN ('pending', 'sending') AND next_attempt_at <= CURRENT_TIMESTAMP
             ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
RETURNING id, transaction_id, site_symbol, peer_symbol, apdu_type, apdu_json, status, attempts, next_attempt_at,
          last_error, created_at, sent_at, claim_token, written_by
