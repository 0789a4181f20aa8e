#include "batch/statements_job.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "batch/output_files.h"
#include "batch/prepared_contract.h"
#include "reports/statement/statement_data.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/contract_month.h"
#include "store/ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

// What the manifest says of one statement: where it is and the figures a reviewer checks first.
nlohmann::ordered_json manifest_entry(const ContractRecords& r, const ContractMonthFigures& f,
                                      const IssuedDocument& pdf_doc, const std::filesystem::path& xlsx,
                                      const std::string& xlsx_sha, const std::filesystem::path& out) {
  nlohmann::ordered_json credits = nlohmann::ordered_json::object(), availability = nlohmann::ordered_json::object();
  std::size_t incidents = 0;
  for (const auto& s : f.services) {
    credits[s.service_id] = s.total.cents;
    if (s.availability) availability[s.service_id] = s.availability->measure.availability.value;
    incidents += s.incidents.size();
  }
  auto relative = [&](const std::filesystem::path& p) { return std::filesystem::path(p).lexically_relative(out).string(); };
  return {{"contract", r.contract.id},
          {"account", r.account.id},
          {"kind", "statement"},
          {"pdf", {{"path", relative(pdf_doc.path)}, {"sha256", pdf_doc.sha256}}},
          {"xlsx", {{"path", relative(xlsx)}, {"sha256", xlsx_sha}}},
          {"credits_cents", credits},
          {"credit_total_cents", f.total_credit.cents},
          {"availability_ppm", availability},
          {"incidents", incidents}};
}

std::string statement_reference(const Contract& c, YearMonth m) {
  return "RM-" + c.id + "-" + format_year_month(m);
}

class StatementsRun {
 public:
  StatementsRun(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request)
      : db_(context.database()), engine_(engine), request_(request), preparer_(context) {}

  // Issues (or finds) the statement of one contract; returns nothing when the contract was skipped.
  void process(const std::string& contract_id, long long run_id, StatementsOutcome& outcome,
               nlohmann::ordered_json& documents) {
    const Date last_day{std::chrono::sys_days{request_.month.next().first_day()} - std::chrono::days{1}};
    ContractProblem problem;
    auto prepared = preparer_.prepare(contract_id, last_day, problem);
    if (!prepared) return skip(outcome, contract_id, problem.record, problem.reason);
    const ContractRecords* records = &prepared->records;
    const Contract& c = records->contract;
    const TermsProfile& terms = *prepared->terms;
    const ContractClock& clock = prepared->clock;
    ContractMonthFigures figures = compute_contract_month(*records, terms, clock, request_.month);
    if (!figures.problems.empty()) return skip(outcome, contract_id, "contract " + c.id, figures.problems[0]);

    const Date issued = request_.month.next().first_day();
    const auto folder = request_.out / format_year_month(request_.month) /
                        (safe_file_name(records->account.name) + "-" + safe_file_name(records->account.id));
    const std::string stem = safe_file_name(c.id) + "-releve-" + format_year_month(request_.month);
    const auto pdf_path = folder / (stem + ".pdf");
    const auto xlsx_path = folder / (stem + ".xlsx");

    IssuedDocument draft;
    draft.kind = DocumentKind::statement;
    draft.contract_id = c.id;
    draft.period = format_year_month(request_.month);
    draft.issued_on = issued;
    draft.run_id = run_id;
    draft.total_ht = -figures.total_credit;   // what the client is owed, as the credit note will be
    std::string xlsx_sha;
    IssueResult result = issue_document(db_, draft, [&](IssuedDocument& doc) {
      Language language = engine_.language_of(records->account.language);
      StatementInput input{engine_.provider(), *records, terms, figures, clock, engine_.wording(language), language,
                           issued, statement_reference(c, request_.month), engine_.logo()};
      layout::Document layout = engine_.templates(language).render("statement", statement_data(input));
      const Instant created{std::chrono::sys_days{issued}};
      pdf::PdfOptions options;
      options.created = created;
      std::string pdf = engine_.pdf().render(layout, options);
      write_file_atomically(pdf_path, pdf);
      auto tmp = temporary_name(xlsx_path);
      xlsx::render_xlsx(layout, tmp,
                        {std::chrono::system_clock::to_time_t(created), engine_.provider().name, {}});
      commit_file(tmp, xlsx_path);
      doc.path = pdf_path.string();
      doc.sha256 = sha256_hex(pdf);
      std::vector<ServiceCredit> credits;
      for (const auto& s : figures.services)
        if (s.total.cents != 0) credits.push_back({c.id, s.service_id, request_.month, s.total});
      write_service_credits(db_, credits);
    });
    if (result.newly_issued) {
      ++outcome.issued;
      spdlog::debug("issued statement {} for {}", result.document.path, c.id);
    } else {
      ++outcome.already_issued;
      spdlog::debug("statement of {} for {} already issued: nothing new", c.id, draft.period);
    }
    xlsx_sha = std::filesystem::exists(xlsx_path) ? sha256_of_file(xlsx_path) : "";
    documents.push_back(manifest_entry(*records, figures, result.document, xlsx_path, xlsx_sha, request_.out));
  }

 private:
  void skip(StatementsOutcome& outcome, const std::string& contract, const std::string& record,
            const std::string& reason) {
    spdlog::warn("contract {} skipped: {}: {}", contract, record, reason);
    outcome.skipped.push_back({contract, record, reason});
  }

  Database& db_;
  const DocumentEngine& engine_;
  const StatementsRequest& request_;
  ContractPreparer preparer_;
};

std::vector<std::string> contracts_of_month(Database& db, const StatementsRequest& request) {
  if (request.contract_id) return {*request.contract_id};
  const Date first = request.month.first_day();
  const Date last = Date{std::chrono::sys_days{request.month.next().first_day()} - std::chrono::days{1}};
  std::vector<std::string> ids;
  for (const auto& c : load_contracts_active_between(db, first, last)) ids.push_back(c.id);
  return ids;
}

}  // namespace

StatementsOutcome run_statements(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                                 Instant now) {
  Database& db = context.database();
  StatementsOutcome outcome;
  std::string parameters = "--month " + format_year_month(request.month);
  if (request.contract_id) parameters += " --contract " + *request.contract_id;
  outcome.run_id = start_run(db, "statements", parameters, now);
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  StatementsRun run(context, engine, request);
  const auto ids = contracts_of_month(db, request);
  for (const auto& id : ids) {
    try {
      run.process(id, outcome.run_id, outcome, documents);
    } catch (const std::exception& e) {
      spdlog::error("contract {} failed: {}", id, e.what());
      outcome.skipped.push_back({id, "contract " + id, e.what()});
    }
  }
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const auto& s : outcome.skipped) skipped.push_back({{"contract", s.contract_id}, {"record", s.record}, {"reason", s.reason}});
  nlohmann::ordered_json manifest = {{"kind", "statements"},
                                     {"month", format_year_month(request.month)},
                                     {"documents", documents},
                                     {"skipped", skipped}};
  outcome.manifest = request.out / format_year_month(request.month) /
                     (request.contract_id ? "manifest-" + safe_file_name(*request.contract_id) + ".json" : "manifest.json");
  write_file_atomically(outcome.manifest, manifest.dump(2) + "\n");
  RunCounts counts{int(ids.size() - outcome.skipped.size()), int(outcome.skipped.size()), outcome.issued};
  finish_run(db, outcome.run_id, now, outcome.skipped.empty() ? RunStatus::succeeded : RunStatus::partial, counts);
  return outcome;
}

}  // namespace clause
