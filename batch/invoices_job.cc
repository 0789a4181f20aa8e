#include "batch/invoices_job.h"

#include <set>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "batch/billing_journal.h"
#include "batch/billing_output.h"
#include "batch/credit_notes_job.h"
#include "batch/invoice_keys.h"
#include "batch/invoice_lines.h"
#include "batch/job_items.h"
#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "batch/prepared_contract.h"
#include "batch/run_findings.h"
#include "batch/run_stop.h"
#include "batch/terminal_progress.h"
#include "reports/invoice/invoice_builder.h"
#include "reports/statement/statement_data.h"
#include "rules/billing_period.h"
#include "rules/calendar.h"
#include "rules/continuity.h"
#include "rules/credit_deductions.h"
#include "rules/revisions_due.h"
#include "rules/service_end.h"
#include "store/billing_ledger.h"
#include "store/record_repository.h"
#include "store/table_rows.h"

namespace clause {
namespace {

// B3: the revisions in `prepared` (recorded + computed through the run date) not yet recorded.
std::vector<FeeRevision> computed_revisions(Database& db, const ContractRecords& records) {
  return revisions_to_record(records.fee_revisions, load_recorded_fee_revisions(db, records.contract.id));
}

// R4: whether a continuity invoice may be due on `d` (cheap, before the contract is loaded): the
// first day of a month after the end of service, within the longest continuity and a month.
bool continuity_invoice_possible(const Contract& c, const TermsProfile& terms, Date d) {
  if (d.day() != std::chrono::day{1}) return false;
  const std::optional<Date> end = service_end(c);
  return end && d > *end && d <= add_days(*end, terms.reversibility.continuity_max_days + 31);
}

nlohmann::ordered_json manifest_entry(const IssueResult& r, const std::filesystem::path& out) {
  const IssuedDocument& d = r.document;
  return {{"number", d.number.value_or("")},
          {"kind", std::string{to_word(d.kind)}},
          {"contract", d.contract_id},
          {"period", d.period},
          {"issued_on", format_date(d.issued_on)},
          {"path", std::filesystem::path(d.path).lexically_relative(out).string()},
          {"sha256", d.sha256},
          {"ht_cents", d.total_ht.cents},
          {"vat_cents", d.total_vat.cents},
          {"ttc_cents", d.total_ttc.cents},
          {"new", r.newly_issued}};
}

class InvoicesRun {
 public:
  InvoicesRun(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request)
      : context_(context), db_(context.database()), request_(request), output_(engine, request.out),
        preparer_(context) {
    for (auto& id : contracts_with_uncredited_months(db_)) uncredited_.insert(id);
    // A corrective statement that raised a month's credits: a further credit note is due (B4).
    for (const auto& row : select_cells(db_, db_.query("statements.corrections_without_credit_note"), 1))
      uncredited_.insert(row[0].value_or(""));
  }

  const BillingOutput& output() const { return output_; }

