// Typed layout values as a French (or English) reader sees them: "1234.56" money becomes
// "1 234,56 €", "2026-10-31" becomes "31/10/2026", through reports/format.h only, so that the PDF
// and every other output agree on one presentation.
#pragma once

#include <string>
#include <vector>

#include "reports/format.h"
#include "reports/layout/layout.h"

namespace clause::pdf {

// The displayed text of a typed machine value. Numbers keep the decimals the document gave
// ("99.953" percent -> "99,953 %"); a value that does not parse as its type is shown as given.
std::string display_text(layout::CellType type, const std::string& value, Language lang);

// Language::en for "en", Language::fr otherwise.
Language language_of(const std::string& code);

}  // namespace clause::pdf
