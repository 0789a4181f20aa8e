// The ledger: runs of the batch, documents issued, their numbers, service credits granted and
// the audit log. Invariant 1 (nothing issued twice, nothing lost) and B7 (continuous numbering
// per kind and year) are kept here: a number is allocated in the same transaction that records
// the document, and a (kind, contract, period) already recorded is returned, never issued again.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/enum_text.h"
#include "model/money.h"
#include "model/time.h"
#include "store/database.h"

namespace clause {

enum class DocumentKind { statement, invoice, credit_note, reversibility_dossier };
template <>
struct EnumWords<DocumentKind> {
  static constexpr std::array words{
      std::pair{DocumentKind::statement, std::string_view{"statement"}},
      std::pair{DocumentKind::invoice, std::string_view{"invoice"}},
      std::pair{DocumentKind::credit_note, std::string_view{"credit_note"}},
      std::pair{DocumentKind::reversibility_dossier, std::string_view{"reversibility_dossier"}}};
};

// Invoices and credit notes carry a number (B7); statements and dossiers do not.
constexpr bool is_numbered(DocumentKind k) { return k == DocumentKind::invoice || k == DocumentKind::credit_note; }

enum class RunStatus { running, succeeded, partial, failed };
template <>
struct EnumWords<RunStatus> {
  static constexpr std::array words{std::pair{RunStatus::running, std::string_view{"running"}},
                                    std::pair{RunStatus::succeeded, std::string_view{"succeeded"}},
                                    std::pair{RunStatus::partial, std::string_view{"partial"}},
                                    std::pair{RunStatus::failed, std::string_view{"failed"}}};
};

struct RunCounts {
  int contracts_done = 0;
  int contracts_failed = 0;
  int documents_issued = 0;
  friend bool operator==(const RunCounts&, const RunCounts&) = default;
};

struct Run {
  long long id = 0;
  std::string kind;        // "statements", "invoices", "import"...
  std::string parameters;  // as the caller wants to see them again, e.g. "--month 2026-10"
  Instant started{};
  std::optional<Instant> finished;
  RunStatus status = RunStatus::running;
  RunCounts counts;
  std::string note;  // why a run failed, e.g. "interrupted: ..." (found by a later run)
  friend bool operator==(const Run&, const Run&) = default;
};

// Records a run in status `running`, with this host's name and process id, and returns its id.
// `started` comes from the caller's clock. Then marks as failed, with a note, every run of this host
// still `running` whose process has ended (killed, crashed): a run never stays `running` forever.
// Returns the ids so marked.
long long start_run(Database& db, const std::string& kind, const std::string& parameters, Instant started);
std::vector<long long> mark_interrupted_runs(Database& db, long long current_run_id);
void finish_run(Database& db, long long run_id, Instant finished, RunStatus status, RunCounts counts);
std::optional<Run> load_run(Database& db, long long run_id);
// The greatest `parameters` among the completed (succeeded or partial) runs of `kind`, if any.
std::optional<std::string> latest_completed_parameters(Database& db, const std::string& kind);

struct IssuedDocument {
  long long id = 0;  // set by the database
  DocumentKind kind = DocumentKind::statement;
  std::optional<std::string> number;  // set by issue_document for numbered kinds
  std::string contract_id;
  std::string period;  // what the document covers, e.g. "2026-10"; unique per kind and contract
  Date issued_on{};    // its year chooses the number sequence
  std::string path;    // the file written
  std::string sha256;  // of that file
  Money total_ht;
  Money total_vat;
  Money total_ttc;
  long long run_id = 0;
  friend bool operator==(const IssuedDocument&, const IssuedDocument&) = default;
};

struct IssueResult {
  IssuedDocument document;    // as recorded (number, id set)
  bool newly_issued = false;  // false: it was already recorded, `produce` was not called
};

// In one transaction: returns the document already recorded for (kind, contract, period) if any;
// otherwise allocates the next number of (kind, year of issued_on) when the kind is numbered,
// calls `produce` (which renders the file knowing the number and sets path and sha256), records
// the document and commits. An exception from `produce` rolls back: the number is not used.
// Throws NumberingOutOfOrder, issuing nothing, when a document of the same sequence already bears
// a later date (B7: numbers follow the dates).
// `produce` returns the files of the document (its main file is also draft.path), recorded in the
// same transaction (document_files); publishing them, after the commit, is the caller's
// (batch/document_publication.h). Throws PathTaken, issuing nothing, when a path already belongs
// to another document (invariant 1: two documents never share a path).
struct DocumentFile {
  std::string path;
  std::string sha256;
  friend bool operator==(const DocumentFile&, const DocumentFile&) = default;
};
IssueResult issue_document(Database& db, IssuedDocument draft,
                           const std::function<std::vector<DocumentFile>(IssuedDocument&)>& produce);

struct NumberingOutOfOrder : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct PathTaken : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file the ledger holds, with the document it belongs to.
struct RecordedFile {
  DocumentFile file;
  DocumentKind kind = DocumentKind::statement;
  std::string contract_id;
  std::string period;
  friend bool operator==(const RecordedFile&, const RecordedFile&) = default;
};
std::optional<RecordedFile> find_document_file(Database& db, const std::string& path);
// Every file the ledger holds, by path.
std::vector<RecordedFile> load_document_files(Database& db);

// The last document of the (kind, year) sequence (its highest number), if any. Every number is
// dated on or after the one before it (issue_document refuses otherwise), so it bears the latest date.
std::optional<IssuedDocument> last_numbered_document(Database& db, DocumentKind kind, int year);
// B7: why a document of `kind` dated `date` cannot be numbered now (the last number of its sequence
// is dated later), or nothing if it can.
std::optional<std::string> numbering_would_go_back(Database& db, DocumentKind kind, Date date);

// "FA-2026-000042" (invoice) or "AV-2026-000001" (credit note, avoir): continuous per kind and year.
std::string format_document_number(DocumentKind kind, int year, long long sequence);

std::optional<IssuedDocument> find_issued_document(Database& db, DocumentKind kind, const std::string& contract_id,
                                                   const std::string& period);
std::vector<IssuedDocument> load_issued_documents_of_contract(Database& db, const std::string& contract_id);

// A credit owed for one service in one month (S7 cap already applied by the rules).
struct ServiceCredit {
  std::string contract_id;
  std::string service_id;
  YearMonth month;
  Money amount;
  friend bool operator==(const ServiceCredit&, const ServiceCredit&) = default;
};

// Inserts or replaces, by (service, month), in one transaction.
void upsert_service_credits(Database& db, const std::vector<ServiceCredit>& credits);
// The same inside the caller's transaction (e.g. the `produce` step of issue_document, so that a
// statement and the credits it shows are recorded together or not at all).
void write_service_credits(Database& db, const std::vector<ServiceCredit>& credits);
std::vector<ServiceCredit> load_service_credits_of_contract(Database& db, const std::string& contract_id);

// What was done to which record; never names, e-mails or other personal data (G3).
struct AuditEntry {
  long long id = 0;
  Instant at{};
  std::optional<long long> run_id;
  std::string action;  // "purge_people"...
  std::string entity;  // "account"
  std::string entity_id;
  std::string detail;  // counts and field names only
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

void append_audit_entry(Database& db, const AuditEntry& entry);
std::vector<AuditEntry> load_audit_log(Database& db);

}  // namespace clause
