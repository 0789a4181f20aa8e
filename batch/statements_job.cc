#include "batch/statements_job.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "batch/document_publication.h"
#include "batch/job_items.h"
#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "batch/prepared_contract.h"
#include "batch/render_ahead.h"
#include "batch/run_findings.h"
#include "batch/run_stop.h"
#include "batch/terminal_progress.h"
#include "model/statement_reference.h"
#include "reports/format.h"
#include "reports/statement/statement_data.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"
#include "rules/continuity.h"
#include "rules/contract_month.h"
#include "rules/service_end.h"
#include "store/ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

// The ledger period of a corrective statement: the month, this infix, its revision ("2026-11-c1").
constexpr std::string_view kCorrectivePeriodInfix = "-c";

// R4: the longest continuity any profile grants after the end of service.
int max_continuity_days(RunContext& context) {
  int days = 0;
  for (const auto& [name, profile] : context.profiles())
    days = std::max(days, profile.reversibility.continuity_max_days);
  return days;
}

// One contract's statement on its way: prepared and computed on the main thread (database reads),
// rendered on a worker (template, PDF, XLSX, temporary files), recorded on the main thread again
// (ledger transaction, rename), in contract order so that runs are reproducible.
struct StatementWork {
  std::string contract_id;
  std::optional<PreparedContract> prepared;
  ContractMonthFigures figures;
  Date issued{};
  std::filesystem::path pdf_path, xlsx_path;
  std::optional<IssuedDocument> already_issued;  // found in the ledger: nothing to render
};

// The statement's PDF and workbook, staged for publication once the ledger row commits.
using RenderedFiles = std::vector<StagedFile>;

// The workbook's digest as the ledger holds it (read from the file for statements issued before
// the ledger kept it).
std::string xlsx_digest_of(Database& db, const std::filesystem::path& xlsx) {
  if (auto recorded = find_document_file(db, xlsx.string())) return recorded->file.sha256;
  return std::filesystem::exists(xlsx) ? sha256_of_file(xlsx) : "";
}

// What the manifest says of one statement: where it is and the figures a reviewer checks first.
nlohmann::ordered_json manifest_entry(const StatementWork& w, const IssuedDocument& pdf_doc,
                                      const std::filesystem::path& out,
                                      const std::function<std::string(const std::filesystem::path&)>& xlsx_digest) {
  nlohmann::ordered_json credits = nlohmann::ordered_json::object(), availability = nlohmann::ordered_json::object(),
                         shown = nlohmann::ordered_json::object();
  std::size_t incidents = 0;
  for (const auto& s : w.figures.services) {
    credits[s.service_id] = s.total.cents;
    if (s.availability) {
      availability[s.service_id] = s.availability->measure.availability.value;
      // F1: as the statement prints it, with the decimals that keep its tier visible.
      shown[s.service_id] = shown_percent_text(s.availability->measure.shown, Language::fr);
    }
    incidents += s.incidents.size();
  }
  auto relative = [&](const std::filesystem::path& p) { return p.lexically_relative(out).string(); };
  const std::string xlsx_sha = xlsx_digest(w.xlsx_path);
  return {{"contract", w.contract_id},
          {"account", w.prepared->records.account.id},
          {"kind", "statement"},
          {"pdf", {{"path", relative(pdf_doc.path)}, {"sha256", pdf_doc.sha256}}},
          {"xlsx", {{"path", relative(w.xlsx_path)}, {"sha256", xlsx_sha}}},
          {"credits_cents", credits},
          {"credit_total_cents", w.figures.total_credit.cents},
          {"availability_ppm", availability},
          {"availability", shown},
          {"incidents", incidents}};
}

// The month's credits by service, in cents: as computed now, and as recorded with the statement.
std::map<std::string, long long> computed_credits(const ContractMonthFigures& figures) {
  std::map<std::string, long long> out;
  for (const auto& s : figures.services)
    if (s.total.cents != 0) out[s.service_id] = s.total.cents;
  return out;
}

