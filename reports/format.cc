// French and English presentation of figures (reports/format.h).
//
// Typography decisions, fixed here once:
// - French thousands separator: U+202F (narrow no-break space), as CLDR "fr" and the Imprimerie
//   nationale; decimal comma.
// - Before "€" and "%": U+00A0 (no-break space), as CLDR "fr" currency patterns. A narrow space
//   before "%" was tried: text extraction (pdftotext, the way clients and auditors search a PDF)
//   then read "5%" in one cell and "25 %" in the next; a full no-break space reads "5 %" always (F1).
// - Negative figures use the ASCII hyphen-minus "-": it survives copy and paste into a spreadsheet
//   and a text search in the PDF, which U+2212 does not.
// - Durations: "3 h 05" in French (minutes always two digits so that columns align), "3 h 05 min"
//   in English; a duration that decides a tier and has seconds shows them: "0 h 43 min 12 s" (F1).
#include "reports/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace clause {
namespace {

constexpr std::string_view kNarrowNbsp = "\u202F";
constexpr std::string_view kNbsp = "\u00A0";

// Inserts `separator` every three digits of an unsigned digit string: "1234567" -> "1 234 567".
std::string group_digits(std::string_view digits, std::string_view separator) {
  std::string out;
  std::size_t first = digits.size() % 3;
  if (first == 0) first = 3;
  out.append(digits.substr(0, first));
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out.append(separator);
    out.append(digits.substr(i, 3));
  }
  return out;
}

// A non-negative decimal "1234.50" laid out with the language's separators.
std::string localise(std::string_view plain, Language lang) {
  auto dot = plain.find('.');
  std::string_view whole = plain.substr(0, dot);
  std::string out = group_digits(whole, lang == Language::fr ? kNarrowNbsp : std::string_view{","});
  if (dot != std::string_view::npos) {
    out += lang == Language::fr ? ',' : '.';
    out.append(plain.substr(dot + 1));
  }
  return out;
}

// |value| rounded to `decimals` by printf (correct rounding of the binary value), and its sign;
// a value that rounds to zero is never negative ("-0,00" would confuse a reader).
std::pair<bool, std::string> rounded(double value, int decimals) {
  if (decimals < 0) decimals = 0;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string text = buffer;
  bool zero = text.find_first_not_of("0.") == std::string::npos;
  return {value < 0 && !zero, text};
}

}  // namespace

std::string format_money(Money m, Language lang) {
  std::int64_t c = m.cents < 0 ? -m.cents : m.cents;
  std::string plain = std::to_string(c / 100) + "." + (c % 100 < 10 ? "0" : "") + std::to_string(c % 100);
  std::string sign = m.cents < 0 ? "-" : "";
  if (lang == Language::fr) return sign + localise(plain, lang) + std::string(kNbsp) + "€";
  return sign + "€" + localise(plain, lang);
}

std::string format_date_text(Date d, Language lang) {
  if (lang == Language::en) return format_date(d);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
  return buffer;
}

std::string format_number(double value, int decimals, Language lang) {
  auto [negative, plain] = rounded(value, decimals);
  return (negative ? "-" : "") + localise(plain, lang);
}

std::string format_percent(double percent, int decimals, Language lang) {
  std::string number = format_number(percent, decimals, lang);
  return lang == Language::fr ? number + std::string(kNbsp) + "%" : number + "%";
}

std::string format_duration(std::chrono::minutes m, Language lang) {
  long long total = m.count();
  std::string sign = total < 0 ? "-" : "";
  if (total < 0) total = -total;
  long long rest = total % 60;
  std::string mm = (rest < 10 ? "0" : "") + std::to_string(rest);
  std::string text = sign + std::to_string(total / 60) + " h " + mm;
  return lang == Language::fr ? text : text + " min";
}

std::string format_duration(std::chrono::seconds s, Language lang) {
  const long long rest = s.count() % 60;
  if (rest == 0) return format_duration(std::chrono::duration_cast<std::chrono::minutes>(s), lang);
  const std::string whole = format_duration(std::chrono::duration_cast<std::chrono::minutes>(s), Language::fr);
  const long long r = std::llabs(rest);
  return whole + " min " + (r < 10 ? "0" : "") + std::to_string(r) + " s";
}

std::string shown_percent_value(const ShownPercent& p) {
  if (!p.known) return "";
  long long scale = 1;
  for (int i = 0; i < p.decimals; ++i) scale *= 10;
  std::string out = std::to_string(p.scaled / scale);
  if (p.decimals > 0) {
    std::string fraction = std::to_string(p.scaled % scale);
    out += "." + std::string(std::size_t(p.decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

std::string shown_percent_text(const ShownPercent& p, Language lang) {
  if (!p.known) return "—";
  std::string number = shown_percent_value(p);
  if (lang == Language::fr)
    for (char& c : number)
      if (c == '.') c = ',';
  return lang == Language::fr ? number + std::string(kNbsp) + "%" : number + "%";
}

std::string format_utc_offset(std::chrono::minutes offset) {
  const long long a = std::llabs(offset.count());
  return std::string("UTC") + (offset.count() < 0 ? "-" : "+") + std::to_string(a / 60) +
         (a % 60 ? (a % 60 < 10 ? ":0" : ":") + std::to_string(a % 60) : "");
}

}  // namespace clause
