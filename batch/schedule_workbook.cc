// The échéancier workbook and manifest (batch/schedule_workbook.h), written as the billing journal
// is (batch/billing_journal.cc): layout Document -> xlsx renderer -> temporary file -> rename.
#include "batch/schedule_workbook.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "batch/layout_cells.h"
#include "batch/output_files.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"

namespace clause {
namespace {

using namespace layout_cells;
using layout::Align;
using layout::CellType;

// "R2 fin de service le ... → R3 livraison ...": each step with the rule it applies.
std::string detail(const ScheduleEntry& e, const std::string& separator) {
  std::string out;
  for (const auto& step : e.trace) out += (out.empty() ? "" : separator) + step.rule + " " + step.text;
  return out;
}

Date last_day(const ScheduleWindow& w) { return add_days(w.until(), -1); }

std::string stem(const ScheduleWindow& w) { return "schedule-" + format_date(w.from) + "-" + std::to_string(w.days); }

}  // namespace

layout::Document schedule_document(const Schedule& schedule, const std::string& provider, Language language) {
  layout::Document doc;
  doc.language = language == Language::en ? "en" : "fr";
  doc.title = std::string(pick(language, "Échéancier du ", "Schedule from ")) +
              format_date_text(schedule.window.from, language) + pick(language, " au ", " to ") +
              format_date_text(last_day(schedule.window), language);
  doc.author = provider;
  doc.subject = pick(language, "Préavis, fins de service, réversibilité, impayés",
                     "Notices, ends of service, reversibility, unpaid");
  doc.blocks.push_back(layout::Heading{1, doc.title});
  layout::Table t;
  t.name = pick(language, "Échéancier", "Schedule");
  t.columns = {{pick(language, "Date", "Date"), 1.5, Align::left, CellType::date},
               {pick(language, "Contrat", "Contract"), 2.5, Align::left, CellType::text},
               {pick(language, "Client", "Client"), 4, Align::left, CellType::text},
               {pick(language, "Règle", "Rule"), 1, Align::left, CellType::text},
               {pick(language, "Objet", "What"), 8, Align::left, CellType::text},
               {pick(language, "Détail", "Detail"), 12, Align::left, CellType::text}};
  for (const ScheduleEntry& e : schedule.entries)
    t.rows.push_back({{CellType::date, format_date(e.item.date)},
                      text(e.item.contract_id),
                      text(e.client),
                      text(e.item.rule),
                      text(e.what),
                      text(detail(e, " → "))});
  doc.blocks.push_back(std::move(t));
  return doc;
}

ScheduleFiles write_schedule(const Schedule& schedule, const std::filesystem::path& out, const std::string& provider,
                             Language language) {
  ScheduleFiles files;
  const auto folder = out / "schedule";
  std::filesystem::create_directories(folder);
  files.workbook = folder / (stem(schedule.window) + ".xlsx");
  files.manifest = folder / (stem(schedule.window) + ".json");

  const auto tmp = temporary_name(files.workbook);
  xlsx::render_xlsx(schedule_document(schedule, provider, language), tmp,
                    {std::chrono::system_clock::to_time_t(std::chrono::sys_days{schedule.window.from}), provider, {}});
  commit_file(tmp, files.workbook);

  nlohmann::ordered_json items = nlohmann::ordered_json::array(), skipped = nlohmann::ordered_json::array();
  for (const ScheduleEntry& e : schedule.entries) {
    nlohmann::ordered_json trace = nlohmann::ordered_json::array();
    for (const auto& step : e.trace) trace.push_back({{"rule", step.rule}, {"text", step.text}});
    items.push_back({{"date", format_date(e.item.date)},
                     {"contract", e.item.contract_id},
                     {"client", e.client},
                     {"rule", e.item.rule},
                     {"event", std::string(to_word(e.item.event))},
                     {"what", e.what},
                     {"trace", trace}});
  }
  for (const auto& s : schedule.skipped) skipped.push_back({{"contract", s.contract_id}, {"reason", s.reason}});
  // What the échéancier cannot date from the data (rules/schedule.h), said where the team reads it.
  const nlohmann::ordered_json not_scheduled = nlohmann::ordered_json::array(
      // N2 and N3 are dated since issue 12 from price_changes.csv and breach_notices.csv.
      {{{"rule", "B9"}, {"reason", "a K termination runs from a formal notice date, which the data does not hold"}}});
  nlohmann::ordered_json manifest = {{"kind", "schedule"},
                                     {"from", format_date(schedule.window.from)},
                                     {"days", schedule.window.days},
                                     {"to", format_date(last_day(schedule.window))},
                                     {"workbook", files.workbook.lexically_relative(out).generic_string()},
                                     {"items", items},
                                     {"skipped", skipped},
                                     {"not_scheduled", not_scheduled}};
  write_file_atomically(files.manifest, manifest.dump(2) + "\n");
  return files;
}

}  // namespace clause