std::map<std::string, long long> recorded_credits(Database& db, const std::string& contract_id, YearMonth month) {
  std::map<std::string, long long> out;
  for (const ServiceCredit& c : load_service_credits_of_contract(db, contract_id))
    if (c.month == month && c.amount.cents != 0) out[c.service_id] = c.amount.cents;
  return out;
}

// What differs between the issued credits and those the current data gives, if anything.
std::optional<CreditDrift> credit_drift(const std::string& contract_id, const std::map<std::string, long long>& issued,
                                        const std::map<std::string, long long>& now) {
  if (issued == now) return std::nullopt;
  CreditDrift drift{contract_id, {}, {}, {}};
  std::set<std::string> services;
  for (const auto& [service, cents] : issued) {
    services.insert(service);
    drift.issued += Money::from_cents(cents);
  }
  for (const auto& [service, cents] : now) {
    services.insert(service);
    drift.recomputed += Money::from_cents(cents);
  }
  auto cents_of = [](const std::map<std::string, long long>& credits, const std::string& service) {
    auto at = credits.find(service);
    return at == credits.end() ? 0LL : at->second;
  };
  for (const auto& service : services)
    if (cents_of(issued, service) != cents_of(now, service)) drift.services.push_back(service);
  return drift;
}

class StatementsRun {
 public:
  StatementsRun(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request, long long run_id,
                Instant now)
      : db_(context.database()),
        engine_(engine),
        request_(request),
        run_id_(run_id),
        now_(now),
        preparer_(context),
        max_continuity_days_(max_continuity_days(context)) {}

  // Contracts of the selection that owed no statement for the month (N4, R4), left out quietly.
  int left_out() const { return quiet_; }

  void run(const std::vector<std::string>& ids, StatementsOutcome& outcome, nlohmann::ordered_json& documents) {
    // Rendering is CPU work and fsync waits: statements rendered ahead keep both cores busy.
    TerminalProgress progress("statements " + format_year_month(request_.month), ids.size());
    // A statement rendered but not recorded when the run stops is not issued: its files go.
    RenderAhead<StatementWork, RenderedFiles> ahead(
        RenderWindow::for_this_machine(),
        [&](StatementWork& work, std::future<RenderedFiles>& rendered) {
          record(work, rendered, outcome, documents);
          progress.advance();
        },
        [](std::future<RenderedFiles>& rendered) { discard(rendered.get()); });
    for (const auto& id : ids) {
      auto work = prepare(id, outcome);
      if (!work) {
        progress.advance();
        continue;
      }
      std::function<RenderedFiles(const StatementWork&)> render;
      if (!work->already_issued) render = [this](const StatementWork& w) { return this->render(w, reference_of(w)); };
      ahead.submit(std::move(work), std::move(render));
    }
    ahead.finish();
  }

 private:
  std::shared_ptr<StatementWork> prepare(const std::string& contract_id, StatementsOutcome& outcome) {
    try {
      auto w = std::make_shared<StatementWork>();
      w->contract_id = contract_id;
      ContractProblem problem;
      w->prepared = preparer_.prepare(contract_id, request_.month.last_day(), problem);
      if (!w->prepared) {
        if (!may_have_statement(contract_id)) return quiet(contract_id);
        return skip(outcome, contract_id, problem.record, problem.reason);
      }
      const auto& r = w->prepared->records;
      // N4, R4: a month after the end of service gets a statement only when it holds continuity
      // days; the widened selection brings in contracts that do not, which are left out quietly.
      if (!statement_month(r.contract, contract_continuity(r, w->prepared->terms->reversibility), request_.month))
        return quiet(contract_id);
      w->figures = compute_contract_month(r, *w->prepared->terms, w->prepared->clock, request_.month);
      if (!w->figures.problems.empty())
        return skip(outcome, contract_id, "contract " + contract_id, w->figures.problems[0]);
      w->issued = request_.month.next().first_day();
      const auto folder =
          request_.out / format_year_month(request_.month) / client_folder_name(r.account.name, r.account.id);
      const std::string stem = path_segment(contract_id) + "-releve-" + format_year_month(request_.month);
      w->pdf_path = folder / (stem + ".pdf");
      w->xlsx_path = folder / (stem + ".xlsx");
      w->already_issued =
          find_issued_document(db_, DocumentKind::statement, contract_id, format_year_month(request_.month));
      return w;
    } catch (const std::exception& e) {
      stop_if_database_gone(db_, e);
      return skip(outcome, contract_id, "contract " + contract_id, e.what());
    }
  }

