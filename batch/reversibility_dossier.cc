// The reversibility dossier (batch/reversibility_dossier.h): load -> rules (R1-R5, and the monthly
// figures exactly as the statements compute them) -> check every issued file against the ledger ->
// report and minutes (batch/reversibility_report.h) and workbook from the templates -> folder,
// manifest, zip -> milestones recorded.
#include "batch/reversibility_dossier.h"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "batch/dossier_archive.h"
#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "batch/prepared_contract.h"
#include "batch/reversibility_report.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"
#include "rules/reversibility.h"
#include "store/billing_ledger.h"

namespace clause {
namespace {

using json = nlohmann::json;

}  // namespace

DossierRefused::DossierRefused(std::vector<std::string> p)
    : std::runtime_error(p.empty() ? std::string("dossier refused") : p.front()), problems(std::move(p)) {}

DossierOutcome build_reversibility_dossier(RunContext& context, const DocumentEngine& engine,
                                           const DossierRequest& request) {
  Database& db = context.database();
  const std::string& id = request.contract_id;
  ContractPreparer preparer(context);
  ContractProblem problem;
  auto prepared = preparer.prepare(id, request.date, problem);
  if (!prepared)
    throw DossierRefused(
        {(problem.record == "contract " + id ? problem.record : "contract " + id + ": " + problem.record) + ": " +
         problem.reason});
  const ContractRecords& records = prepared->records;
  const TermsProfile& terms = *prepared->terms;
  const ContractClock& clock = prepared->clock;
  const Language language = engine.language_of(records.account.language);
  const TraceWording& wording = engine.wording(language);

  // R1-R4 of the latest request (by request date, then id, as rules/continuity.h picks it).
  const ReversibilityRequest* latest = nullptr;
  for (const auto& r : records.reversibility_requests)
    if (!latest || r.requested > latest->requested || (r.requested == latest->requested && r.id > latest->id))
      latest = &r;
  if (!latest) throw DossierRefused({"contract " + id + " has no reversibility request (reversibility_requests.csv)"});

  // R5 milestones asked for on this run, in their order (minutes first, then destruction).
  std::optional<ReversibilityMilestones> recorded = find_reversibility_milestones(db, latest->id);
  if (request.record_pv || request.record_destruction) {
    std::vector<std::string> refused;
    const std::optional<Date> pv =
        request.record_pv ? request.record_pv : (recorded ? recorded->pv_signed : std::nullopt);
    if (request.record_pv && *request.record_pv < latest->requested)
      refused.push_back("--record-pv " + format_date(*request.record_pv) + ": before request " + latest->id + " of " +
                        format_date(latest->requested));
    if (request.record_destruction && !pv)
      refused.push_back("--record-destruction: the minutes of request " + latest->id +
                        " are not recorded; record them first with --record-pv DATE (R5)");
    else if (request.record_destruction && *request.record_destruction < *pv)
      refused.push_back("--record-destruction " + format_date(*request.record_destruction) +
                        ": before the minutes signed on " + format_date(*pv) + " (R5)");
    if (recorded && recorded->destroyed)
      refused.push_back("request " + latest->id + ": the file was closed by the destruction of " +
                        format_date(*recorded->destroyed) + "; nothing more can be recorded");
    if (!refused.empty()) throw DossierRefused(refused);
  }

  // R2 reads what the buyer owes on Clause's invoices (TTC less the credit notes each deducted, B4),
  // as the échéancier does.
  std::vector<IssuedInvoice> invoices;
  for (const IssuedDocument& d : load_issued_documents_of_contract(db, id))
    if (d.kind == DocumentKind::invoice && d.number)
      invoices.push_back({*d.number, d.issued_on, add_days(d.issued_on, terms.billing.payment_days),
                          d.total_ttc - deducted_from_invoice(db, *d.number)});
  const ReversibilitySchedule schedule =
      reversibility_schedule(*latest, records.contract.holiday_zone, invoices, records.payments, terms.reversibility);
  const DossierContents contents = dossier_contents(records.services, records.backups);

  std::optional<Date> pv_signed =
      request.record_pv ? request.record_pv : (recorded ? recorded->pv_signed : std::nullopt);
  std::optional<Date> destroyed =
      request.record_destruction ? request.record_destruction : (recorded ? recorded->destroyed : std::nullopt);

  // Every file of every document issued to the client, checked against the ledger. After the
  // destruction the statements' files are gone on purpose (R5) and are listed, not checked.
  std::vector<DossierFile> files;
  std::vector<std::string> problems;
  for (ContractDocumentFile& f : load_contract_document_files(db, id)) {
    DossierFile c{std::move(f), ""};
    const bool statement = c.file.kind == DocumentKind::statement;
    const bool gone_by_destruction = statement && recorded && recorded->destroyed;
    if (!gone_by_destruction) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(c.file.path, ec))
        problems.push_back(c.file.path + ": missing (" + std::string(to_word(c.file.kind)) + " " +
                           c.file.number.value_or(c.file.period) + " of contract " + id + ")");
      else if (const std::string sha = sha256_of_file(c.file.path); sha != c.file.sha256)
        problems.push_back(c.file.path + ": SHA-256 " + sha + " differs from the ledger's " + c.file.sha256 + " (" +
                           std::string(to_word(c.file.kind)) + " " + c.file.number.value_or(c.file.period) + ")");
    }
    if (!destroyed)
      c.copy = std::string("documents/") + dossier_kind_folder(c.file.kind) + "/" +
               std::filesystem::path(c.file.path).filename().string();
    files.push_back(std::move(c));
  }
  if (!problems.empty()) throw DossierRefused(problems);

  const ProviderIdentity& provider = engine.provider();
  const json data = reversibility_report_data({provider, records, terms, clock, wording, language, preparer, *latest,
                                               schedule, contents, files, request.date, pv_signed, destroyed});

  // --- files: a fresh folder beside the old one, swapped in whole ---
  const auto client = request.out / "reversibility" / client_folder_name(records.account.name, records.account.id);
  DossierOutcome outcome;
  outcome.folder = client / path_segment(id);
  outcome.archive = client / (path_segment(id) + ".zip");
  const auto staging = temporary_name(outcome.folder);
  // What an interrupted build left (a staging folder, an archive not yet renamed): this run holds
  // the database's lock, so no other build of this dossier is going on.
  if (std::filesystem::is_directory(client))
    for (const auto& e : std::filesystem::directory_iterator(client)) {
      const std::string name = e.path().filename().string();
      if (name.rfind(path_segment(id) + ".tmp-", 0) == 0 || name == path_segment(id) + ".zip.build")
        std::filesystem::remove_all(e.path());
    }
  std::filesystem::create_directories(staging);
  for (const DossierFile& c : files)
    if (!c.copy.empty()) {
      std::filesystem::create_directories((staging / c.copy).parent_path());
      std::filesystem::copy_file(c.file.path, staging / c.copy, std::filesystem::copy_options::overwrite_existing);
    }
  const Instant created{std::chrono::sys_days{request.date}};
  pdf::PdfOptions options;
  options.created = created;
  const auto& set = engine.templates(language);
  const layout::Document report = set.render("reversibility", data);
  write_file_atomically(staging / "dossier-reversibilite.pdf", engine.pdf().render(report, options));
  write_file_atomically(staging / "proces-verbal.pdf",
                        engine.pdf().render(set.render("reversibility_pv", data), options));
  xlsx::render_xlsx(report, staging / "inventaires.xlsx",
                    {std::chrono::system_clock::to_time_t(created), provider.name, {}});

  json manifest_files = json::array();
  std::vector<std::filesystem::path> all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(staging))
    if (e.is_regular_file()) all.push_back(e.path());
  std::sort(all.begin(), all.end());
  for (const auto& p : all)
    manifest_files.push_back({{"path", p.lexically_relative(staging).generic_string()},
                              {"bytes", static_cast<long long>(std::filesystem::file_size(p))},
                              {"sha256", sha256_of_file(p)}});
  nlohmann::ordered_json manifest = {
      {"kind", "reversibility_dossier"},
      {"contract", id},
      {"request", latest->id},
      {"date", format_date(request.date)},
      {"late", schedule.late},
      {"start", schedule.start ? format_date(*schedule.start) : ""},
      {"delivery_deadline", schedule.delivery_deadline ? format_date(*schedule.delivery_deadline) : ""},
      {"services_until", format_date(schedule.services_until)},
      {"pv_signed", pv_signed ? format_date(*pv_signed) : ""},
      {"destroyed", destroyed ? format_date(*destroyed) : ""},
      {"files", manifest_files}};
  write_file_atomically(staging / "manifest.json", manifest.dump(2) + "\n");

  // R5: the destruction is recorded before anything is removed, so a crash in between leaves the
  // file closed and the next run (or the operator) finishes the removal, never the opposite.
  ReversibilityMilestones m{latest->id,
                            id,
                            latest->requested,
                            latest->end_of_service,
                            schedule.request_deadline,
                            schedule.late,
                            schedule.start,
                            schedule.delivery_deadline,
                            schedule.continuity_limit,
                            schedule.services_until,
                            request.date,
                            "",
                            pv_signed,
                            destroyed};
  const auto zip_tmp = outcome.archive.string() + ".build";
  write_zip_of_folder(staging, path_segment(id), zip_tmp, std::chrono::sys_seconds{created});
  m.dossier_sha256 = sha256_of_file(zip_tmp);
  {
    soci::transaction tx(db.session());
    save_reversibility_schedule(db, m);
    if (request.record_pv) record_reversibility_pv(db, latest->id, *request.record_pv);
    tx.commit();
  }
  if (request.record_destruction)
    record_reversibility_destruction(
        db, latest->id, id, *request.record_destruction,
        {0, Instant{std::chrono::sys_days{*request.record_destruction}}, std::nullopt, "reversibility_destruction",
         "contract", id, "request " + latest->id + ": statements' files and dossier copies removed (R5)"});
  // R5: once the destruction is recorded the statements' files go, also those a run interrupted
  // after the commit left behind (a rebuild of a closed file finishes the removal).
  if (destroyed)
    for (const DossierFile& c : files)
      if (c.file.kind == DocumentKind::statement && std::filesystem::exists(c.file.path)) {
        std::error_code ec;
        if (std::filesystem::remove(c.file.path, ec)) outcome.removed.push_back(c.file.path);
      }
  std::filesystem::remove_all(outcome.folder);
  std::filesystem::rename(staging, outcome.folder);
  std::filesystem::rename(zip_tmp, outcome.archive);
  outcome.archive_sha256 = m.dossier_sha256;
  outcome.milestones = *find_reversibility_milestones(db, latest->id);
  outcome.documents_checked = int(files.size());
  return outcome;
}

}  // namespace clause
