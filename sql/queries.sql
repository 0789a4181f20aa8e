-- Named queries shared by both dialects. Each starts at a "-- name: NAME" line and runs to the next.
-- {columns} expands to the table's columns in model field order (store/entity_tables.cc), so a
-- loader and its row codec can never disagree on the order. Placeholders are SOCI's :name.

-- name: accounts.all
SELECT {columns} FROM accounts ORDER BY id;
-- name: accounts.by_id
SELECT {columns} FROM accounts WHERE id = :id;
-- name: people.all
SELECT {columns} FROM people ORDER BY id;
-- name: people.of_account
SELECT {columns} FROM people WHERE account_id = :account ORDER BY id;
-- name: contracts.all
SELECT {columns} FROM contracts ORDER BY id;
-- name: contracts.by_id
SELECT {columns} FROM contracts WHERE id = :id;
-- name: contracts.ids
SELECT id FROM contracts ORDER BY id;
-- A contract is active on [from, to] when it starts on or before `to` and has not ended before `from`.
-- name: contracts.active_between
SELECT {columns} FROM contracts WHERE start <= :last AND ("end" IS NULL OR "end" >= :first) ORDER BY id;
-- name: services.all
SELECT {columns} FROM services ORDER BY id;
-- name: services.of_contract
SELECT {columns} FROM services WHERE contract_id = :contract ORDER BY id;
-- name: fee_revisions.all
SELECT {columns} FROM fee_revisions ORDER BY service_id, effective;
-- name: fee_revisions.of_contract
SELECT {columns} FROM fee_revisions
 WHERE service_id IN (SELECT id FROM services WHERE contract_id = :contract)
 ORDER BY service_id, effective;
-- name: incidents.all
SELECT {columns} FROM incidents ORDER BY contacted, id;
-- name: incidents.by_id
SELECT {columns} FROM incidents WHERE id = :id;
-- name: incidents.of_contract
SELECT {columns} FROM incidents WHERE contract_id = :contract ORDER BY contacted, id;
-- Half-open [begin, end): instants are fixed-width UTC text, so text order is time order.
-- name: incidents.of_contract_between
SELECT {columns} FROM incidents
 WHERE contract_id = :contract AND contacted >= :begin AND contacted < :end ORDER BY contacted, id;
-- name: outages.all
SELECT {columns} FROM outages ORDER BY start, id;
-- name: outages.of_contract
SELECT {columns} FROM outages
 WHERE service_id IN (SELECT id FROM services WHERE contract_id = :contract) ORDER BY start, id;
-- name: interventions.all
SELECT {columns} FROM interventions ORDER BY start, id;
-- name: interventions.of_contract
SELECT {columns} FROM interventions WHERE contract_id = :contract ORDER BY start, id;
-- name: support_tickets.all
SELECT {columns} FROM support_tickets ORDER BY opened, id;
-- name: support_tickets.of_contract
SELECT {columns} FROM support_tickets WHERE contract_id = :contract ORDER BY opened, id;
-- name: root_access_periods.all
SELECT {columns} FROM root_access_periods ORDER BY start, id;
-- name: root_access_periods.of_contract
SELECT {columns} FROM root_access_periods WHERE contract_id = :contract ORDER BY start, id;
-- name: backups.all
SELECT {columns} FROM backups ORDER BY start, id;
-- name: backups.of_contract
SELECT {columns} FROM backups
 WHERE service_id IN (SELECT id FROM services WHERE contract_id = :contract) ORDER BY start, id;
-- name: mail_usage.all
SELECT {columns} FROM mail_usage ORDER BY contract_id, day;
-- name: mail_usage.of_contract
SELECT {columns} FROM mail_usage WHERE contract_id = :contract ORDER BY day;
-- name: price_indices.all
SELECT {columns} FROM price_indices ORDER BY name, month;
-- name: payments.all
SELECT {columns} FROM payments ORDER BY paid, id;
-- name: payments.of_contract
SELECT {columns} FROM payments
 WHERE invoice_number IN (SELECT number FROM issued_documents WHERE contract_id = :contract
                          UNION ALL SELECT number FROM prior_invoices WHERE contract_id = :contract)
 ORDER BY paid, id;