  // "RM-<contract>-<month>": the reference of the month's statement.
  std::string reference_of(const StatementWork& w) const { return statement_reference(w.contract_id, request_.month); }

  // Worker side: touches no database and no shared mutable state.
  RenderedFiles render(const StatementWork& w, const std::string& reference,
                       const StatementCorrection* correction = nullptr) const {
    const auto& p = *w.prepared;
    Language language = engine_.language_of(p.records.account.language);
    StatementInput input{engine_.provider(), p.records, *p.terms,  w.figures,      p.clock,   engine_.wording(language),
                         language,           w.issued,  reference, engine_.logo(), correction};
    layout::Document layout = engine_.templates(language).render("statement", statement_data(input));
    pdf::PdfOptions options;
    options.created = Instant{std::chrono::sys_days{w.issued}};
    RenderedFiles files;
    try {
      files.push_back(stage_bytes(w.pdf_path, engine_.pdf().render(layout, options)));
      xlsx::render_xlsx(layout, temporary_name(w.xlsx_path),
                        {std::chrono::system_clock::to_time_t(options.created), engine_.provider().name, {}});
      files.push_back(stage_written(w.xlsx_path));
    } catch (...) {
      discard(files);
      std::error_code ignored;
      std::filesystem::remove(temporary_name(w.xlsx_path), ignored);
      throw;
    }
    return files;
  }

  // Main thread: the statement, its files and the credits it shows are recorded in one
  // transaction, and the files are renamed into place once it has committed; a statement already
  // issued is never issued again.
  void record(StatementWork& w, std::future<RenderedFiles>& rendered, StatementsOutcome& outcome,
              nlohmann::ordered_json& documents) {
    try {
      IssuedDocument document;
      if (w.already_issued) {
        document = *w.already_issued;
        ++outcome.already_issued;
        const auto recorded = recorded_credits(db_, w.contract_id, request_.month);
        if (auto drift = credit_drift(w.contract_id, recorded, computed_credits(w.figures))) {
          try {
            CorrectiveStatement corrective = issue_corrective(w, document, *drift, recorded, outcome);
            spdlog::warn(
                "contract {}: the statement of {} shows {} of credits, the data now gives {} ({}): it stays "
                "as issued; corrective statement {} issued",
                w.contract_id, format_year_month(request_.month), format_money_plain(drift->issued),
                format_money_plain(drift->recomputed), fmt::join(drift->services, ", "), corrective.reference);
            outcome.corrected.push_back(std::move(corrective));
          } catch (const std::exception& e) {
            stop_if_database_gone(db_, e);
            spdlog::error(
                "contract {}: the statement of {} shows {} of credits, the data now gives {} ({}): it stays "
                "as issued; a correction is due and could not be issued: {}",
                w.contract_id, format_year_month(request_.month), format_money_plain(drift->issued),
                format_money_plain(drift->recomputed), fmt::join(drift->services, ", "), e.what());
            outcome.drifted.push_back(std::move(*drift));
          }
        }
      } else {
        const RenderedFiles files = rendered.get();
        IssuedDocument draft;
        draft.kind = DocumentKind::statement;
        draft.contract_id = w.contract_id;
        draft.period = format_year_month(request_.month);
        draft.issued_on = w.issued;
        draft.run_id = run_id_;
        draft.total_ht = -w.figures.total_credit;  // what the client is owed, as the credit note will be
        IssueResult result;
        try {
          result = issue_and_publish(db_, draft, [&](IssuedDocument&) {
            std::vector<ServiceCredit> credits;
            for (const auto& s : w.figures.services)
              if (s.total.cents != 0) credits.push_back({w.contract_id, s.service_id, request_.month, s.total});
            write_service_credits(db_, credits);
            return files;
          });
        } catch (...) {
          discard(files);
          throw;
        }
        if (!result.newly_issued) {  // another run issued it meanwhile: keep theirs
          discard(files);
          ++outcome.already_issued;
        } else {
          ++outcome.issued;
        }
        document = result.document;
      }
      documents.push_back(manifest_entry(w, document, request_.out,
                                         [this](const std::filesystem::path& x) { return xlsx_digest_of(db_, x); }));
      for (const IssuedDocument& c : correctives_of(w.contract_id)) documents.push_back(corrective_entry(w, c));
    } catch (const std::exception& e) {
      stop_if_database_gone(db_, e);
      spdlog::error("contract {} failed: {}", w.contract_id, e.what());
      outcome.skipped.push_back({w.contract_id, "contract " + w.contract_id, e.what()});
    }
  }