  void process(const Contract& c, long long run_id, InvoicesOutcome& outcome, nlohmann::ordered_json& documents) {
    std::optional<DuePeriod> due;
    std::optional<FinalSettlement> settlement;
    bool continuity_possible = false;
    if (auto profile = context_.profiles().find(c.terms_profile); profile != context_.profiles().end()) {
      due = invoice_due_on(c, profile->second.billing, request_.date);
      if (!due) settlement = final_settlement_on(c, profile->second.billing, request_.date);
      continuity_possible = continuity_invoice_possible(c, profile->second, request_.date);
    }
    // Nothing to issue for this contract today.
    if (!due && !settlement && !continuity_possible && !uncredited_.count(c.id)) return;
    ContractProblem problem;
    auto prepared = preparer_.prepare(c.id, request_.date, problem);
    if (!prepared) return skip(outcome, c.id, problem.record, problem.reason);

    // R4: the continuity invoice of last month first, so that the credit notes of that month,
    // issued next, can cite it (they are deducted from the next invoice, B4).
    if (continuity_possible)
      if (auto continuity = contract_continuity(prepared->records, prepared->terms->reversibility))
        if (auto owed = continuity_invoice_due_on(c, prepared->terms->billing, *continuity, request_.date))
          record(issue_continuity_invoice(*prepared, *continuity, *owed, run_id), outcome, documents, false);

    CreditNotesOfContract notes = issue_credit_notes(db_, output_, *prepared, request_.date, run_id);
    for (const auto& n : notes.documents) record(n, outcome, documents, true);
    for (const auto& w : notes.waiting) {
      // Listed in the manifest and the journal and counted in the summary; logged at debug level so
      // a nightly log does not repeat it every night until the invoice exists. B4: a waiting credit
      // never stops the contract's invoices.
      spdlog::debug("contract {}: credits of {} waiting: {}", c.id, format_year_month(w.month), w.reason);
      outcome.waiting_credits.push_back(w);
      // An error rather than a rule: the run says something needs a look (exit code), though the
      // contract's invoices are issued below.
      if (w.failed) {
        spdlog::error("contract {}: credit note of {} failed: {}", c.id, format_year_month(w.month), w.reason);
        outcome.skipped.push_back({c.id, "credit note " + c.id + " " + format_year_month(w.month), w.reason});
      }
    }
    if (due) record(issue_periodic_invoice(*prepared, *due, run_id), outcome, documents, false);
    if (settlement)
      if (auto final_invoice = issue_final_settlement(*prepared, *settlement, run_id))
        record(*final_invoice, outcome, documents, false);
  }

 private:
  // What distinguishes one invoice from another: its ledger key, the days it bills, its lines.
  struct InvoiceContent {
    std::string key;                 // issued_documents.period: the billed period's first day
    Date billed_from{}, billed_to{};
    std::vector<DraftLine> lines;
    std::vector<std::string> notes;
  };

  IssueResult issue_periodic_invoice(const PreparedContract& p, const DuePeriod& due, long long run_id) {
    const std::string key = periodic_invoice_key(due.period.first);
    if (auto existing = find_issued_document(db_, DocumentKind::invoice, p.records.contract.id, key))
      return {*existing, false};
    return issue_invoice(p, {key, due.billed_from, due.period.last, invoice_lines(p, due, wording_of(p)), {}}, run_id);
  }

  // B1 (Decision): the day after its end, an ended contract's last variable lines, if any, are
  // invoiced alone, keyed apart from the periodic invoice of the same period.
  std::optional<IssueResult> issue_final_settlement(const PreparedContract& p, const FinalSettlement& s,
                                                    long long run_id) {
    const std::string key = final_invoice_key(s.from);
    if (auto existing = find_issued_document(db_, DocumentKind::invoice, p.records.contract.id, key))
      return IssueResult{*existing, false};
    const BillingWording& w = wording_of(p);
    std::vector<DraftLine> lines = variable_lines(p, s.from, s.to, w);
    if (lines.empty()) return std::nullopt;
    const std::string note = w.phrase("note.final_invoice", {{"ended", format_date_text(s.to, w.language())}});
    return issue_invoice(p, {key, s.from, s.to, std::move(lines), {note}}, run_id);
  }

  // R4 Decision: the continuity days of last month, invoiced in arrears at the price in force (one
  // line per service, B2 proration), with the variable lines of those days.
  IssueResult issue_continuity_invoice(const PreparedContract& p, const ContinuityPeriod& continuity,
                                       const ContinuityDue& owed, long long run_id) {
    const std::string key = continuity_invoice_key(owed.month);
    if (auto existing = find_issued_document(db_, DocumentKind::invoice, p.records.contract.id, key))
      return {*existing, false};
    const BillingWording& w = wording_of(p);
    const Language language = w.language();
    std::vector<DraftLine> lines = continuity_lines(p, owed, w);
    for (auto& l : variable_lines(p, owed.billed.first, owed.billed.last, w)) lines.push_back(std::move(l));
    std::string note = w.phrase("note.continuity", {{"month", month_label(owed.month, language)},
                                                    {"from", format_date_text(owed.billed.first, language)},
                                                    {"to", format_date_text(owed.billed.last, language)}});
    if (owed.last)
      note += w.phrase(continuity.takeover ? "note.continuity_last_takeover" : "note.continuity_last_end",
                       {{"last", format_date_text(continuity.last, language)}});
    return issue_invoice(p, {key, owed.billed.first, owed.billed.last, std::move(lines), {note}}, run_id);
  }

