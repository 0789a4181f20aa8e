// French (and English) presentation of figures, in one place: "1 234,56 €" with a narrow
// no-break space (U+202F) as thousands separator, "31/10/2026", "99,95 %". Templates never format.
#pragma once

#include <string>
#include <string_view>

#include "model/money.h"
#include "model/time.h"
#include "rules/trace.h"

namespace clause {

enum class Language { fr, en };

std::string format_money(Money m, Language lang = Language::fr);     // "1 234,56 €" / "€1,234.56"
std::string format_date_text(Date d, Language lang = Language::fr);  // "31/10/2026" / "2026-10-31"
std::string format_percent(double percent, int decimals, Language lang = Language::fr);  // "99,95 %"
// F2: a UTC offset as shown beside an ambiguous local time: "UTC+2", "UTC-3:30".
std::string format_utc_offset(std::chrono::minutes offset);
// F1: "99,9004 %", "66,7 %", "—" when there is nothing to measure.
std::string shown_percent_text(const ShownPercent& p, Language lang = Language::fr);
// The same in machine form for a typed cell: "99.9004", "66.7", "" when unknown.
std::string shown_percent_value(const ShownPercent& p);
std::string format_number(double value, int decimals, Language lang = Language::fr);  // "1 234,5"
std::string format_duration(std::chrono::minutes m, Language lang = Language::fr);    // "3 h 40"
// Exact to the second when it matters (F1): "0 h 43" for 43:00, "0 h 43 min 12 s" for 43:12.
std::string format_duration(std::chrono::seconds s, Language lang = Language::fr);

}  // namespace clause