  // The corrective statements of the month already in the ledger, by revision ("2026-11-c1"...).
  std::vector<IssuedDocument> correctives_of(const std::string& contract_id) const {
    const std::string prefix = format_year_month(request_.month) + std::string{kCorrectivePeriodInfix};
    std::vector<IssuedDocument> out;
    for (IssuedDocument& d : load_issued_documents_of_contract(db_, contract_id))
      if (d.kind == DocumentKind::statement && d.period.rfind(prefix, 0) == 0) out.push_back(std::move(d));
    std::sort(out.begin(), out.end(), [](const IssuedDocument& a, const IssuedDocument& b) { return a.id < b.id; });
    return out;
  }

  // What the manifest says of a corrective statement: which one it replaces, where it is, its credits.
  nlohmann::ordered_json corrective_entry(const StatementWork& w, const IssuedDocument& d) const {
    const std::string revision = d.period.substr(d.period.find(kCorrectivePeriodInfix) + kCorrectivePeriodInfix.size());
    std::filesystem::path xlsx(d.path);
    xlsx.replace_extension(".xlsx");
    return {{"contract", w.contract_id},
            {"account", w.prepared->records.account.id},
            {"kind", "corrective_statement"},
            {"reference", reference_of(w) + "-R" + revision},
            {"corrects", reference_of(w)},
            {"issued_on", format_date(d.issued_on)},
            {"pdf",
             {{"path", std::filesystem::path(d.path).lexically_relative(request_.out).string()}, {"sha256", d.sha256}}},
            {"xlsx", {{"path", xlsx.lexically_relative(request_.out).string()}, {"sha256", xlsx_digest_of(db_, xlsx)}}},
            {"credit_total_cents", -d.total_ht.cents}};
  }

