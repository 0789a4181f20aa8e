#include "reports/pdf/cell_text.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "model/decimal.h"
#include "model/money.h"
#include "model/time.h"

namespace clause::pdf {

Language language_of(const std::string& code) { return code == "en" ? Language::en : Language::fr; }

std::string display_text(layout::CellType type, const std::string& value, Language lang) {
  using layout::CellType;
  switch (type) {
    case CellType::text:
      return value;
    case CellType::money:
      if (auto m = parse_money(value)) return format_money(*m, lang);
      return value;
    case CellType::date:
      if (auto d = parse_date(value)) return format_date_text(*d, lang);
      return value;
    case CellType::datetime: {
      // "2026-10-31T17:30": the date the French way, the local time as given.
      const auto t = value.find('T');
      if (t == std::string::npos) return value;
      auto d = parse_date(value.substr(0, t));
      if (!d) return value;
      std::string shown = format_date_text(*d, lang) + " " + value.substr(t + 1, 5);
      if (value.size() == t + 12 || value.size() == t + 15) {
        // F2: "+02:00" -> " UTC+2", "-03:30" -> " UTC-3:30".
        const std::string offset = value.substr(value.size() - 6);
        const std::chrono::minutes m{std::stoi(offset.substr(1, 2)) * 60 + std::stoi(offset.substr(4, 2))};
        shown += " " + format_utc_offset(offset[0] == '-' ? -m : m);
      }
      return shown;
    }
    case CellType::percent:
      if (auto v = parse_double(value)) return format_percent(*v, decimals_of(value), lang);
      return value;
    case CellType::number:
      if (auto v = parse_double(value)) return format_number(*v, decimals_of(value), lang);
      return value;
    case CellType::integer:
      if (auto v = parse_double(value)) return format_number(*v, 0, lang);
      return value;
  }
  return value;
}

}  // namespace clause::pdf
