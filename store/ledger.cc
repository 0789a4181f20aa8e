#include "store/ledger.h"

#include <unistd.h>

#include <stdexcept>

#include "store/document_planning.h"
#include "store/field_codec.h"
#include "store/issued_document_rows.h"
#include "store/number_reservation.h"
#include "store/process_liveness.h"
#include "store/table_rows.h"

namespace clause {

IssuedDocument issued_document_from_cells(const std::vector<Cell>& c) {
  IssuedDocument d;
  d.id = decode_cell<long long>(c[0], "id");
  d.kind = decode_cell<DocumentKind>(c[1], "kind");
  d.number = c[2];
  d.contract_id = c[3].value_or("");
  d.period = c[4].value_or("");
  d.issued_on = decode_cell<Date>(c[5], "issued_on");
  d.path = c[6].value_or("");
  d.sha256 = c[7].value_or("");
  d.total_ht = decode_cell<Money>(c[8], "ht_cents");
  d.total_vat = decode_cell<Money>(c[9], "vat_cents");
  d.total_ttc = decode_cell<Money>(c[10], "ttc_cents");
  d.run_id = decode_cell<long long>(c[11], "run_id");
  return d;
}

namespace {}  // namespace

long long start_run(Database& db, const std::string& kind, const std::string& parameters, Instant started) {
  std::string at = format_instant_utc(started), host = this_host();
  long long pid = ::getpid(), id = 0;
  db.session() << db.query("runs.insert"), soci::use(kind, "kind"), soci::use(parameters, "parameters"),
      soci::use(at, "started"), soci::use(host, "host"), soci::use(pid, "pid"), soci::into(id);
  return id;
}

std::vector<long long> mark_interrupted_runs(Database& db, long long current_run_id) {
  std::vector<long long> marked;
  auto rows = select_cells(db, db.query("runs.running_on_host"), 2,
                           {{"host", this_host()}, {"id", std::to_string(current_run_id)}});
  for (const auto& c : rows) {
    const long long id = decode_cell<long long>(c[0], "id"), pid = decode_cell<long long>(c[1], "pid");
    if (pid == ::getpid() || other_clause_process_running(pid)) continue;
    std::string note = "interrupted: its process " + std::to_string(pid) +
                       " ended before the run finished (found by run " + std::to_string(current_run_id) + ")";
    db.session() << db.query("runs.mark_interrupted"), soci::use(note, "note"), soci::use(id, "id");
    marked.push_back(id);
  }
  return marked;
}

void finish_run(Database& db, long long run_id, Instant finished, RunStatus status, RunCounts counts) {
  std::string at = format_instant_utc(finished);
  std::string word{to_word(status)};
  db.session() << db.query("runs.finish"), soci::use(at, "finished"), soci::use(word, "status"),
      soci::use(counts.contracts_done, "done"), soci::use(counts.contracts_failed, "failed"),
      soci::use(counts.documents_issued, "issued"), soci::use(run_id, "id");
}

std::optional<Run> load_run(Database& db, long long run_id) {
  auto rows = select_cells(db, db.query("runs.by_id"), 10, {{"id", std::to_string(run_id)}});
  if (rows.empty()) return std::nullopt;
  const auto& c = rows.front();
  Run r;
  r.id = decode_cell<long long>(c[0], "id");
  r.kind = c[1].value_or("");
  r.parameters = c[2].value_or("");
  r.started = decode_cell<Instant>(c[3], "started");
  r.finished = decode_cell<std::optional<Instant>>(c[4], "finished");
  r.status = decode_cell<RunStatus>(c[5], "status");
  r.counts = {decode_cell<int>(c[6], "contracts_done"), decode_cell<int>(c[7], "contracts_failed"),
              decode_cell<int>(c[8], "documents_issued")};
  r.note = c[9].value_or("");
  return r;
}

std::optional<std::string> latest_completed_parameters(Database& db, const std::string& kind) {
  auto rows = select_cells(db, db.query("runs.latest_completed_parameters"), 1, {{"kind", kind}});
  if (rows.empty()) return std::nullopt;
  return rows.front()[0];
}

std::string format_document_number(DocumentKind kind, int year, long long sequence) {
  std::string digits = std::to_string(sequence);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return std::string{kind == DocumentKind::credit_note ? "AV-" : "FA-"} + std::to_string(year) + "-" + digits;
}

std::optional<IssuedDocument> find_issued_document(Database& db, DocumentKind kind, const std::string& contract_id,
                                                   const std::string& period) {
  auto rows = select_cells(db, db.query("issued_documents.find"), 12,
                           {{"kind", std::string{to_word(kind)}}, {"contract", contract_id}, {"period", period}});
  if (rows.empty()) return std::nullopt;
  return issued_document_from_cells(rows.front());
}

std::vector<IssuedDocument> load_issued_documents_of_contract(Database& db, const std::string& contract_id) {
  std::vector<IssuedDocument> out;
  for (const auto& row : select_cells(db, db.query("issued_documents.of_contract"), 12, {{"contract", contract_id}}))
    out.push_back(issued_document_from_cells(row));
  return out;
}

// The transaction of one issued document, serialised with every other writer of the same contract
// so that two runs racing on it cannot both produce it (B7, invariant 1). SQLite: BEGIN IMMEDIATE
// takes the database's write lock before the "already issued?" read (a deferred transaction would
// read, then fail with SQLITE_BUSY when upgrading). PostgreSQL: the contract's row is locked FOR
// UPDATE first; under READ COMMITTED the read that follows the wait sees the winner's document, so
// the loser returns it instead of producing a second file and failing on the unique key.
class IssueTransaction {
 public:
  IssueTransaction(Database& db, const std::string& contract_id) : db_(db) {
    if (planning_documents()) {  // issue 16: a savepoint of the worker's planning transaction
      savepoint_ = true;
      db.session() << "SAVEPOINT issue_document";
      std::string locked;
      db.session() << db.query("contracts.lock_for_issue"), soci::use(contract_id, "contract"), soci::into(locked);
    } else if (db.dialect() == Dialect::sqlite) {
      db.session() << "BEGIN IMMEDIATE";
    } else {
      db.session().begin();
      std::string locked;
      db.session() << db.query("contracts.lock_for_issue"), soci::use(contract_id, "contract"), soci::into(locked);
    }
  }
  IssueTransaction(const IssueTransaction&) = delete;
  IssueTransaction& operator=(const IssueTransaction&) = delete;
  ~IssueTransaction() {
    if (done_) return;
    try {
      if (savepoint_)
        db_.session() << "ROLLBACK TO SAVEPOINT issue_document";
      else
        db_.session().rollback();
    } catch (...) {
      // the connection is gone: the database rolls back on its own
    }
  }
  void commit() {
    if (savepoint_)
      db_.session() << "RELEASE SAVEPOINT issue_document";
    else
      db_.session().commit();
    done_ = true;
  }