  // The correction of an issued statement whose credits the data no longer gives: a new statement
  // (revision N, its own ledger period, files beside the original's with "-rectificatif-N"),
  // rendered with the current figures and what it replaces, recorded with the month's credits as
  // they now are (a service whose credit went away is recorded at 0) in one transaction, then
  // published. The original and its files are never touched (invariant 5).
  CorrectiveStatement issue_corrective(const StatementWork& w, const IssuedDocument& original, const CreditDrift& drift,
                                       const std::map<std::string, long long>& recorded, StatementsOutcome& outcome) {
    const int revision = int(correctives_of(w.contract_id).size()) + 1;
    const std::string suffix = "-rectificatif-" + std::to_string(revision);
    StatementWork cw = w;
    cw.issued = std::max(request_.correction_date.value_or(w.prepared->clock.local_date(now_)), original.issued_on);
    cw.pdf_path = w.pdf_path.parent_path() / (w.pdf_path.stem().string() + suffix + ".pdf");
    cw.xlsx_path = w.xlsx_path.parent_path() / (w.xlsx_path.stem().string() + suffix + ".xlsx");
    const std::string reference = reference_of(w) + "-R" + std::to_string(revision);
    const StatementCorrection correction{reference_of(w), original.issued_on, drift.issued, drift.recomputed};
    const RenderedFiles files = render(cw, reference, &correction);
    IssuedDocument draft;
    draft.kind = DocumentKind::statement;
    draft.contract_id = w.contract_id;
    draft.period = format_year_month(request_.month) + std::string{kCorrectivePeriodInfix} + std::to_string(revision);
    draft.issued_on = cw.issued;
    draft.run_id = run_id_;
    draft.total_ht = -w.figures.total_credit;
    IssueResult result;
    try {
      result = issue_and_publish(db_, draft, [&](IssuedDocument&) {
        std::map<std::string, Money> credits;
        for (const auto& [service, cents] : recorded) credits[service] = Money{};
        for (const auto& s : w.figures.services) credits[s.service_id] = s.total;
        std::vector<ServiceCredit> rows;
        for (const auto& [service, amount] : credits) rows.push_back({w.contract_id, service, request_.month, amount});
        write_service_credits(db_, rows);
        return files;
      });
    } catch (...) {
      discard(files);
      throw;
    }
    if (!result.newly_issued)
      discard(files);
    else
      ++outcome.issued;
    return {w.contract_id, reference, reference_of(w), drift.issued, drift.recomputed};
  }

  // A contract of the widened selection with no service and no continuity in the month: no
  // statement is due, so nothing is reported.
  std::shared_ptr<StatementWork> quiet(const std::string& contract) {
    spdlog::debug("contract {}: no service in {} (N4, R4): no statement", contract, format_year_month(request_.month));
    ++quiet_;
    return nullptr;
  }

  // Whether a contract that cannot be prepared could still owe a statement for the month: in
  // service on one of its days, or ended recently enough for continuity (R4) to reach it. A
  // broken contract whose term ended long ago is not reported every month.
  bool may_have_statement(const std::string& contract_id) const {
    const auto c = load_contract(db_, contract_id);
    if (!c) return true;  // "no such contract" is worth saying
    if (active_in_month(*c, request_.month)) return true;
    const std::optional<Date> end = service_end(*c);
    return end && add_days(*end, max_continuity_days_) >= request_.month.first_day();
  }

  std::shared_ptr<StatementWork> skip(StatementsOutcome& outcome, const std::string& contract,
                                      const std::string& record, const std::string& reason) {
    spdlog::warn("contract {} skipped: {}: {}", contract, record, reason);
    outcome.skipped.push_back({contract, record, reason});
    return nullptr;
  }

  Database& db_;
  const DocumentEngine& engine_;
  const StatementsRequest& request_;
  long long run_id_;
  Instant now_;  // dates a corrective statement
  ContractPreparer preparer_;
  int max_continuity_days_ = 0;
  int quiet_ = 0;  // contracts of the selection left out quietly
};

// The contracts that may owe a statement for the month: those whose recorded `end` is not before
// the month's first day less the longest continuity of the profiles (R4: continuity months get
// statements). The selection is wide on purpose (a K contract past its term with no `end` is in
// it); prepare() keeps only the months statement_month() says (N4, R4).
std::vector<std::string> contracts_of_month(Database& db, const StatementsRequest& request, int continuity_days) {
  if (request.contract_id) return {*request.contract_id};
  std::vector<std::string> ids;
  const Date first = add_days(request.month.first_day(), -continuity_days);
  for (const auto& c : load_contracts_active_between(db, first, request.month.last_day())) ids.push_back(c.id);
  return ids;
}

}  // namespace