-- name: prior_invoices.all
SELECT {columns} FROM prior_invoices ORDER BY contract_id, period_from, number;
-- name: prior_invoices.of_contract
SELECT {columns} FROM prior_invoices WHERE contract_id = :contract ORDER BY period_from, number;
-- name: reversibility_requests.all
SELECT {columns} FROM reversibility_requests ORDER BY requested, id;
-- name: reversibility_requests.of_contract
SELECT {columns} FROM reversibility_requests WHERE contract_id = :contract ORDER BY requested, id;

-- Ledger (store/ledger.cc).
-- name: runs.insert
INSERT INTO runs (kind, parameters, started, status, host, pid)
VALUES (:kind, :parameters, :started, 'running', :host, :pid)
 RETURNING id;
-- Runs of this host still marked running (migration 005): the caller checks their processes.
-- name: runs.running_on_host
SELECT id, pid FROM runs WHERE status = 'running' AND host = :host AND id <> :id ORDER BY id;
-- The greatest parameters of the completed runs of a kind: for `nightly`, "--date D" is fixed width,
-- so text order is date order.
-- name: runs.latest_completed_parameters
SELECT parameters FROM runs WHERE kind = :kind AND status IN ('succeeded', 'partial')
 ORDER BY parameters DESC LIMIT 1;
-- name: runs.latest_running
SELECT id, kind, parameters, started FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1;
-- name: runs.mark_interrupted
UPDATE runs SET status = 'failed', note = :note WHERE id = :id AND status = 'running';
-- name: runs.finish
UPDATE runs SET finished = :finished, status = :status, contracts_done = :done,
       contracts_failed = :failed, documents_issued = :issued
 WHERE id = :id;
-- name: runs.by_id
SELECT id, kind, parameters, started, finished, status, contracts_done, contracts_failed,
       documents_issued, note
  FROM runs WHERE id = :id;
-- B7: the row is created at 1 or incremented; the statement is the lock, so two writers serialise.
-- name: number_sequences.next
INSERT INTO number_sequences (kind, year, last_number) VALUES (:kind, :year, 1)
 ON CONFLICT (kind, year) DO UPDATE SET last_number = number_sequences.last_number + 1
 RETURNING last_number;
-- name: issued_documents.insert
INSERT INTO issued_documents (kind, number, contract_id, period, issued_on, path, sha256,
                              ht_cents, vat_cents, ttc_cents, run_id)
VALUES (:kind, NULLIF(:number, ''), :contract, :period, :issued_on, :path, :sha256, :ht, :vat, :ttc, :run)
RETURNING id;
-- name: issued_documents.find
SELECT id, kind, number, contract_id, period, issued_on, path, sha256, ht_cents, vat_cents,
       ttc_cents, run_id
  FROM issued_documents WHERE kind = :kind AND contract_id = :contract AND period = :period;
-- The last document of a (kind, year) sequence: a range of the UNIQUE (kind, number) index, read
-- backwards (numbers are fixed-width, so text order is number order).
-- name: issued_documents.last_numbered
SELECT id, kind, number, contract_id, period, issued_on, path, sha256, ht_cents, vat_cents,
       ttc_cents, run_id
  FROM issued_documents WHERE kind = :kind AND number >= :first AND number <= :last
 ORDER BY number DESC LIMIT 1;
-- name: issued_documents.of_contract
SELECT id, kind, number, contract_id, period, issued_on, path, sha256, ht_cents, vat_cents,
       ttc_cents, run_id
  FROM issued_documents WHERE contract_id = :contract ORDER BY id;
