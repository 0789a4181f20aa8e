// The GDPR part of the ledger (sql/*/007_gdpr.sql, RULES G3-G6): account purges and the people they
// erased, reminders queued once per inactivity period (e-mailed by `clause send`,
// store/gdpr_reminder_ledger.h), files still to delete after a commit, and
// legal documents destroyed at the end of their retention. No row holds personal data: ids, dates,
// rule ids and counts only. Writers run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/time.h"
#include "store/database.h"

namespace clause {

// One account's purge: the audit row (G3) and the people it erased (G5).
struct PurgeRecord {
  std::string id;  // "<run id>/<account id>"
  std::string run_id;
  std::string account_id;
  Date purged_on{};      // the run date
  Date last_activity{};  // the inactivity period purged (G1)
  std::string rules;     // "G1 G3"
  int people_erased = 0;
  int texts_scrubbed = 0;
  int files_removed = 0;
  int reminders_removed = 0;
  std::vector<std::string> person_ids;  // every person of the account at the purge, sorted
  friend bool operator==(const PurgeRecord&, const PurgeRecord&) = default;
};

// G6: a legal document destroyed; its ledger row keeps kind, number, contract, period and date.
struct DestroyedDocument {
  long long document_id = 0;
  std::string kind;  // invoice, credit_note
  std::string number;
  Date issued_on{};
  Date destroyed_on{};
  std::string run_id;
  friend bool operator==(const DestroyedDocument&, const DestroyedDocument&) = default;
};

struct ReminderRecord {
  std::string account_id;
  Date last_activity{};
  Date inactive_on{};
  Date reminded_on{};
  std::string path;               // the message file in the outbox ('' until `clause send` writes one)
  std::string status = "queued";  // its e-mail: queued, sent, deferred, failed, cancelled (migration 010)
  std::optional<Date> sent_on;    // when the relay (or the outbox) took it
};

// Purges recorded, in recording order (by id within a run), each with its person ids.
std::vector<PurgeRecord> load_purges(Database& db);
bool purge_recorded(Database& db, const std::string& purge_id);
// Writes the audit row and the erased people (a person erased before stays with its first purge).
void record_purge(Database& db, const PurgeRecord& purge);
// Whether `account_id` was purged for the period that started at `last_activity`.
bool purged_for_period(Database& db, const std::string& account_id, Date last_activity);

// The recorded files of the account's statements (regenerable; they carry its people's data).
std::vector<std::string> statement_files_of_account(Database& db, const std::string& account_id);
// Forgets the ledger's record of these files (document_files), so that no check looks for them.
void forget_document_files(Database& db, const std::vector<std::string>& paths);

std::optional<ReminderRecord> reminder_of(Database& db, const std::string& account_id, Date last_activity);
// Queues the reminder (status queued): `clause send` e-mails it.
void record_reminder(Database& db, const ReminderRecord& reminder);
// The outbox files of the account's reminders; their rows keep account and dates, path blanked.
std::vector<std::string> take_reminder_files(Database& db, const std::string& account_id);

void add_pending_file(Database& db, const std::string& path);
std::vector<std::string> pending_files(Database& db);
void remove_pending_file(Database& db, const std::string& path);

// Issued invoices and credit notes dated before `before` and not yet destroyed.
struct RetainedDocument {
  long long document_id = 0;
  std::string kind, number, contract_id;
  Date issued_on{};
};
std::vector<RetainedDocument> documents_issued_before(Database& db, Date before);
std::vector<DestroyedDocument> load_destroyed_documents(Database& db);
bool document_destroyed(Database& db, long long document_id);
// Blanks the document's ledger row (path, digest, amounts, VAT bases), forgets its files and
// records the destruction; returns the paths of its files, for the caller to delete.
std::vector<std::string> record_destruction(Database& db, const DestroyedDocument& destroyed);

// G5: every person a purge erased who holds personal data again (a re-import brought the row
// back) is erased again, with the text columns that quote them; returns how many.
int keep_purged_people_erased(Database& db);

}  // namespace clause
