// The wording of rule traces (rules/trace.h): one phrase per trace key, per language, read once per
// run from templates/<lang>/traces.json, so that the statement, the workbook and `clause explain`
// say the same thing. A phrase names the step's figures in braces, "{deadline}", and each figure is
// written by its type: an instant as a local date-time in the contract's zone with the weekday
// ("ven. 20/11/2026 17:30", so a reader can check HO/HNO himself), money "1 250,00 €", durations
// "3 h 40", percents "25 %", availabilities "99,898 %", dates "23/11/2026", booleans "oui"/"non".
//
// traces.json:
//   { "words":   { "weekdays": ["lun.", ... 7 items, Monday first], "yes": "oui", "no": "non",
//                  "separator": " → " },
//     "values":  { "cause": { "server": "le serveur", ... } },   // string figures worded by name
//     "phrases": { "gti_deadline_ho": "contacté le {contacted} (HO) : échéance GTI {deadline}", ... } }
// A placeholder may ask for part of an instant: {start:time} "13:10", {start:date} "23/11/2026";
// for a time of day held as minutes: {window_opens:clock} "01:00"; for basis points:
// {rate_basis_points:bp} "20 %".
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/format.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

// One worded step, for tables: the rule id and its sentence.
struct WordedStep {
  std::string rule;  // "S2"
  std::string text;  // "intervention à 13:10, 3 h 40 de retard : 25 % de ..."
};

class TraceWording {
 public:
  // Reads `file` (templates/<lang>/traces.json). Throws std::runtime_error
  // "FILE: reason" when the file cannot be read or does not have the shape above.
  static TraceWording load(const std::filesystem::path& file, Language language);
  // The same from parsed JSON; `origin` names the source in error messages.
  static TraceWording from_json(const nlohmann::json& text, Language language, const std::string& origin);

  Language language() const { return language_; }
  // Whether `key` has a phrase (a test checks every key the rules emit).
  bool has(std::string_view key) const;
  // The trace keys that have a phrase, sorted.
  std::vector<std::string> keys() const;

  // The step worded by its phrase. An unknown key, or a phrase naming a figure the step lacks,
  // falls back to "key: name=value, ..." with each value worded by its type: nothing is lost.
  std::string describe(const TraceStep& step, const ContractClock& clock) const;
  // The steps joined with the separator (" → ").
  std::string describe(const Trace& trace, const ContractClock& clock) const;
  // One worded step per trace step, in order.
  std::vector<WordedStep> describe_steps(const Trace& trace, const ContractClock& clock) const;

  // One figure's value worded by its type (no placeholder modifier).
  std::string figure_text(const Figure& figure, const ContractClock& clock) const;
  // An instant as a local date-time with its weekday: "ven. 20/11/2026 17:30".
  std::string instant_text(Instant t, const ContractClock& clock) const;

 private:
  std::string value_text(const Figure& figure, std::string_view modifier, const ContractClock& clock) const;
  std::string fallback(const TraceStep& step, const ContractClock& clock) const;

  Language language_ = Language::fr;
  std::vector<std::string> weekdays_;  // Monday first
  std::string yes_ = "oui";
  std::string no_ = "non";
  std::string separator_ = " → ";
  std::map<std::string, std::map<std::string, std::string>, std::less<>> values_;
  std::map<std::string, std::string, std::less<>> phrases_;
};

}  // namespace clause
