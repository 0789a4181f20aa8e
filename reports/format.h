// French (and English) presentation of figures, in one place: "1 234,56 €" with a narrow
// no-break space (U+202F) as thousands separator, "31/10/2026", "99,95 %". Templates never format.
#pragma once

#include <string>
#include <string_view>

#include "model/money.h"
#include "model/time.h"

namespace clause {

enum class Language { fr, en };

std::string format_money(Money m, Language lang = Language::fr);          // "1 234,56 €" / "€1,234.56"
std::string format_date_text(Date d, Language lang = Language::fr);        // "31/10/2026" / "2026-10-31"
std::string format_percent(double percent, int decimals, Language lang = Language::fr);  // "99,95 %"
std::string format_number(double value, int decimals, Language lang = Language::fr);     // "1 234,5"
std::string format_duration(std::chrono::minutes m, Language lang = Language::fr);       // "3 h 40"

}  // namespace clause