-- Files of issued documents (migration 005).
-- name: document_files.insert
INSERT INTO document_files (path, sha256, document_id) VALUES (:path, :sha256, :document);
-- name: document_files.by_path
SELECT f.path, f.sha256, d.kind, d.contract_id, d.period FROM document_files f
  JOIN issued_documents d ON d.id = f.document_id WHERE f.path = :path;
-- name: document_files.all
SELECT f.path, f.sha256, d.kind, d.contract_id, d.period FROM document_files f
  JOIN issued_documents d ON d.id = f.document_id ORDER BY f.path;
-- name: service_credits.upsert
INSERT INTO service_credits (contract_id, service_id, month, cents)
VALUES (:contract, :service, :month, :cents)
ON CONFLICT (service_id, month) DO UPDATE SET contract_id = excluded.contract_id, cents = excluded.cents;
-- name: service_credits.of_contract
SELECT contract_id, service_id, month, cents FROM service_credits
 WHERE contract_id = :contract ORDER BY month, service_id;
-- name: audit_log.insert
INSERT INTO audit_log (at, run_id, action, entity, entity_id, detail)
VALUES (:at, :run, :action, :entity, :entity_id, :detail);
-- name: audit_log.all
SELECT id, at, run_id, action, entity, entity_id, detail FROM audit_log ORDER BY id;

-- Billing bookkeeping (store/billing_ledger.cc, migration 003).
-- name: fee_revisions.insert_computed
INSERT INTO fee_revisions (service_id, effective, period_price_cents, index_value_milli)
VALUES (:service, :effective, :cents, :index)
ON CONFLICT (service_id, effective) DO NOTHING;
-- name: document_vat.insert
INSERT INTO document_vat (number, rate_basis_points, base_ht_cents, vat_cents)
VALUES (:number, :rate, :base, :vat);
-- name: document_vat.of_number
SELECT rate_basis_points, base_ht_cents, vat_cents FROM document_vat
 WHERE number = :number ORDER BY rate_basis_points;
-- name: document_vat.credited_against
SELECT v.rate_basis_points, v.base_ht_cents, v.vat_cents FROM document_vat v
  JOIN credit_note_corrections c ON c.credit_note_number = v.number
 WHERE c.invoice_number = :invoice ORDER BY v.number, v.rate_basis_points;
-- name: credit_note_corrections.insert
INSERT INTO credit_note_corrections (credit_note_number, contract_id, invoice_number)
VALUES (:credit_note, :contract, :invoice);
-- name: credit_note_deductions.insert
INSERT INTO credit_note_deductions (credit_note_number, invoice_number) VALUES (:credit_note, :invoice);
-- The invoice a credit note corrects is Clause's own or one issued before Clause (prior_invoices).
-- name: credit_notes.of_contract
SELECT d.number, d.period, d.issued_on, d.ht_cents, d.vat_cents, d.ttc_cents, c.invoice_number,
       COALESCE(i.issued_on, p.issued), x.invoice_number
  FROM issued_documents d
  JOIN credit_note_corrections c ON c.credit_note_number = d.number
  LEFT JOIN issued_documents i ON i.kind = 'invoice' AND i.number = c.invoice_number
  LEFT JOIN prior_invoices p ON p.number = c.invoice_number
  LEFT JOIN credit_note_deductions x ON x.credit_note_number = d.number
 WHERE d.kind = 'credit_note' AND d.contract_id = :contract
 ORDER BY d.number;
-- name: credit_note_deductions.total_of_invoice
SELECT CAST(COALESCE(SUM(d.ttc_cents), 0) AS BIGINT) FROM credit_note_deductions x
  JOIN issued_documents d ON d.kind = 'credit_note' AND d.number = x.credit_note_number
 WHERE x.invoice_number = :invoice;
-- Contracts with a month of service credits and no credit note for it yet (B4).
-- name: service_credits.contracts_without_credit_note
SELECT DISTINCT s.contract_id FROM service_credits s
 WHERE s.cents > 0 AND NOT EXISTS (
   SELECT 1 FROM issued_documents d
    WHERE d.kind = 'credit_note' AND d.contract_id = s.contract_id AND d.period = s.month)
 ORDER BY s.contract_id;