 private:
  Database& db_;
  bool done_ = false;
  bool savepoint_ = false;
};

std::optional<IssuedDocument> last_numbered_document(Database& db, DocumentKind kind, int year) {
  auto rows = select_cells(db, db.query("issued_documents.last_numbered"), 12,
                           {{"kind", std::string{to_word(kind)}},
                            {"first", format_document_number(kind, year, 0)},
                            {"last", format_document_number(kind, year, 999999)}});
  if (rows.empty()) return std::nullopt;
  return issued_document_from_cells(rows.front());
}

std::optional<std::string> numbering_would_go_back(Database& db, DocumentKind kind, Date date) {
  auto latest = last_numbered_document(db, kind, int(date.year()));
  if (!latest || latest->issued_on <= date) return std::nullopt;
  return *latest->number + " is dated " + format_date(latest->issued_on) + ": a document of its sequence dated " +
         format_date(date) + " would be numbered out of date order (B7)";
}

// Issue 16: a reserved number given back (NumberReservations::give_back) unless kept.
class ReservedNumber {
 public:
  ReservedNumber(NumberReservations& reservations, const IssuedDocument& draft, int year)
      : reservations_(reservations),
        kind_(draft.kind),
        year_(year),
        contract_(draft.contract_id),
        period_(draft.period),
        number_(draft.number.value_or("")) {}
  ReservedNumber(const ReservedNumber&) = delete;
  ReservedNumber& operator=(const ReservedNumber&) = delete;
  ~ReservedNumber() {
    if (kept_) return;
    try {
      reservations_.give_back(kind_, year_, contract_, period_, number_);
    } catch (...) {
      // the connection is gone: the reservation stays for whoever finishes the item
    }
  }
  void keep() { kept_ = true; }