  IssueResult issue_invoice(const PreparedContract& p, const InvoiceContent& content, long long run_id) {
    const Contract& c = p.records.contract;
    const TermsProfile& terms = *p.terms;
    std::vector<InvoiceLineInput> inputs;
    for (const auto& l : content.lines) inputs.push_back(l.input);
    InvoiceTotals totals = invoice_totals(inputs);
    const std::vector<FeeRevision> revisions = computed_revisions(db_, p.records);
    IssuedDocument draft;
    draft.kind = DocumentKind::invoice;
    draft.contract_id = c.id;
    draft.period = content.key;
    draft.issued_on = request_.date;
    draft.run_id = run_id;
    draft.total_ht = totals.total_ht;
    draft.total_vat = totals.total_vat;
    draft.total_ttc = totals.total_ttc;
    return issue_and_publish(db_, draft, [&](IssuedDocument& record) {
      // B4: the credit notes not yet deducted, oldest first, while the invoice bears them whole;
      // read under issue_document's lock so that a concurrent run cannot deduct them too.
      std::vector<CreditNoteBalance> balances;
      for (const auto& n : load_credit_notes_of_contract(db_, c.id))
        balances.push_back({n.number, n.issued_on, n.total_ttc, n.deducted_by.has_value()});
      const std::vector<CreditNoteBalance> deductions = credit_notes_to_deduct(balances, request_.date, totals.total_ttc);
      std::vector<std::string> units;
      for (const auto& l : content.lines) units.push_back(l.unit_code);
      const InvoiceDocument d = build_invoice(
          {{*record.number, request_.date, output_.engine().provider(), p.records.account, c.id, terms.billing},
           content.billed_from, content.billed_to, totals, units, deductions, content.notes});
      record_document_vat(db_, d.number, totals.vat);
      std::vector<std::string> numbers;
      for (const auto& x : deductions) numbers.push_back(x.number);
      record_deductions(db_, d.number, numbers);
      record_fee_revisions(db_, revisions);
      return std::vector<StagedFile>{output_.stage(d, p.records.account)};
    });
  }

  // The billing wording of the contract's account's language (templates/<lang>/billing.json).
  const BillingWording& wording_of(const PreparedContract& p) const {
    return output_.engine().billing_wording(output_.engine().language_of(p.records.account.language));
  }

  void record(const IssueResult& r, InvoicesOutcome& outcome, nlohmann::ordered_json& documents, bool credit_note) {
    if (!r.newly_issued)
      ++outcome.already_issued;
    else if (credit_note)
      ++outcome.credit_notes_issued;
    else
      ++outcome.invoices_issued;
    documents.push_back(manifest_entry(r, request_.out));
  }

  void skip(InvoicesOutcome& outcome, const std::string& contract, const std::string& what, const std::string& reason) {
    spdlog::warn("contract {} skipped: {}: {}", contract, what, reason);
    outcome.skipped.push_back({contract, what, reason});
  }