-- name: issued_documents.of_kind
SELECT id, kind, number, contract_id, period, issued_on, path, sha256, ht_cents, vat_cents,
       ttc_cents, run_id
  FROM issued_documents WHERE kind = :kind ORDER BY contract_id, number;
-- name: issued_documents.of_kind_on
SELECT id, kind, number, contract_id, period, issued_on, path, sha256, ht_cents, vat_cents,
       ttc_cents, run_id
  FROM issued_documents WHERE kind = :kind AND issued_on = :issued_on ORDER BY number;
-- Contracts whose latest corrective statement of a month (period "YYYY-MM-cN", issued by
-- `clause statements` when the data changed after the month's statement) grants more credits
-- than the credit notes of that month have credited so far, and has no credit note of its own yet:
-- a further credit note is due (B4). A statement's ht_cents is minus its credits.
-- name: statements.corrections_without_credit_note
SELECT DISTINCT s.contract_id FROM issued_documents s
 WHERE s.kind = 'statement' AND s.period LIKE '____-__-c%'
   AND NOT EXISTS (SELECT 1 FROM issued_documents l
                    WHERE l.kind = 'statement' AND l.contract_id = s.contract_id
                      AND substr(l.period, 1, 7) = substr(s.period, 1, 7) AND l.id > s.id)
   AND NOT EXISTS (SELECT 1 FROM issued_documents n
                    WHERE n.kind = 'credit_note' AND n.contract_id = s.contract_id AND n.period = s.period)
   AND EXISTS (SELECT 1 FROM issued_documents n
                WHERE n.kind = 'credit_note' AND n.contract_id = s.contract_id AND n.period = substr(s.period, 1, 7))
   AND -s.ht_cents > (SELECT COALESCE(SUM(n.ht_cents), 0) FROM issued_documents n
                       WHERE n.kind = 'credit_note' AND n.contract_id = s.contract_id
                         AND substr(n.period, 1, 7) = substr(s.period, 1, 7))
 ORDER BY s.contract_id;
-- Issue 15: reversibility dossiers (migration 008, store/reversibility_milestones.h).
-- name: reversibility_milestones.upsert
INSERT INTO reversibility_milestones (request_id, contract_id, requested, end_of_service, request_deadline, late,
                                      start, delivery_deadline, continuity_limit, services_until, dossier_date,
                                      dossier_sha256)
VALUES (:request, :contract, :requested, :end_of_service, :request_deadline, :late, :start, :delivery_deadline,
        :continuity_limit, :services_until, :dossier_date, :dossier_sha256)
ON CONFLICT (request_id) DO UPDATE SET
  contract_id = excluded.contract_id, requested = excluded.requested, end_of_service = excluded.end_of_service,
  request_deadline = excluded.request_deadline, late = excluded.late, start = excluded.start,
  delivery_deadline = excluded.delivery_deadline, continuity_limit = excluded.continuity_limit,
  services_until = excluded.services_until, dossier_date = excluded.dossier_date,
  dossier_sha256 = excluded.dossier_sha256;
-- name: reversibility_milestones.find
SELECT request_id, contract_id, requested, end_of_service, request_deadline, CAST(late AS TEXT), start,
       delivery_deadline, continuity_limit, services_until, dossier_date, dossier_sha256, pv_signed, destroyed
  FROM reversibility_milestones WHERE request_id = :request;
-- name: reversibility_milestones.all
SELECT request_id, contract_id, requested, end_of_service, request_deadline, CAST(late AS TEXT), start,
       delivery_deadline, continuity_limit, services_until, dossier_date, dossier_sha256, pv_signed, destroyed
  FROM reversibility_milestones ORDER BY contract_id, request_id;
-- name: reversibility_milestones.record_pv
UPDATE reversibility_milestones SET pv_signed = :date WHERE request_id = :request;
-- name: reversibility_milestones.record_destruction
UPDATE reversibility_milestones SET destroyed = :date WHERE request_id = :request;
-- Every file of every document issued for a contract, oldest first (the dossier's inventory); a
-- document issued before migration 005 has no document_files row and is listed by its own path.
-- name: reversibility.document_files_of_contract
SELECT d.id, d.kind, d.number, d.period, d.issued_on, d.ht_cents, d.vat_cents, d.ttc_cents,
       COALESCE(f.path, d.path), COALESCE(f.sha256, d.sha256)
  FROM issued_documents d LEFT JOIN document_files f ON f.document_id = d.id
 WHERE d.contract_id = :contract
 ORDER BY d.issued_on, d.kind, d.period, COALESCE(f.path, d.path);
-- The destruction (R5): the statements' files leave the ledger's list of files to keep on disk.
-- name: reversibility.forget_statement_files
DELETE FROM document_files WHERE document_id IN (
  SELECT id FROM issued_documents WHERE kind = 'statement' AND contract_id = :contract);
-- Issue 14: GDPR inactivity (RULES G1-G6; store/gdpr_ledger.h, store/personal_data_erasure.h).
-- name: gdpr.erase_person
UPDATE people SET full_name = '', email = '', phone = '', postal_address = '' WHERE id = :id;
-- name: gdpr.purges
SELECT id, run_id, account_id, purged_on, last_activity, rules, CAST(people_erased AS INTEGER),
       CAST(texts_scrubbed AS INTEGER), CAST(files_removed AS INTEGER), CAST(reminders_removed AS INTEGER)
  FROM gdpr_purges ORDER BY id;
-- name: gdpr.purge_people
SELECT person_id FROM gdpr_erased_people WHERE purge_id = :purge ORDER BY person_id;
-- name: gdpr.purge_exists
SELECT id FROM gdpr_purges WHERE id = :id;
-- name: gdpr.purge_insert
INSERT INTO gdpr_purges (id, run_id, account_id, purged_on, last_activity, rules, people_erased,
                         texts_scrubbed, files_removed, reminders_removed)
VALUES (:id, :run, :account, :purged_on, :last_activity, :rules, :people, :texts, :files, :reminders);
-- name: gdpr.erased_person_insert
INSERT INTO gdpr_erased_people (person_id, account_id, purge_id) VALUES (:person, :account, :purge)
  ON CONFLICT (person_id) DO NOTHING;
-- name: gdpr.purged_for_period
SELECT id FROM gdpr_purges WHERE account_id = :account AND last_activity = :last_activity;
-- name: gdpr.statement_files_of_account
SELECT f.path FROM document_files f JOIN issued_documents d ON d.id = f.document_id
  JOIN contracts c ON c.id = d.contract_id
 WHERE d.kind = 'statement' AND c.account_id = :account ORDER BY f.path;
-- name: gdpr.forget_document_file
DELETE FROM document_files WHERE path = :path;
-- name: gdpr.reminder_of
SELECT account_id, last_activity, inactive_on, reminded_on, path, status, sent_at FROM gdpr_reminders
 WHERE account_id = :account AND last_activity = :last_activity;
-- name: gdpr.reminder_insert
INSERT INTO gdpr_reminders (account_id, last_activity, inactive_on, reminded_on, path, status)
VALUES (:account, :last_activity, :inactive_on, :reminded_on, :path, 'queued');
-- name: gdpr.reminder_files_of_account
SELECT path FROM gdpr_reminders WHERE account_id = :account AND path <> '' ORDER BY last_activity;
-- name: gdpr.reminder_forget_files
UPDATE gdpr_reminders SET path = '' WHERE account_id = :account;
-- name: gdpr.pending_insert
INSERT INTO gdpr_pending_files (path) VALUES (:path) ON CONFLICT (path) DO NOTHING;
-- name: gdpr.pending_all
SELECT path FROM gdpr_pending_files ORDER BY path;
-- name: gdpr.pending_delete
DELETE FROM gdpr_pending_files WHERE path = :path;
-- name: gdpr.documents_issued_before
SELECT CAST(d.id AS BIGINT), d.kind, d.number, d.contract_id, d.issued_on FROM issued_documents d
 WHERE d.kind IN ('invoice', 'credit_note') AND d.issued_on < :before
   AND NOT EXISTS (SELECT 1 FROM gdpr_destroyed_documents x WHERE x.document_id = d.id)
 ORDER BY d.kind, d.number;
-- name: gdpr.destroyed_all
SELECT CAST(document_id AS BIGINT), kind, number, issued_on, destroyed_on, run_id
  FROM gdpr_destroyed_documents ORDER BY kind, number;
-- name: gdpr.destroyed_exists
SELECT CAST(document_id AS BIGINT) FROM gdpr_destroyed_documents WHERE document_id = :id;
-- name: gdpr.document_file_paths
SELECT path FROM document_files WHERE document_id = :id ORDER BY path;
-- name: gdpr.blank_document
UPDATE issued_documents SET path = '', sha256 = '', ht_cents = 0, vat_cents = 0, ttc_cents = 0 WHERE id = :id;
-- name: gdpr.forget_document_vat
DELETE FROM document_vat WHERE number = :number;
-- name: gdpr.destroyed_insert
INSERT INTO gdpr_destroyed_documents (document_id, kind, number, issued_on, destroyed_on, run_id)
VALUES (:id, :kind, :number, :issued_on, :destroyed_on, :run);
-- name: gdpr.erased_people_with_data
SELECT p.id, p.account_id, p.full_name, p.email, p.phone, p.postal_address, p.role
  FROM people p JOIN gdpr_erased_people e ON e.person_id = p.id
 WHERE p.full_name <> '' OR p.email <> '' OR p.phone <> '' OR p.postal_address <> ''
 ORDER BY p.account_id, p.id;
-- Issue 13, e-mail delivery (`clause send`, store/delivery_ledger.h, migration 006).
-- name: delivery.undelivered_documents
SELECT d.id, d.kind, d.number, d.contract_id, c.account_id, d.period, d.issued_on, d.ht_cents, d.vat_cents,
       d.ttc_cents, d.run_id
  FROM issued_documents d JOIN contracts c ON c.id = d.contract_id
 WHERE NOT EXISTS (SELECT 1 FROM delivery_documents x WHERE x.document_id = d.id)
 ORDER BY c.account_id, d.issued_on, d.id;
-- name: delivery.files_of_undelivered
SELECT f.document_id, f.path, f.sha256 FROM document_files f
 WHERE NOT EXISTS (SELECT 1 FROM delivery_documents x WHERE x.document_id = f.document_id)
 ORDER BY f.document_id, f.path;
-- name: delivery.documents_of_delivery
SELECT d.id, d.kind, d.number, d.contract_id, c.account_id, d.period, d.issued_on, d.ht_cents, d.vat_cents,
       d.ttc_cents, d.run_id
  FROM delivery_documents x JOIN issued_documents d ON d.id = x.document_id
  JOIN contracts c ON c.id = d.contract_id
 WHERE x.delivery_id = :delivery ORDER BY x.position;
-- name: delivery.files_of_delivery
SELECT f.document_id, f.path, f.sha256 FROM delivery_documents x JOIN document_files f ON f.document_id = x.document_id
 WHERE x.delivery_id = :delivery ORDER BY x.position, f.path;
-- name: delivery.billing_contacts
SELECT full_name, email FROM people
 WHERE account_id = :account AND role = :role AND email <> '' ORDER BY id;
-- name: delivery.account
SELECT name, language FROM accounts WHERE id = :account;
-- name: delivery.insert
INSERT INTO deliveries (message_id, account_id, night, part, parts, status, attempts, recipients, bytes, reply,
                        queued_at, updated_at, run_id)
VALUES (:message_id, :account, :night, :part, :parts, :status, 0, :recipients, :bytes, :reply, :at, :at, :run)
 RETURNING id;
-- name: delivery.insert_document
INSERT INTO delivery_documents (document_id, delivery_id, position) VALUES (:document, :delivery, :position);
-- name: delivery.update_outcome
UPDATE deliveries SET status = :status, attempts = :attempts, reply = :reply, next_attempt = :next_attempt,
                      updated_at = :at, run_id = :run
 WHERE id = :id;
-- name: delivery.all
SELECT id, message_id, account_id, night, part, parts, status, attempts, recipients, bytes, reply, next_attempt
  FROM deliveries ORDER BY id;
-- name: delivery.pending
SELECT id, message_id, account_id, night, part, parts, status, attempts, recipients, bytes, reply, next_attempt
  FROM deliveries WHERE status IN ('queued', 'deferred') ORDER BY id;
-- Issue 14 (continued): G4 reminders e-mailed by `clause send` (store/gdpr_reminder_ledger.h, migration 010).
-- name: gdpr_mail.pending
SELECT account_id, last_activity, inactive_on, reminded_on, status, message_id, CAST(attempts AS INTEGER),
       CAST(recipients AS INTEGER), reply, next_attempt, sent_at, path
  FROM gdpr_reminders WHERE status IN ('queued', 'deferred') ORDER BY account_id, last_activity;
-- name: gdpr_mail.all
SELECT account_id, last_activity, inactive_on, reminded_on, status, message_id, CAST(attempts AS INTEGER),
       CAST(recipients AS INTEGER), reply, next_attempt, sent_at, path
  FROM gdpr_reminders ORDER BY account_id, last_activity;
-- name: gdpr_mail.update_outcome
UPDATE gdpr_reminders SET status = :status, message_id = :message_id, attempts = :attempts,
       recipients = :recipients, reply = :reply, next_attempt = :next_attempt, sent_at = :sent_at, path = :path
 WHERE account_id = :account AND last_activity = :last_activity;

-- Issue 12: the N2 price changes and N3 breach notices (migration 009), the B5 warnings e-mailed
-- and the input fingerprints of the months the nightly watches for corrections.
-- name: price_changes.all
SELECT {columns} FROM price_changes ORDER BY applies, id;
-- name: breach_notices.all
SELECT {columns} FROM breach_notices ORDER BY notified, id;
-- name: mail_quota_warnings.insert
INSERT INTO mail_quota_warnings (contract_id, exceeded_on, megabytes, quota_gb, grace_days, step_gb, step_cents, night,
                                 message_id)
VALUES (:contract, :exceeded_on, :megabytes, :quota_gb, :grace_days, :step_gb, :step_cents, :night, :message_id)
ON CONFLICT (contract_id, exceeded_on) DO NOTHING;
-- name: mail_quota_warnings.all
SELECT w.contract_id, c.account_id, w.exceeded_on, w.megabytes, w.quota_gb, w.night, w.message_id, w.status, w.attempts,
       w.reply, w.grace_days, w.step_gb, w.step_cents
  FROM mail_quota_warnings w JOIN contracts c ON c.id = w.contract_id ORDER BY w.night, w.contract_id, w.exceeded_on;
-- name: mail_quota_warnings.update_outcome
UPDATE mail_quota_warnings SET status = :status, attempts = :attempts, reply = :reply
 WHERE contract_id = :contract AND exceeded_on = :exceeded_on;
-- name: statement_fingerprints.of_month
SELECT sha256 FROM statement_input_fingerprints WHERE month = :month;
-- name: statement_fingerprints.upsert
INSERT INTO statement_input_fingerprints (month, sha256, checked_on) VALUES (:month, :sha256, :checked_on)
ON CONFLICT (month) DO UPDATE SET sha256 = excluded.sha256, checked_on = excluded.checked_on;
-- name: corrections.statement_months
SELECT DISTINCT substr(period, 1, 7) FROM issued_documents
 WHERE kind = 'statement' AND period >= :first AND period < :after ORDER BY 1;
-- The rows a month's statements read, each with the span of days it concerns (begin, end; end
-- NULL for an open period), for the input fingerprints of batch/correction_months.cc.
-- name: fingerprint.incidents
SELECT contacted, coalesce(restored, contacted), {columns} FROM incidents
 WHERE contacted < :to AND coalesce(restored, contacted) >= :from ORDER BY id;
-- name: fingerprint.outages
SELECT start, "end", {columns} FROM outages WHERE start < :to AND "end" >= :from ORDER BY id;
-- name: fingerprint.interventions
SELECT start, "end", {columns} FROM interventions WHERE start < :to AND "end" >= :from ORDER BY id;
-- name: fingerprint.support_tickets
SELECT opened, opened, {columns} FROM support_tickets WHERE opened >= :from AND opened < :to ORDER BY id;
-- name: fingerprint.root_access_periods
SELECT start, "end", {columns} FROM root_access_periods
 WHERE start < :to AND ("end" IS NULL OR "end" >= :from) ORDER BY id;
-- name: fingerprint.backups
SELECT start, start, {columns} FROM backups WHERE start >= :from AND start < :to ORDER BY id;
-- name: fingerprint.mail_usage
SELECT day, day, {columns} FROM mail_usage WHERE day >= :from AND day < :to ORDER BY contract_id, day;
-- name: fingerprint.fee_revisions
SELECT '', '', {columns} FROM fee_revisions ORDER BY service_id, effective;
-- name: fingerprint.contracts
SELECT '', '', {columns} FROM contracts ORDER BY id;
-- name: fingerprint.services
SELECT '', '', {columns} FROM services ORDER BY id;
-- name: fingerprint.reversibility_requests
SELECT '', '', {columns} FROM reversibility_requests ORDER BY id;
-- Issue 16: work items shared by `clause worker` processes (store/work_items.h) and the numbers
-- they reserve in seq order (store/number_reservation.h). The claim is PostgreSQL's
-- (sql/postgresql/queries.sql): FOR UPDATE SKIP LOCKED.
-- name: work_items.insert
INSERT INTO work_items (run_id, seq, job, parameter, output, contract_id)
VALUES (:run, :seq, :job, :parameter, :output, :contract);
-- name: work_items.complete
UPDATE work_items SET state = 'done', worker = :worker, result = :result WHERE run_id = :run AND seq = :seq;
-- name: numbered_work_items.insert
INSERT INTO numbered_work_items (run_id, seq) VALUES (:run, :seq) ON CONFLICT DO NOTHING;
-- name: numbered_work_items.earlier
SELECT count(*) FROM numbered_work_items WHERE run_id = :run AND seq < :seq;
-- name: numbered_work_items.delete
DELETE FROM numbered_work_items WHERE run_id = :run;
-- name: work_items.not_done
SELECT count(*) FROM work_items WHERE run_id = :run AND state <> 'done';
-- name: work_items.results
SELECT result FROM work_items WHERE run_id = :run ORDER BY seq;
-- name: work_items.workers
SELECT DISTINCT worker FROM work_items WHERE run_id = :run ORDER BY worker;
-- name: work_items.delete
DELETE FROM work_items WHERE run_id = :run;
-- name: number_reservations.find
SELECT number FROM number_reservations WHERE kind = :kind AND contract_id = :contract AND period = :period;
-- name: number_reservations.insert
INSERT INTO number_reservations (kind, contract_id, period, number, run_id)
VALUES (:kind, :contract, :period, :number, :run);
-- name: number_reservations.delete
DELETE FROM number_reservations WHERE kind = :kind AND contract_id = :contract AND period = :period;
-- name: number_reservations.delete_run
DELETE FROM number_reservations WHERE run_id = :run;
-- name: number_sequences.give_back
UPDATE number_sequences SET last_number = last_number - 1
 WHERE kind = :kind AND year = :year AND last_number = :sequence;
