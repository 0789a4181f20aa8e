// The nightly report (batch/night_report.h). Built as a layout Document in code, as the billing
// journal and the échéancier are: it is the provider's own record, not a client document, so it
// has no template to customise.
#include "batch/night_report.h"

#include <cctype>
#include <chrono>
#include <map>

#include "batch/exit_codes.h"
#include "batch/layout_cells.h"
#include "batch/output_files.h"
#include "reports/format.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"

namespace clause {
namespace {

using namespace layout_cells;
using layout::Align;
using layout::CellType;

std::string kind_name(DocumentKind kind, Language language) {
  switch (kind) {
    case DocumentKind::statement:
      return pick(language, "Relevés (avoirs accordés)", "Statements (credits granted)");
    case DocumentKind::invoice:
      return pick(language, "Factures", "Invoices");
    case DocumentKind::credit_note:
      return pick(language, "Avoirs", "Credit notes");
    case DocumentKind::reversibility_dossier:
      return pick(language, "Dossiers de réversibilité", "Reversibility dossiers");
  }
  return "";
}

struct KindTotal {
  int count = 0;
  Money ht, ttc;
};

// Per kind, in ledger order (statements, invoices, credit notes): how many and their totals.
std::map<DocumentKind, KindTotal> totals_by_kind(const std::vector<IssuedDocument>& issued) {
  std::map<DocumentKind, KindTotal> out;
  for (const auto& d : issued) {
    KindTotal& t = out[d.kind];
    ++t.count;
    t.ht += d.total_ht;
    t.ttc += d.total_ttc;
  }
  return out;
}

std::string one_kind(DocumentKind kind, Language language) {
  switch (kind) {
    case DocumentKind::statement:
      return pick(language, "Relevé", "Statement");
    case DocumentKind::invoice:
      return pick(language, "Facture", "Invoice");
    case DocumentKind::credit_note:
      return pick(language, "Avoir", "Credit note");
    case DocumentKind::reversibility_dossier:
      return pick(language, "Dossier", "Dossier");
  }
  return "";
}

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string step_result(int code, Language language) {
  switch (code) {
    case kDone:
      return pick(language, "terminée", "done");
    case kDoneWithRejects:
      return pick(language, "terminée, avec des points à voir", "done, with something to look at");
    case kStoppedPartWay:
      return pick(language, "arrêtée en cours (la prochaine nuit la reprend)",
                  "stopped part-way (the next run resumes it)");
    default:
      return pick(language, "échec", "failed");
  }
}

std::filesystem::path report_folder(const std::filesystem::path& out, const NightReport& report) {
  if (report.dry_run) return out / "nightly" / "dry-run";
  return out / "nightly" / std::to_string(int(report.night.year()));
}

// What every issuing job's outcome has: its step, contracts skipped, files left wrong, a stop.
template <class Outcome>
void add_job(NightReport& report, const std::string& name, int exit_code, const std::string& summary,
             const Outcome& outcome) {
  report.steps.push_back({name, exit_code, summary});
  for (const auto& s : outcome.skipped) report.skipped.push_back({name, s.contract_id, s.record + ": " + s.reason});
  for (const auto& p : outcome.recovery.problems) report.failures.push_back(p);
  if (outcome.stopped) report.failures.push_back(name + ": " + *outcome.stopped);
}

}  // namespace

void NightReport::add(const std::string& name, int exit_code, const std::string& summary,
                      const StatementsOutcome& outcome) {
  add_job(*this, name, exit_code, summary, outcome);
  corrected.insert(corrected.end(), outcome.corrected.begin(), outcome.corrected.end());
  drifted.insert(drifted.end(), outcome.drifted.begin(), outcome.drifted.end());
}

void NightReport::add(const std::string& name, int exit_code, const std::string& summary,
                      const InvoicesOutcome& outcome) {
  add_job(*this, name, exit_code, summary, outcome);
  waiting.insert(waiting.end(), outcome.waiting_credits.begin(), outcome.waiting_credits.end());
}

layout::Document night_report_document(const NightReport& report, const std::string& provider, Language language) {
  layout::Document doc;
  doc.language = language == Language::en ? "en" : "fr";
  doc.title = std::string(report.dry_run ? pick(language, "Simulation — ", "Dry run — ") : "") +
              pick(language, "Rapport de la nuit du ", "Nightly report of ") + format_date_text(report.night, language);
  doc.author = provider;
  doc.subject = pick(language, "Documents émis, contrats écartés, avoirs en attente, échéances",
                     "Documents issued, contracts skipped, credits waiting, dates due");
  doc.header = provider + " · " + doc.title;
  doc.blocks.push_back(layout::Heading{1, doc.title});
  if (report.dry_run)
    doc.blocks.push_back(layout::Paragraph{{{pick(
        language,
        "Simulation sur une copie de la base : aucun des documents ci-dessous n'a été émis, aucun numéro n'a été pris.",
        "Rehearsed on a copy of the database: none of the documents below was issued, no number was taken.")}}});

  layout::Table steps;
  steps.name = pick(language, "Étapes", "Steps");
  steps.columns = {{pick(language, "Étape", "Step"), 3},
                   {pick(language, "Résultat", "Result"), 4},
                   {pick(language, "Détail", "Detail"), 10}};
  for (const auto& s : report.steps)
    steps.rows.push_back({text(s.name), text(step_result(s.exit_code, language)), text(s.summary)});
  doc.blocks.push_back(std::move(steps));

  layout::Table kinds;
  kinds.name = pick(language, "Totaux par type", "Totals per kind");
  kinds.columns = {{pick(language, "Type", "Kind"), 5},
                   {pick(language, "Nombre", "Count"), 2, Align::right, CellType::integer},
                   {pick(language, "Total HT", "Total excl. VAT"), 3, Align::right, CellType::money},
                   {pick(language, "Total TTC", "Total incl. VAT"), 3, Align::right, CellType::money}};
  for (const auto& [kind, t] : totals_by_kind(report.issued)) {
    // A statement records the month's credits as a negative HT total, without VAT: shown as the
    // credits granted, a positive amount.
    kinds.rows.push_back({text(kind_name(kind, language)),
                          {CellType::integer, std::to_string(t.count)},
                          money(kind == DocumentKind::statement ? -t.ht : t.ht),
                          kind == DocumentKind::statement ? text("") : money(t.ttc)});
  }
  doc.blocks.push_back(layout::Heading{2, pick(language, "Documents émis", "Documents issued")});
  if (report.issued.empty())
    doc.blocks.push_back(
        layout::Paragraph{{{pick(language, "Aucun document émis cette nuit.", "No document issued this night.")}}});
  else
    doc.blocks.push_back(std::move(kinds));

  layout::Table issued;
  issued.name = pick(language, "Documents", "Documents");
  // Widths so that "Facture", "CTR-K-SAINTROCH" and a date are never cut inside a word.
  issued.columns = {{pick(language, "Type", "Kind"), 3},
                    {pick(language, "Numéro ou fichier", "Number or file"), 7},
                    {pick(language, "Contrat", "Contract"), 5},
                    {pick(language, "Période", "Period"), 3},
                    {pick(language, "HT", "Excl. VAT"), 3, Align::right, CellType::money},
                    {pick(language, "TTC", "Incl. VAT"), 3, Align::right, CellType::money}};
  for (const auto& d : report.issued)
    issued.rows.push_back({text(one_kind(d.kind, language)), text(d.number.value_or(file_name(d.path))),
                           text(d.contract_id), text(d.period),
                           money(d.kind == DocumentKind::statement ? -d.total_ht : d.total_ht),
                           d.kind == DocumentKind::statement ? text("") : money(d.total_ttc)});
  if (!report.issued.empty()) doc.blocks.push_back(std::move(issued));

  if (!report.corrected.empty() || !report.drifted.empty()) {
    layout::Table corrections;
    corrections.name = pick(language, "Rectificatifs", "Corrections");
    corrections.columns = {{pick(language, "Contrat", "Contract"), 4},
                           {pick(language, "Relevé", "Statement"), 6},
                           {pick(language, "Corrige", "Corrects"), 6},
                           {pick(language, "Avoirs avant", "Credits before"), 3, Align::right, CellType::money},
                           {pick(language, "Avoirs après", "Credits after"), 3, Align::right, CellType::money}};
    for (const auto& c : report.corrected)
      corrections.rows.push_back(
          {text(c.contract_id), text(c.reference), text(c.corrects), money(c.issued), money(c.recomputed)});
    for (const auto& c : report.drifted)
      corrections.rows.push_back({text(c.contract_id), text(pick(language, "(non émis)", "(not issued)")), text(""),
                                  money(c.issued), money(c.recomputed)});
    doc.blocks.push_back(std::move(corrections));
  }

  if (!report.waiting.empty()) {
    layout::Table waiting;
    waiting.name = pick(language, "Avoirs en attente", "Credits waiting");
    waiting.columns = {{pick(language, "Contrat", "Contract"), 4},
                       {pick(language, "Mois", "Month"), 2},
                       {pick(language, "Montant HT", "Amount excl. VAT"), 3, Align::right, CellType::money},
                       {pick(language, "Raison", "Reason"), 10}};
    for (const auto& w : report.waiting)
      waiting.rows.push_back({text(w.contract_id), text(format_year_month(w.month)), money(w.amount), text(w.reason)});
    doc.blocks.push_back(std::move(waiting));
  }

  if (!report.mail_warnings.empty()) {
    layout::Table warnings;
    warnings.name = pick(language, "Quota de messagerie dépassé (B5)", "Mail quota exceeded (B5)");
    warnings.columns = {{pick(language, "Contrat", "Contract"), 4},
                        {pick(language, "Client", "Client"), 5},
                        {pick(language, "Dépassé le", "Exceeded on"), 2, Align::left, CellType::date},
                        {pick(language, "Utilisé (Go)", "Used (GB)"), 2, Align::right, CellType::number},
                        {pick(language, "Quota (Go)", "Quota (GB)"), 2, Align::right, CellType::integer}};
    for (const auto& w : report.mail_warnings)
      warnings.rows.push_back({text(w.contract_id),
                               text(w.client),
                               {CellType::date, format_date(w.day)},
                               {CellType::number, std::to_string(w.megabytes / 1000) + "." +
                                                      std::to_string(1000 + w.megabytes % 1000).substr(1, 1)},
                               {CellType::integer, std::to_string(w.quota_gb)}});
    doc.blocks.push_back(std::move(warnings));
    doc.blocks.push_back(layout::Paragraph{{{pick(language,
                                                  "Le client est averti au premier dépassement (D art. 6.1) ; la "
                                                  "facturation commence après 30 jours consécutifs au-delà du quota.",
                                                  "The client is warned at the first exceedance (D Art. 6.1); billing "
                                                  "starts after 30 consecutive days above the quota.")}},
                                           true});
  }

  if (!report.skipped.empty()) {
    layout::Table skipped;
    skipped.name = pick(language, "Contrats écartés", "Contracts skipped");
    skipped.columns = {{pick(language, "Étape", "Step"), 2},
                       {pick(language, "Contrat", "Contract"), 4},
                       {pick(language, "Raison", "Reason"), 12}};
    for (const auto& s : report.skipped) skipped.rows.push_back({text(s.step), text(s.contract_id), text(s.reason)});
    doc.blocks.push_back(std::move(skipped));
  }

  if (!report.failures.empty()) {
    doc.blocks.push_back(layout::Heading{2, pick(language, "Échecs", "Failures")});
    for (const auto& f : report.failures) doc.blocks.push_back(layout::Paragraph{{{f}}});
  }

  layout::Table upcoming;
  upcoming.name = pick(language, "Échéancier 7 jours", "Next 7 days");
  upcoming.columns = {{pick(language, "Date", "Date"), 3, Align::left, CellType::date},
                      {pick(language, "Contrat", "Contract"), 4},
                      {pick(language, "Règle", "Rule"), 2},
                      {pick(language, "Objet", "What"), 11}};
  for (const auto& e : report.upcoming.entries)
    upcoming.rows.push_back(
        {{CellType::date, format_date(e.item.date)}, text(e.item.contract_id), text(e.item.rule), text(e.what)});
  if (report.upcoming.entries.empty())
    doc.blocks.push_back(layout::Paragraph{
        {{pick(language, "Rien ne tombe dans les 7 jours.", "Nothing falls due in the next 7 days.")}}});
  else
    doc.blocks.push_back(std::move(upcoming));
  return doc;
}

std::string night_summary(const NightReport& report, const std::filesystem::path& pdf) {
  constexpr std::size_t kListed = 3;  // per list: the screen stays one screen
  std::string out =
      std::string(report.dry_run ? "DRY RUN (nothing issued) " : "") + "night " + format_date(report.night) + ":\n";
  for (const auto& s : report.steps) out += "  " + s.name + ": " + step_result(s.exit_code, Language::en) + "\n";
  if (report.issued.empty()) out += "  no document issued\n";
  for (const auto& [kind, t] : totals_by_kind(report.issued)) {
    std::string name = kind == DocumentKind::statement ? "statements" : kind_name(kind, Language::en);
    name[0] = char(std::tolower(static_cast<unsigned char>(name[0])));
    if (kind == DocumentKind::statement)
      out += "  " + std::to_string(t.count) + " " + name + ": " + format_money(-t.ht, Language::en) +
             " of credits granted\n";
    else
      out += "  " + std::to_string(t.count) + " " + name + ": " + format_money(t.ht, Language::en) + " excl. VAT, " +
             format_money(t.ttc, Language::en) + " incl. VAT\n";
  }
  auto list = [&](const std::string& title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out += "  " + title + ": " + std::to_string(lines.size()) + "\n";
    for (std::size_t i = 0; i < lines.size() && i < kListed; ++i) out += "    " + lines[i] + "\n";
    if (lines.size() > kListed)
      out += "    ... and " + std::to_string(lines.size() - kListed) + " more, see the report\n";
  };
  std::vector<std::string> lines;
  for (const auto& c : report.corrected)
    lines.push_back(c.reference + " corrects " + c.corrects + " (" + format_money(c.issued, Language::en) + " -> " +
                    format_money(c.recomputed, Language::en) + ")");
  for (const auto& c : report.drifted) lines.push_back(c.contract_id + ": correction due, not issued");
  list("corrections", lines);
  lines.clear();
  for (const auto& w : report.waiting)
    lines.push_back(w.contract_id + " " + format_year_month(w.month) + " " + format_money(w.amount, Language::en) +
                    ": " + w.reason);
  list("credits waiting", lines);
  lines.clear();
  for (const auto& w : report.mail_warnings)
    lines.push_back(w.contract_id + " (" + w.client + "): mail quota of " + std::to_string(w.quota_gb) +
                    " GB exceeded on " + format_date(w.day) + ", warn the client (B5)");
  list("mail quota warnings", lines);
  lines.clear();
  for (const auto& s : report.skipped) lines.push_back(s.step + " " + s.contract_id + ": " + s.reason);
  list("skipped", lines);
  lines.clear();
  for (const auto& e : report.upcoming.entries)
    lines.push_back(format_date(e.item.date) + " " + e.item.contract_id + " " + e.item.rule + " " + e.what);
  list("next 7 days", lines);
  list("FAILURES", report.failures);
  out += "  report: " + pdf.string() + "\n";
  return out;
}

NightReportFiles write_night_report(const NightReport& report, const pdf::PdfRenderer& renderer,
                                    const std::filesystem::path& out, const std::string& provider, Language language) {
  const auto folder = report_folder(out, report);
  std::filesystem::create_directories(folder);
  const std::string stem = "nightly-" + format_date(report.night);
  NightReportFiles files{folder / (stem + ".pdf"), folder / (stem + ".xlsx")};
  const layout::Document doc = night_report_document(report, provider, language);
  // Dated by the night, not the wall clock: the same night gives the same report.
  const Instant created = std::chrono::sys_days{report.night};

  write_file_atomically(files.pdf, renderer.render(doc, {false, created, {}, {}}));
  const auto xlsx_tmp = temporary_name(files.workbook);
  xlsx::render_xlsx(doc, xlsx_tmp, {std::chrono::system_clock::to_time_t(created), provider, {}});
  commit_file(xlsx_tmp, files.workbook);
  return files;
}

}  // namespace clause