  RunContext& context_;
  Database& db_;
  const InvoicesRequest& request_;
  BillingOutput output_;
  ContractPreparer preparer_;
  std::set<std::string> uncredited_;
};

}  // namespace

InvoicesOutcome run_invoices(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                             Instant now) {
  Database& db = context.database();
  InvoicesOutcome outcome;
  std::string parameters = "--date " + format_date(request.date);
  if (request.contract_id) parameters += " --contract " + *request.contract_id;
  outcome.run_id = start_run(db, "invoices", parameters, now);
  outcome.interrupted_runs = mark_interrupted_runs(db, outcome.run_id);
  outcome.recovery = recover_output(db, request.out);
  InvoicesRun run(context, engine, request);
  std::vector<Contract> contracts;
  if (request.contract_id) {
    if (auto c = load_contract(db, *request.contract_id))
      contracts.push_back(*c);
    else
      outcome.skipped.push_back({*request.contract_id, "contract " + *request.contract_id, "no such contract"});
  } else {
    contracts = load_contracts(db);
  }
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  try {
    TerminalProgress progress("invoices " + format_date(request.date), contracts.size());
    for (const auto& c : contracts) {
      progress.advance();
      try {
        run.process(c, outcome.run_id, outcome, documents);
      } catch (const std::exception& e) {
        stop_if_database_gone(db, e);
        spdlog::error("contract {} failed: {}", c.id, e.what());
        outcome.skipped.push_back({c.id, "contract " + c.id, e.what()});
      }
    }
    outcome.journal = write_billing_journal(db, context.profiles(), run.output(), request.date, request.contract_id,
                                            outcome.waiting_credits);
  } catch (const std::exception& e) {
    outcome.stopped = e.what();
    spdlog::error("invoices {} stopped: {}", format_date(request.date), e.what());
  }
  finish_invoices_run(context, run.output(), request, outcome, documents, int(contracts.size()), now);
  return outcome;
}

// Issue 16: the single run's pieces for the workers (batch/job_items.h).

struct InvoicesItems::Impl {
  RunContext& context;
  InvoicesRun run;
  long long run_id;
};

InvoicesItems::InvoicesItems(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                             long long run_id)
    : impl_(new Impl{context, InvoicesRun(context, engine, request), run_id}) {}
InvoicesItems::~InvoicesItems() = default;

void InvoicesItems::process(const std::string& contract_id, InvoicesOutcome& outcome,
                            nlohmann::ordered_json& documents) {
  Database& db = impl_->context.database();
  auto c = load_contract(db, contract_id);
  if (!c) return outcome.skipped.push_back({contract_id, "contract " + contract_id, "no such contract"});
  try {
    impl_->run.process(*c, impl_->run_id, outcome, documents);
  } catch (const std::exception& e) {
    stop_if_database_gone(db, e);
    spdlog::error("contract {} failed: {}", c->id, e.what());
    outcome.skipped.push_back({c->id, "contract " + c->id, e.what()});
  }
}

std::vector<std::string> invoices_contracts(RunContext& context, const InvoicesRequest& request) {
  if (request.contract_id) return {*request.contract_id};
  std::vector<std::string> ids;
  for (const auto& c : load_contracts(context.database())) ids.push_back(c.id);
  return ids;
}

void finish_invoices_run(RunContext& context, const BillingOutput& output, const InvoicesRequest& request,
                         InvoicesOutcome& outcome, const nlohmann::ordered_json& documents, int contracts,
                         Instant now) {
  Database& db = context.database();
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array(), waiting = nlohmann::ordered_json::array();
  for (const auto& s : outcome.skipped) skipped.push_back({{"contract", s.contract_id}, {"record", s.record}, {"reason", s.reason}});
  for (const auto& w : outcome.waiting_credits)
    waiting.push_back({{"contract", w.contract_id},
                       {"month", format_year_month(w.month)},
                       {"credit_cents", w.amount.cents},
                       {"reason", w.reason}});
  nlohmann::ordered_json manifest = {{"kind", "invoices"},
                                     {"date", format_date(request.date)},
                                     {"documents", documents},
                                     {"credits_waiting", waiting},
                                     {"skipped", skipped},
                                     {"journal", outcome.journal.empty() ? ""
                                                 : outcome.journal.lexically_relative(request.out).string()}};
  add_run_findings(manifest, outcome.recovery, outcome.interrupted_runs, outcome.stopped);
  const std::string stem = "manifest-" + format_date(request.date) +
                           (request.contract_id ? "-" + path_segment(*request.contract_id) : "");
  outcome.manifest = output.year_folder(int(request.date.year())) / (stem + ".json");
  write_file_atomically(outcome.manifest, manifest.dump(2) + "\n");
  RunCounts counts{std::max(0, contracts - int(outcome.skipped.size())), int(outcome.skipped.size()),
                   outcome.invoices_issued + outcome.credit_notes_issued};
  finish_run_if_possible(db, outcome.run_id, now, run_status(outcome.stopped, outcome.skipped.empty()), counts);
}

}  // namespace clause
