// What Clause records of a reversibility (issue 15, RULES R1-R5, migration 008): the dates of a
// request's schedule as its dossier last computed them, the signed minutes (R5) and the destruction
// that closes the file, plus the ledger reads the dossier needs (every file of every document
// issued for the contract). Kept apart from the imported reversibility_requests, which a re-import
// rewrites.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/money.h"
#include "model/time.h"
#include "store/database.h"
#include "store/ledger.h"

namespace clause {

struct ReversibilityMilestones {
  std::string request_id;
  std::string contract_id;
  Date requested{};
  Date end_of_service{};
  Date request_deadline{};                // R1
  bool late = false;                      // R1
  std::optional<Date> start;              // R2: unset while invoices stay unpaid
  std::optional<Date> delivery_deadline;  // R3
  Date continuity_limit{};                // R4: end + 90 days
  Date services_until{};                  // R4: take-over date or the limit
  Date dossier_date{};                    // the date of the dossier last built
  std::string dossier_sha256;             // of its archive
  std::optional<Date> pv_signed;          // R5: minutes signed by both parties
  std::optional<Date> destroyed;          // R5: the provider's copies destroyed; the file is closed
  friend bool operator==(const ReversibilityMilestones&, const ReversibilityMilestones&) = default;
};

// Records the schedule and the dossier of `m` (insert or update), keeping the minutes and the
// destruction already recorded.
void save_reversibility_schedule(Database& db, const ReversibilityMilestones& m);
std::optional<ReversibilityMilestones> find_reversibility_milestones(Database& db, const std::string& request_id);
std::vector<ReversibilityMilestones> load_reversibility_milestones(Database& db);

// R5: the minutes of `request_id` signed on `date`. The caller checks the order of the dates.
void record_reversibility_pv(Database& db, const std::string& request_id, Date date);
// R5: the destruction of `request_id`'s copies on `date`, in one transaction with `forget`: the
// statements of `contract_id` leave document_files (their files are removed from disk after the
// commit, so the next run's recovery does not report them missing) and the audit log says so.
void record_reversibility_destruction(Database& db, const std::string& request_id, const std::string& contract_id,
                                      Date date, const AuditEntry& audit);

// One file of a document issued for a contract (statements, invoices, credit notes, corrections).
struct ContractDocumentFile {
  long long document_id = 0;
  DocumentKind kind = DocumentKind::statement;
  std::optional<std::string> number;
  std::string period;
  Date issued_on{};
  Money total_ht, total_vat, total_ttc;
  std::string path;
  std::string sha256;  // as the ledger holds it
};
// Every file of every document issued for `contract_id`, oldest document first.
std::vector<ContractDocumentFile> load_contract_document_files(Database& db, const std::string& contract_id);

}  // namespace clause
