-- What a legacy system reads, under names that stay when the tables behind them change
-- (docs/legacy-systems.md). Writing is done through the outbox table alone.
CREATE VIEW legacy_message_file AS
SELECT id, role, queue, status, managed_by, update_in_oclc, site_symbol, initial_requester, group_qualifier,
       transaction_qualifier, sub_qualifier, protocol_state, requester_symbol, responder_symbol, title, author,
       need_before, ship_to, maximum_cost, oclc_number, patron, ifm, created_at, updated_at
FROM ill_transaction;

CREATE VIEW legacy_outbox_results AS
SELECT id, transaction_id, site_symbol, peer_symbol, apdu_type, status, attempts, last_error, written_by,
       created_at, sent_at
FROM outbox;
