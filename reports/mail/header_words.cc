#include "reports/mail/header_words.h"

#include <array>

namespace clause::mail {
namespace {

bool printable_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

std::string base64(std::string_view bytes) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], alphabet[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    unsigned v = (unsigned char)bytes[i] << 16;
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], '='};
  }
  return out;
}

// The length of the UTF-8 character starting with `lead` (1 for a stray continuation byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

}  // namespace

std::string encode_header_words(std::string_view text) {
  if (printable_ascii(text)) return std::string(text);
  // "=?UTF-8?B?" + 60 base64 characters + "?=" = 72 <= 75 (RFC 2047 section 2): 45 bytes a word.
  constexpr std::size_t kBytesPerWord = 45;
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = at;
    while (end < text.size()) {
      const std::size_t next = end + utf8_length((unsigned char)text[end]);
      if (next - at > kBytesPerWord) break;
      end = std::min(next, text.size());
    }
    if (!out.empty()) out += ' ';
    out += "=?UTF-8?B?" + base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string format_mailbox(std::string_view name, std::string_view address) {
  if (name.empty()) return std::string(address);
  std::string shown;
  if (!printable_ascii(name)) {
    shown = encode_header_words(name);
  } else {
    // RFC 5322 specials force a quoted-string; quotes and backslashes are escaped inside it.
    shown = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') shown += '\\';
      shown += c;
    }
    shown += '"';
  }
  return shown + " <" + std::string(address) + ">";
}

std::optional<std::string> address_problem(std::string_view address) {
  if (address.empty()) return "the address is empty";
  for (unsigned char c : address)
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';')
      return "\"" + std::string(address) + "\" holds a space, a control character or one of <>\",;";
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos)
    return "\"" + std::string(address) + "\" is not local@domain";
  return std::nullopt;
}

std::string attachment_disposition(std::string_view filename) {
  bool plain_name = printable_ascii(filename);
  for (char c : filename) plain_name = plain_name && c != '"' && c != '\\';
  if (plain_name) return "attachment; filename=\"" + std::string(filename) + "\"";
  // RFC 2231 section 4: charset''percent-encoded, attribute-chars left as they are; first, since
  // parsers that know both (Python's email, Thunderbird) take the first. Then, for mail programs
  // that never learnt RFC 2231 (older Outlook), the same name as an RFC 2047 word, which they read.
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded = "UTF-8''";
  for (unsigned char c : filename) {
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                       c == '.' || c == '_' || c == '!' || c == '~';
    if (plain)
      encoded += char(c);
    else
      encoded += {'%', hex[c >> 4], hex[c & 15]};
  }
  return "attachment; filename*=" + encoded + "; filename=\"" + encode_header_words(filename) + "\"";
}

std::string format_rfc5322_date(Instant at) {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{at - day};
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02u %s %04d %02d:%02d:%02d +0000", days[std::chrono::weekday{day}.c_encoding()],
                unsigned(ymd.day()), months[unsigned(ymd.month()) - 1], int(ymd.year()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()));
  return out;
}

}  // namespace clause::mail
