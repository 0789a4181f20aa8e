// Billing wording (billing_wording.h): the keys each language file must word, their figures, and
// the checks that make a broken file fail at load with its file, line and reason.
#include "reports/invoice/billing_wording.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace clause {
namespace {

struct PhraseSpec {
  const char* key;
  std::vector<std::string> figures;  // the {names} the phrase may use
};

// Every phrase the code asks for, with the figures it gives (B1-B5 lines, B4 credit reason, the
// journal). A key here is required in every language file; a key not here is refused.
const std::vector<PhraseSpec> kPhrases = {
    {"period.monthly", {}},
    {"period.quarterly", {}},
    {"period.annual", {}},
    {"line.service", {"period", "service", "from", "to"}},
    {"line.prorated", {"days", "days_in_period"}},
    {"line.intervention", {"intervention", "date", "service", "length"}},
    {"line.intervention_client_caused", {}},
    {"line.intervention_emergency", {"rank"}},
    {"line.intervention_quoted", {}},
    {"line.mail_overage", {"month", "peak", "step", "quota"}},
    {"line.continuity", {"service", "from", "to"}},
    {"line.service_credit", {"service", "month"}},
    {"line.further_credit", {"month", "reference"}},
    {"note.final_invoice", {"ended"}},
    {"note.continuity", {"month", "from", "to"}},
    {"note.continuity_last_takeover", {"last"}},
    {"note.continuity_last_end", {"last"}},
    {"reason.credit", {"month", "statement"}},
    {"reason.further_credit", {"month", "reference", "statement"}},
    {"journal.title", {"date"}},
    {"journal.subject", {}},
    {"journal.sheet", {}},
    {"journal.total", {}},
    {"journal.invoice", {}},
    {"journal.credit_note", {}},
    {"journal.reference_period", {"period"}},
    {"journal.reference_final", {"period"}},
    {"journal.reference_continuity", {"month"}},
    {"journal.reference_credit_note", {"period", "invoice"}},
    {"unpaid.heading", {"date"}},
    {"unpaid.sheet", {}},
    {"unpaid.separator", {}},
    {"unpaid.service_stops", {"date"}},
    {"unpaid.definitive_suspension", {"date"}},
    {"unpaid.interventions_suspended", {}},
    {"unpaid.all_sums_due_now", {}},
    {"waiting.heading", {"date"}},
    {"waiting.sheet", {}},
};

// The journal sheets and their column counts (reports/journal/journal_document.cc).
const std::vector<std::pair<const char*, std::size_t>> kColumns = {{"journal", 9}, {"unpaid", 7}, {"waiting", 5}};

// The 1-based line of the first `"key"` in the text, for messages; 0 when not found.
std::size_t line_of(const std::string& text, const std::string& key) {
  const auto at = text.find("\"" + key + "\"");
  if (at == std::string::npos) return 0;
  return std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n')) + 1;
}

[[noreturn]] void fail(const std::string& origin, std::size_t line, const std::string& reason) {
  throw std::runtime_error(origin + (line ? ":" + std::to_string(line) : "") + ": " + reason);
}

// The {names} of a phrase; a lone or nested brace is refused.
std::vector<std::string> figures_of(const std::string& phrase, bool& balanced) {
  std::vector<std::string> out;
  balanced = true;
  std::size_t i = 0;
  while ((i = phrase.find_first_of("{}", i)) != std::string::npos) {
    if (phrase[i] == '}') return balanced = false, out;
    const auto close = phrase.find_first_of("{}", i + 1);
    if (close == std::string::npos || phrase[close] == '{') return balanced = false, out;
    out.push_back(phrase.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return out;
}

}  // namespace

BillingWording BillingWording::load(const std::filesystem::path& file, Language language) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file.generic_string(), 0, "cannot read the billing wording");
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), language, file.generic_string());
}