 private:
  NumberReservations& reservations_;
  DocumentKind kind_;
  int year_;
  std::string contract_, period_, number_;
  bool kept_ = false;
};

IssueResult issue_document(Database& db, IssuedDocument draft,
                           const std::function<std::vector<DocumentFile>(IssuedDocument&)>& produce) {
  IssueTransaction tx(db, draft.contract_id);
  if (auto existing = find_issued_document(db, draft.kind, draft.contract_id, draft.period)) {
    tx.commit();
    return {*existing, false};
  }
  std::string kind{to_word(draft.kind)};
  draft.number.reset();
  // Issue 16: a worker's number was reserved in its own short transaction (store/number_reservation.h)
  // and goes back unless the document commits; a single process has none installed.
  NumberReservations* reservations = installed_number_reservations();
  std::optional<ReservedNumber> reserved;
  if (is_numbered(draft.kind) && planning_documents()) {
    draft.number = active_document_planning()->placeholder_number(draft.kind, int(draft.issued_on.year()));
    if (auto why = numbering_would_go_back(db, draft.kind, draft.issued_on)) throw NumberingOutOfOrder(*why);
  } else if (is_numbered(draft.kind) && reservations) {
    int year = int(draft.issued_on.year());
    draft.number = reservations->number_for(draft.kind, year, draft.contract_id, draft.period);
    reserved.emplace(*reservations, draft, year);
    if (auto why = numbering_would_go_back(db, draft.kind, draft.issued_on)) throw NumberingOutOfOrder(*why);
  } else if (is_numbered(draft.kind)) {
    int year = int(draft.issued_on.year());
    // Through select_cells, prepared once per connection on SQLite: SOCI prepared each write anew,
    // 12 % of the invoices' main thread (issue 16).
    const auto next =
        select_cells(db, db.query("number_sequences.next"), 1, {{"kind", kind}, {"year", std::to_string(year)}});
    const auto sequence = decode_cell<long long>(next.at(0)[0], "last_number");
    // Read after the sequence row is taken, so a concurrent run with another date is seen.
    if (auto why = numbering_would_go_back(db, draft.kind, draft.issued_on)) throw NumberingOutOfOrder(*why);
    draft.number = format_document_number(draft.kind, year, sequence);
  }
  const std::vector<DocumentFile> files = produce(draft);
  for (const DocumentFile& f : files)
    if (auto owner = find_document_file(db, f.path))
      throw PathTaken(f.path + " already holds the " + std::string{to_word(owner->kind)} + " of contract " +
                      owner->contract_id + " for " + owner->period + ": not overwritten");
  // Prepared once per connection too; no number is "" (the query makes it NULL).
  const auto inserted = select_cells(db, db.query("issued_documents.insert"), 1,
                                     {{"kind", kind},
                                      {"number", draft.number.value_or("")},
                                      {"contract", draft.contract_id},
                                      {"period", draft.period},
                                      {"issued_on", format_date(draft.issued_on)},
                                      {"path", draft.path},
                                      {"sha256", draft.sha256},
                                      {"ht", std::to_string(draft.total_ht.cents)},
                                      {"vat", std::to_string(draft.total_vat.cents)},
                                      {"ttc", std::to_string(draft.total_ttc.cents)},
                                      {"run", std::to_string(draft.run_id)}});
  draft.id = decode_cell<long long>(inserted.at(0)[0], "id");
  for (const DocumentFile& f : files)
    execute_cells(db, db.query("document_files.insert"),
                  {{"path", f.path}, {"sha256", f.sha256}, {"document", std::to_string(draft.id)}});
  tx.commit();
  if (reserved) reserved->keep();
  if (planning_documents() && is_numbered(draft.kind)) active_document_planning()->note(draft);
  return {draft, true};
}

namespace {

RecordedFile recorded_file_from_cells(const std::vector<Cell>& c) {
  return {{c[0].value_or(""), c[1].value_or("")},
          decode_cell<DocumentKind>(c[2], "kind"),
          c[3].value_or(""),
          c[4].value_or("")};
}

}  // namespace

std::optional<RecordedFile> find_document_file(Database& db, const std::string& path) {
  auto rows = select_cells(db, db.query("document_files.by_path"), 5, {{"path", path}});
  if (rows.empty()) return std::nullopt;
  return recorded_file_from_cells(rows.front());
}

std::vector<RecordedFile> load_document_files(Database& db) {
  std::vector<RecordedFile> out;
  for (const auto& row : select_cells(db, db.query("document_files.all"), 5))
    out.push_back(recorded_file_from_cells(row));
  return out;
}

void write_service_credits(Database& db, const std::vector<ServiceCredit>& credits) {
  for (const ServiceCredit& c : credits)
    execute_cells(db, db.query("service_credits.upsert"),
                  {{"contract", c.contract_id},
                   {"service", c.service_id},
                   {"month", format_year_month(c.month)},
                   {"cents", std::to_string(c.amount.cents)}});
}

void upsert_service_credits(Database& db, const std::vector<ServiceCredit>& credits) {
  soci::transaction tx(db.session());
  write_service_credits(db, credits);
  tx.commit();
}

std::vector<ServiceCredit> load_service_credits_of_contract(Database& db, const std::string& contract_id) {
  std::vector<ServiceCredit> out;
  for (const auto& c : select_cells(db, db.query("service_credits.of_contract"), 4, {{"contract", contract_id}}))
    out.push_back({c[0].value_or(""), c[1].value_or(""), decode_cell<YearMonth>(c[2], "month"),
                   decode_cell<Money>(c[3], "cents")});
  return out;
}

void append_audit_entry(Database& db, const AuditEntry& entry) {
  execute_cells(db, db.query("audit_log.insert"),
                {{"at", format_instant_utc(entry.at)},
                 {"run", entry.run_id ? Cell{std::to_string(*entry.run_id)} : Cell{}},
                 {"action", entry.action},
                 {"entity", entry.entity},
                 {"entity_id", entry.entity_id},
                 {"detail", entry.detail}});
}

std::vector<AuditEntry> load_audit_log(Database& db) {
  std::vector<AuditEntry> out;
  for (const auto& c : select_cells(db, db.query("audit_log.all"), 7)) {
    AuditEntry e;
    e.id = decode_cell<long long>(c[0], "id");
    e.at = decode_cell<Instant>(c[1], "at");
    e.run_id = decode_cell<std::optional<long long>>(c[2], "run_id");
    e.action = c[3].value_or("");
    e.entity = c[4].value_or("");
    e.entity_id = c[5].value_or("");
    e.detail = c[6].value_or("");
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace clause
