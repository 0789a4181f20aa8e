// The wording of the billing documents, per language, read once per run from
// templates/<lang>/billing.json the way traces.json words the statements (reports/trace_text.h):
// the invoice and credit-note lines and notes the invoices job writes, the credit reason, and the
// billing journal's titles, sheets, column headers and references. Adding a language is adding
// one file; a provider rewords a line there without touching code or a layout.
//
// billing.json:
//   { "phrases": { "line.service": "Infogérance {period} — {service} — du {from} au {to}", ... },
//     "columns": { "journal": ["Numéro", ... 9], "unpaid": [... 7], "waiting": [... 5] } }
// A phrase names its figures in braces; each key has a fixed set of figures (kPhrases in the .cc).
// Loading refuses a missing or unknown key, a figure the key does not have, unbalanced braces or a
// wrong column count, as "FILE:LINE: KEY: reason", so a broken file stops the run before anything
// is issued.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/format.h"

namespace clause {

class BillingWording {
 public:
  // Reads `file` (templates/<lang>/billing.json). Throws std::runtime_error "FILE[:LINE]: reason".
  static BillingWording load(const std::filesystem::path& file, Language language);
  // The same from the file's text; `origin` names the source in error messages.
  static BillingWording parse(const std::string& text, Language language, const std::string& origin);

  Language language() const { return language_; }
  // The phrase of `key` with each {name} replaced by its value. `key` is one of kPhrases.
  std::string phrase(std::string_view key, const std::vector<std::pair<std::string, std::string>>& figures = {}) const;
  // The column headers of a journal sheet: "journal", "unpaid" or "waiting".
  const std::vector<std::string>& columns(std::string_view sheet) const;

 private:
  Language language_ = Language::fr;
  std::map<std::string, std::string, std::less<>> phrases_;
  std::map<std::string, std::vector<std::string>, std::less<>> columns_;
};

}  // namespace clause