BillingWording BillingWording::parse(const std::string& text, Language language, const std::string& origin) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    fail(origin, 0, std::string("not valid JSON: ") + e.what());
  }
  if (!json.is_object()) fail(origin, 1, "expected an object with \"phrases\" and \"columns\"");
  for (const auto& [name, _] : json.items())
    if (name != "phrases" && name != "columns") fail(origin, line_of(text, name), "unknown section \"" + name + "\"");
  BillingWording out;
  out.language_ = language;

  const nlohmann::json phrases = json.value("phrases", nlohmann::json());
  if (!phrases.is_object()) fail(origin, line_of(text, "phrases"), "phrases must map a key to its phrase");
  for (const auto& [key, value] : phrases.items()) {
    const auto spec = std::find_if(kPhrases.begin(), kPhrases.end(), [&](const PhraseSpec& s) { return key == s.key; });
    const std::size_t line = line_of(text, key);
    if (spec == kPhrases.end()) fail(origin, line, key + ": unknown phrase");
    if (!value.is_string()) fail(origin, line, key + ": must be text");
    const std::string phrase = value.get<std::string>();
    bool balanced = true;
    for (const std::string& figure : figures_of(phrase, balanced))
      if (std::find(spec->figures.begin(), spec->figures.end(), figure) == spec->figures.end())
        fail(origin, line, key + ": unknown figure {" + figure + "}");
    if (!balanced) fail(origin, line, key + ": unbalanced braces");
    out.phrases_[key] = phrase;
  }
  for (const PhraseSpec& spec : kPhrases)
    if (!out.phrases_.count(spec.key))
      fail(origin, line_of(text, "phrases"), std::string(spec.key) + ": missing phrase");

  const nlohmann::json columns = json.value("columns", nlohmann::json());
  if (!columns.is_object()) fail(origin, line_of(text, "columns"), "columns must map a sheet to its column titles");
  for (const auto& [sheet, titles] : columns.items()) {
    const auto spec = std::find_if(kColumns.begin(), kColumns.end(), [&](const auto& s) { return sheet == s.first; });
    const std::size_t line = line_of(text, sheet);
    if (spec == kColumns.end()) fail(origin, line, "columns." + sheet + ": unknown sheet");
    if (!titles.is_array() || titles.size() != spec->second)
      fail(origin, line, "columns." + sheet + ": must list " + std::to_string(spec->second) + " column titles");
    for (const auto& t : titles) {
      if (!t.is_string()) fail(origin, line, "columns." + sheet + ": must hold text");
      out.columns_[sheet].push_back(t.get<std::string>());
    }
  }
  for (const auto& [sheet, count] : kColumns)
    if (!out.columns_.count(sheet))
      fail(origin, line_of(text, "columns"), std::string("columns.") + sheet + ": missing");
  return out;
}

std::string BillingWording::phrase(std::string_view key,
                                   const std::vector<std::pair<std::string, std::string>>& figures) const {
  const auto found = phrases_.find(key);
  if (found == phrases_.end()) throw std::logic_error("billing wording without phrase " + std::string(key));
  const std::string& p = found->second;
  std::string out;
  std::size_t i = 0;
  while (i < p.size()) {
    const auto open = p.find('{', i);
    if (open == std::string::npos) break;
    const auto close = p.find('}', open);  // balanced: checked at load time
    out.append(p, i, open - i);
    const std::string name = p.substr(open + 1, close - open - 1);
    const auto figure = std::find_if(figures.begin(), figures.end(), [&](const auto& f) { return f.first == name; });
    out += figure != figures.end() ? figure->second : "";
    i = close + 1;
  }
  out.append(p, std::min(i, p.size()), std::string::npos);
  return out;
}

const std::vector<std::string>& BillingWording::columns(std::string_view sheet) const {
  const auto found = columns_.find(sheet);
  if (found == columns_.end()) throw std::logic_error("billing wording without columns " + std::string(sheet));
  return found->second;
}

}  // namespace clause
