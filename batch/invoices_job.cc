#include "batch/invoices_job.h"

#include <algorithm>
#include <memory>
#include <set>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "batch/billing_journal.h"
#include "batch/billing_output.h"
#include "batch/billing_pipeline.h"
#include "batch/contract_prefetch.h"
#include "batch/credit_notes_job.h"
#include "batch/document_publication.h"
#include "batch/invoice_keys.h"
#include "batch/invoice_lines.h"
#include "batch/job_items.h"
#include "batch/number_forecast.h"
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
  // `window`: documents rendered ahead on worker threads (none: each in its transaction).
  InvoicesRun(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
              InvoicesOutcome& outcome, nlohmann::ordered_json& documents, RenderWindow window)
      : context_(context),
        db_(context.database()),
        request_(request),
        outcome_(&outcome),
        documents_(&documents),
        output_(engine, request.out),
        preparer_(context),
        pipeline_(window),
        invoice_numbers_(db_, DocumentKind::invoice, int(request.date.year())),
        credit_note_numbers_(db_, DocumentKind::credit_note, int(request.date.year())) {
    for (auto& id : contracts_with_uncredited_months(db_)) uncredited_.insert(id);
    // A corrective statement that raised a month's credits: a further credit note is due (B4).
    for (const auto& row : select_cells(db_, db_.query("statements.corrections_without_credit_note"), 1))
      uncredited_.insert(row[0].value_or(""));
  }

  const BillingOutput& output() const { return output_; }

  // Plans the contract's documents of the day; each is recorded in its turn (finish() records the
  // last ones). A contract whose plan fails is skipped, in its turn too.
  void process(const Contract& c, long long run_id) {
    try {
      plan(c, run_id);
    } catch (const RunStopped&) {
      throw;
    } catch (const std::exception& e) {
      stop_if_database_gone(db_, e);
      fail(c.id, e.what());
    }
  }

  // Records every document planned: the run's outcome is complete afterwards.
  void finish() { pipeline_.finish(); }

  // Where the next contracts' documents, skips and waiting credits are collected (a worker's item,
  // issue 16); call after finish().
  void collect_into(InvoicesOutcome& outcome, nlohmann::ordered_json& documents) {
    outcome_ = &outcome;
    documents_ = &documents;
  }

  // Starts reading ahead the records of those of `contracts` that may issue something today
  // (batch/contract_prefetch.h); without it, each is read in its turn.
  void read_ahead(const std::vector<Contract>& contracts) {
    std::vector<std::string> ids;
    for (const auto& c : contracts) try {
        if (today(c).may_issue) ids.push_back(c.id);
      } catch (const std::exception&) {
        // Not read ahead: its plan meets the same error in its turn and skips it, as without this.
      }
    prefetch_.emplace(context_, preparer_, std::move(ids), request_.date, kContractsReadAhead);
  }

 private:
  // Contracts read ahead of the one planned: enough for the reading thread never to make the
  // planning wait, few enough for their records to weigh nothing.
  static constexpr std::size_t kContractsReadAhead = 16;

  // What the contract's terms may bring today, known from the contract alone (cheap: before its
  // records are read).
  struct Today {
    std::optional<DuePeriod> due;
    std::optional<FinalSettlement> settlement;
    bool continuity_possible = false;
    bool may_issue = false;
  };
  Today today(const Contract& c) const {
    Today t;
    if (auto profile = context_.profiles().find(c.terms_profile); profile != context_.profiles().end()) {
      t.due = invoice_due_on(c, profile->second.billing, request_.date);
      if (!t.due) t.settlement = final_settlement_on(c, profile->second.billing, request_.date);
      t.continuity_possible = continuity_invoice_possible(c, profile->second, request_.date);
    }
    t.may_issue = t.due || t.settlement || t.continuity_possible || uncredited_.count(c.id);
    return t;
  }

  void plan(const Contract& c, long long run_id) {
    const auto [due, settlement, continuity_possible, may_issue] = today(c);
    if (!may_issue) return;  // nothing to issue for this contract today
    Preparation prepared;
    if (prefetch_) {
      prepared = prefetch_->next(c.id);
    } else {
      prepared.contract = preparer_.prepare(c.id, request_.date, prepared.problem);
    }
    if (!prepared.contract) return skip(c.id, prepared.problem.record, prepared.problem.reason);
    const auto p = std::make_shared<const PreparedContract>(std::move(*prepared.contract));

    // A contract's documents depend on each other (its credit notes cite its continuity invoice,
    // its invoice deducts its credit notes, B4): each is planned once the contract's previous ones
    // are recorded. A contract that failed issues nothing more, as before.
    bool submitted = false;
    auto settled = [&] {
      if (submitted) pipeline_.finish();
      submitted = false;
      return !failed_.count(c.id);
    };

    // R4: the continuity invoice of last month first, so that the credit notes of that month,
    // issued next, can cite it (they are deducted from the next invoice, B4).
    if (continuity_possible)
      if (auto continuity = contract_continuity(p->records, p->terms->reversibility))
        if (auto owed = continuity_invoice_due_on(c, p->terms->billing, *continuity, request_.date))
          submitted = issue_continuity_invoice(p, *continuity, *owed, run_id);
    if (!settled()) return;

    const std::string id = c.id;
    const CreditNoteSink sink{
        [this](IssueResult n) { record(n, true); },
        [this, id](WaitingCredit w) {
          // Listed in the manifest and the journal and counted in the summary; logged at debug level so
          // a nightly log does not repeat it every night until the invoice exists. B4: a waiting credit
          // never stops the contract's invoices.
          spdlog::debug("contract {}: credits of {} waiting: {}", id, format_year_month(w.month), w.reason);
          outcome_->waiting_credits.push_back(w);
          // An error rather than a rule: the run says something needs a look (exit code), though the
          // contract's invoices are issued below.
          if (w.failed) {
            spdlog::error("contract {}: credit note of {} failed: {}", id, format_year_month(w.month), w.reason);
            outcome_->skipped.push_back({id, "credit note " + id + " " + format_year_month(w.month), w.reason});
          }
        }};
    const std::size_t before = pipeline_.submitted();
    issue_credit_notes(db_, output_, p, request_.date, run_id, pipeline_, &credit_note_numbers_, sink);
    submitted = pipeline_.submitted() != before;
    // Waiting only when something is left to plan for the contract: otherwise its documents stay
    // in flight while the next contracts are planned (waiting at every contract would leave one
    // core idle).
    if ((!due && !settlement) || !settled()) return;
    if (due) submitted = issue_periodic_invoice(p, *due, run_id);
    if (!settlement || !settled()) return;
    issue_final_settlement(p, *settlement, run_id);
  }

  // What distinguishes one invoice from another: its ledger key, the days it bills, its lines.
  struct InvoiceContent {
    std::string key;  // issued_documents.period: the billed period's first day
    Date billed_from{}, billed_to{};
    std::vector<DraftLine> lines;
    std::vector<std::string> notes;
  };

  using Prepared = std::shared_ptr<const PreparedContract>;

  // Each returns whether a document went to its transaction (false: found already issued, or none due).
  bool issue_periodic_invoice(const Prepared& p, const DuePeriod& due, long long run_id) {
    const std::string key = periodic_invoice_key(due.period.first);
    if (found(p->records.contract.id, key)) return false;
    return issue_invoice(p, {key, due.billed_from, due.period.last, invoice_lines(*p, due, wording_of(*p)), {}},
                         run_id);
  }

  // B1 (Decision): the day after its end, an ended contract's last variable lines, if any, are
  // invoiced alone, keyed apart from the periodic invoice of the same period.
  bool issue_final_settlement(const Prepared& p, const FinalSettlement& s, long long run_id) {
    const std::string key = final_invoice_key(s.from);
    if (found(p->records.contract.id, key)) return false;
    const BillingWording& w = wording_of(*p);
    std::vector<DraftLine> lines = variable_lines(*p, s.from, s.to, w);
    if (lines.empty()) return false;
    const std::string note = w.phrase("note.final_invoice", {{"ended", format_date_text(s.to, w.language())}});
    return issue_invoice(p, {key, s.from, s.to, std::move(lines), {note}}, run_id);
  }

  // R4 Decision: the continuity days of last month, invoiced in arrears at the price in force (one
  // line per service, B2 proration), with the variable lines of those days.
  bool issue_continuity_invoice(const Prepared& p, const ContinuityPeriod& continuity, const ContinuityDue& owed,
                                long long run_id) {
    const std::string key = continuity_invoice_key(owed.month);
    if (found(p->records.contract.id, key)) return false;
    const BillingWording& w = wording_of(*p);
    const Language language = w.language();
    std::vector<DraftLine> lines = continuity_lines(*p, owed, w);
    for (auto& l : variable_lines(*p, owed.billed.first, owed.billed.last, w)) lines.push_back(std::move(l));
    std::string note = w.phrase("note.continuity", {{"month", month_label(owed.month, language)},
                                                    {"from", format_date_text(owed.billed.first, language)},
                                                    {"to", format_date_text(owed.billed.last, language)}});
    if (owed.last)
      note += w.phrase(continuity.takeover ? "note.continuity_last_takeover" : "note.continuity_last_end",
                       {{"last", format_date_text(continuity.last, language)}});
    return issue_invoice(p, {key, owed.billed.first, owed.billed.last, std::move(lines), {note}}, run_id);
  }

  // An invoice of the contract already in the ledger under `key`: noted in its turn.
  bool found(const std::string& contract_id, const std::string& key) {
    auto existing = find_issued_document(db_, DocumentKind::invoice, contract_id, key);
    if (!existing) return false;
    pipeline_.then([this, r = IssueResult{*existing, false}] { record(r, false); });
    return true;
  }

  // B4: the credit notes not yet deducted, oldest first, while the invoice bears them whole.
  std::vector<CreditNoteBalance> deductions_now(const std::string& contract_id, Money total_ttc) {
    std::vector<CreditNoteBalance> balances;
    for (const auto& n : load_credit_notes_of_contract(db_, contract_id))
      balances.push_back({n.number, n.issued_on, n.total_ttc, n.deducted_by.has_value()});
    return credit_notes_to_deduct(balances, request_.date, total_ttc);
  }

  bool issue_invoice(const Prepared& p, InvoiceContent content, long long run_id) {
    const Contract& c = p->records.contract;
    std::vector<InvoiceLineInput> inputs;
    for (const auto& l : content.lines) inputs.push_back(l.input);
    const InvoiceTotals totals = invoice_totals(inputs);
    std::vector<std::string> units;
    for (const auto& l : content.lines) units.push_back(l.unit_code);
    IssuedDocument draft;
    draft.kind = DocumentKind::invoice;
    draft.contract_id = c.id;
    draft.period = content.key;
    draft.issued_on = request_.date;
    draft.run_id = run_id;
    draft.total_ht = totals.total_ht;
    draft.total_vat = totals.total_vat;
    draft.total_ttc = totals.total_ttc;
    auto build = [this, p, content = std::move(content), totals, units](
                     const std::string& number, const std::vector<CreditNoteBalance>& deductions) {
      return build_invoice({{number, request_.date, output_.engine().provider(), p->records.account,
                             p->records.contract.id, p->terms->billing},
                            content.billed_from,
                            content.billed_to,
                            totals,
                            units,
                            deductions,
                            content.notes});
    };
    // Planned ahead (issue 16): rendered on a worker with the forecast number and the deductions
    // read now; the transaction checks both.
    std::optional<std::string> forecast = invoice_numbers_.next();
    const std::vector<CreditNoteBalance> planned_deductions = deductions_now(c.id, totals.total_ttc);
    auto planned = std::make_shared<const InvoiceDocument>(build(*forecast, planned_deductions));
    auto render = [this, planned, p] { return AheadFiles{output_.stage_ahead(*planned, p->records.account)}; };
    pipeline_.submit(render, [=, this, id = c.id](AheadFiles* ahead) {
      try {
        // B3: computed when recorded, after the contract's earlier invoice of the night recorded its own.
        const std::vector<FeeRevision> revisions = computed_revisions(db_, p->records);
        IssueResult r = issue_and_publish(db_, draft, [&](IssuedDocument& record) {
          // B4: read again under issue_document's lock so that a concurrent run cannot deduct them too.
          const std::vector<CreditNoteBalance> deductions = deductions_now(id, totals.total_ttc);
          const InvoiceDocument d = build(*record.number, deductions);
          record_document_vat(db_, d.number, totals.vat);
          std::vector<std::string> numbers;
          for (const auto& x : deductions) numbers.push_back(x.number);
          record_deductions(db_, d.number, numbers);
          record_fee_revisions(db_, revisions);
          // The file rendered ahead is this invoice when its number and deductions are these.
          if (ahead && !ahead->empty() && *forecast == d.number && planned_deductions == deductions)
            return adopt_ahead(*ahead);
          return std::vector<StagedFile>{output_.stage(d, p->records.account)};
        });
        if (r.newly_issued)
          invoice_numbers_.issued(*r.document.number);
        else
          invoice_numbers_.dropped();
        record(r, false);
      } catch (const RunStopped&) {
        throw;
      } catch (const std::exception& e) {
        invoice_numbers_.dropped();
        stop_if_database_gone(db_, e);
        failed_.insert(id);
        report_failure(id, e.what());
      }
    });
    return true;
  }

  // The billing wording of the contract's account's language (templates/<lang>/billing.json).
  const BillingWording& wording_of(const PreparedContract& p) const {
    return output_.engine().billing_wording(output_.engine().language_of(p.records.account.language));
  }

  void record(const IssueResult& r, bool credit_note) {
    if (!r.newly_issued)
      ++outcome_->already_issued;
    else if (credit_note)
      ++outcome_->credit_notes_issued;
    else
      ++outcome_->invoices_issued;
    documents_->push_back(manifest_entry(r, request_.out));
  }

  // The contract failed (not a rule: a data problem): skipped, in its turn.
  void fail(const std::string& contract, const std::string& reason) {
    failed_.insert(contract);
    pipeline_.then([this, contract, reason] { report_failure(contract, reason); });
  }
  void report_failure(const std::string& contract, const std::string& reason) {
    spdlog::error("contract {} failed: {}", contract, reason);
    outcome_->skipped.push_back({contract, "contract " + contract, reason});
  }

  void skip(const std::string& contract, const std::string& what, const std::string& reason) {
    pipeline_.then([this, contract, what, reason] {
      spdlog::warn("contract {} skipped: {}: {}", contract, what, reason);
      outcome_->skipped.push_back({contract, what, reason});
    });
  }

  RunContext& context_;
  Database& db_;
  const InvoicesRequest& request_;
  InvoicesOutcome* outcome_;
  nlohmann::ordered_json* documents_;
  BillingOutput output_;
  ContractPreparer preparer_;
  std::optional<ContractPrefetch> prefetch_;  // when reading ahead (read_ahead)
  BillingPipeline pipeline_;
  NumberForecast invoice_numbers_, credit_note_numbers_;
  std::set<std::string> uncredited_;
  std::set<std::string> failed_;  // contracts that failed tonight: nothing more is planned for them
};

}  // namespace