StatementsOutcome run_statements(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                                 Instant now) {
  Database& db = context.database();
  StatementsOutcome outcome;
  start_statements_run(db, request, now, outcome);
  GroupCommit group_commit(db, GroupCommit::kDocumentsPerFlush);  // issue 16: one flush per 64 documents
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  const auto ids = contracts_of_month(db, request, max_continuity_days(context));
  std::optional<StatementsRun> statements;
  try {
    statements.emplace(context, engine, request, outcome.run_id, now);
    statements->run(ids, outcome, documents);
  } catch (const std::exception& e) {
    outcome.stopped = e.what();
    spdlog::error("statements {} stopped: {}", format_year_month(request.month), e.what());
  }
  finish_statements_run(context, request, outcome, documents, int(ids.size()), statements ? statements->left_out() : 0,
                        now);
  return outcome;
}

// Issue 16: the single run's pieces for the workers (batch/job_items.h).

struct StatementsItems::Impl {
  StatementsRun run;
};

StatementsItems::StatementsItems(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                                 long long run_id, Instant now)
    : impl_(new Impl{StatementsRun(context, engine, request, run_id, now)}) {}
StatementsItems::~StatementsItems() = default;

void StatementsItems::process(const std::string& contract_id, StatementsOutcome& outcome,
                              nlohmann::ordered_json& documents) {
  impl_->run.run({contract_id}, outcome, documents);
}

int StatementsItems::left_out() const { return impl_->run.left_out(); }

std::vector<std::string> statements_contracts(RunContext& context, const StatementsRequest& request) {
  return contracts_of_month(context.database(), request, max_continuity_days(context));
}

void start_statements_run(Database& db, const StatementsRequest& request, Instant now, StatementsOutcome& outcome) {
  std::string parameters = "--month " + format_year_month(request.month);
  if (request.contract_id) parameters += " --contract " + *request.contract_id;
  outcome.run_id = start_run(db, "statements", parameters, now);
  outcome.interrupted_runs = mark_interrupted_runs(db, outcome.run_id);
  outcome.recovery = recover_output(db, request.out);
}

void finish_statements_run(RunContext& context, const StatementsRequest& request, StatementsOutcome& outcome,
                           const nlohmann::ordered_json& documents, int contracts, int left_out, Instant now) {
  Database& db = context.database();
  publish_issued_documents();  // the documents are on disk before the manifest says they are
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array(), drifted = nlohmann::ordered_json::array(),
                         corrected = nlohmann::ordered_json::array();
  for (const auto& c : outcome.corrected)
    corrected.push_back({{"contract", c.contract_id},
                         {"reference", c.reference},
                         {"corrects", c.corrects},
                         {"issued_credit_cents", c.issued.cents},
                         {"recomputed_credit_cents", c.recomputed.cents}});
  for (const auto& s : outcome.skipped)
    skipped.push_back({{"contract", s.contract_id}, {"record", s.record}, {"reason", s.reason}});
  for (const auto& d : outcome.drifted)
    drifted.push_back({{"contract", d.contract_id},
                       {"issued_credit_cents", d.issued.cents},
                       {"recomputed_credit_cents", d.recomputed.cents},
                       {"services", d.services}});
  nlohmann::ordered_json manifest = {{"kind", "statements"},
                                     {"month", format_year_month(request.month)},
                                     {"documents", documents},
                                     {"skipped", skipped},
                                     {"corrections_due", drifted}};
  if (!corrected.empty()) manifest["corrections_issued"] = corrected;  // absent otherwise: unchanged manifests
  add_run_findings(manifest, outcome.recovery, outcome.interrupted_runs, outcome.stopped);
  outcome.manifest =
      request.out / format_year_month(request.month) /
      (request.contract_id ? "manifest-" + path_segment(*request.contract_id) + ".json" : "manifest.json");
  write_file_atomically(outcome.manifest, manifest.dump(2) + "\n");
  RunCounts counts{contracts - int(outcome.skipped.size()) - left_out, int(outcome.skipped.size()), outcome.issued};
  finish_run_if_possible(db, outcome.run_id, now, run_status(outcome.stopped, outcome.skipped.empty()), counts);
}

}  // namespace clause