InvoicesOutcome run_invoices(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                             Instant now) {
  Database& db = context.database();
  InvoicesOutcome outcome;
  start_invoices_run(db, request, now, outcome);
  GroupCommit group_commit(db, GroupCommit::kDocumentsPerFlush);  // issue 16: one flush per 64 documents
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  std::vector<Contract> contracts;
  if (request.contract_id) {
    if (auto c = load_contract(db, *request.contract_id))
      contracts.push_back(*c);
    else
      outcome.skipped.push_back({*request.contract_id, "contract " + *request.contract_id, "no such contract"});
  } else {
    contracts = load_contracts(db);
  }
  // Documents planned ahead of their transaction (issue 16) keep both cores busy.
  InvoicesRun run(context, engine, request, outcome, documents, RenderWindow::for_this_machine());
  try {
    run.read_ahead(contracts);
    TerminalProgress progress("invoices " + format_date(request.date), contracts.size());
    for (const auto& c : contracts) {
      progress.advance();
      try {
        run.process(c, outcome.run_id);
      } catch (const RunStopped&) {
        throw;
      } catch (const std::exception& e) {
        stop_if_database_gone(db, e);
        spdlog::error("contract {} failed: {}", c.id, e.what());
        outcome.skipped.push_back({c.id, "contract " + c.id, e.what()});
      }
    }
    run.finish();
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

// A worker renders each document in its transaction (in flight 0): the workers are the parallelism,
// and a planning pass (store/document_planning.h) must render nothing.
struct InvoicesItems::Impl {
  Impl(RunContext& c, const DocumentEngine& engine, const InvoicesRequest& request, long long id)
      : context(c), run(c, engine, request, unused_outcome, unused_documents, RenderWindow{}), run_id(id) {}
  RunContext& context;
  InvoicesOutcome unused_outcome;  // collects nothing: each item gives its own (collect_into)
  nlohmann::ordered_json unused_documents = nlohmann::ordered_json::array();
  InvoicesRun run;
  long long run_id;
};

InvoicesItems::InvoicesItems(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                             long long run_id)
    : impl_(new Impl(context, engine, request, run_id)) {}
InvoicesItems::~InvoicesItems() = default;

void InvoicesItems::process(const std::string& contract_id, InvoicesOutcome& outcome,
                            nlohmann::ordered_json& documents) {
  Database& db = impl_->context.database();
  auto c = load_contract(db, contract_id);
  if (!c) return outcome.skipped.push_back({contract_id, "contract " + contract_id, "no such contract"});
  try {
    impl_->run.collect_into(outcome, documents);
    impl_->run.process(*c, impl_->run_id);
    impl_->run.finish();
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

void start_invoices_run(Database& db, const InvoicesRequest& request, Instant now, InvoicesOutcome& outcome) {
  std::string parameters = "--date " + format_date(request.date);
  if (request.contract_id) parameters += " --contract " + *request.contract_id;
  outcome.run_id = start_run(db, "invoices", parameters, now);
  outcome.interrupted_runs = mark_interrupted_runs(db, outcome.run_id);
  outcome.recovery = recover_output(db, request.out);
}

void finish_invoices_run(RunContext& context, const BillingOutput& output, const InvoicesRequest& request,
                         InvoicesOutcome& outcome, const nlohmann::ordered_json& documents, int contracts,
                         Instant now) {
  Database& db = context.database();
  publish_issued_documents();  // the documents are on disk before the manifest says they are
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array(), waiting = nlohmann::ordered_json::array();
  for (const auto& s : outcome.skipped)
    skipped.push_back({{"contract", s.contract_id}, {"record", s.record}, {"reason", s.reason}});
  for (const auto& w : outcome.waiting_credits)
    waiting.push_back({{"contract", w.contract_id},
                       {"month", format_year_month(w.month)},
                       {"credit_cents", w.amount.cents},
                       {"reason", w.reason}});
  nlohmann::ordered_json manifest = {
      {"kind", "invoices"},
      {"date", format_date(request.date)},
      {"documents", documents},
      {"credits_waiting", waiting},
      {"skipped", skipped},
      {"journal", outcome.journal.empty() ? "" : outcome.journal.lexically_relative(request.out).string()}};
  add_run_findings(manifest, outcome.recovery, outcome.interrupted_runs, outcome.stopped);
  const std::string stem =
      "manifest-" + format_date(request.date) + (request.contract_id ? "-" + path_segment(*request.contract_id) : "");
  outcome.manifest = output.year_folder(int(request.date.year())) / (stem + ".json");
  write_file_atomically(outcome.manifest, manifest.dump(2) + "\n");
  RunCounts counts{std::max(0, contracts - int(outcome.skipped.size())), int(outcome.skipped.size()),
                   outcome.invoices_issued + outcome.credit_notes_issued};
  finish_run_if_possible(db, outcome.run_id, now, run_status(outcome.stopped, outcome.skipped.empty()), counts);
}

}  // namespace clause
