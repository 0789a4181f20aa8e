#include "store/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace clause {
namespace {

struct ParseState {
  const std::function<void(const CsvRecord&)>* on_record = nullptr;
  CsvRecord record;
  bool between_records = true;  // the next non-blank line starts a record
};

void on_field(void* data, size_t length, void* state) {
  auto* s = static_cast<ParseState*>(state);
  s->record.fields.emplace_back(static_cast<const char*>(data), length);
}

void on_record_end(int, void* state) {
  auto* s = static_cast<ParseState*>(state);
  (*s->on_record)(s->record);
  s->record.fields.clear();
  s->between_records = true;
}

// libcsv trims spaces and tabs around unquoted fields by default; the import keeps them.
int never_space(unsigned char) { return 0; }

// libcsv grows a field's buffer by a fixed block (128 bytes by default), so a field of n bytes
// costs n / 128 reallocations, each of which may copy the whole field: quadratic. The input is
// therefore fed in pieces of at most kPiece bytes, and before each piece the block is set to the
// buffer's current size: the buffer at least doubles when it grows, and a field costs O(n).
constexpr size_t kPiece = 64 * 1024;
constexpr size_t kMinBlock = 4096;

// Feeds `chunk` to the parser; false when libcsv refuses it (a structural error).
bool feed(csv_parser& parser, std::string_view chunk, ParseState& state) {
  while (!chunk.empty()) {
    csv_set_blk_size(&parser, std::max(parser.entry_size, kMinBlock));
    std::string_view piece = chunk.substr(0, kPiece);
    if (csv_parse(&parser, piece.data(), piece.size(), on_field, on_record_end, &state) != piece.size()) return false;
    chunk.remove_prefix(piece.size());
  }
  return true;
}

// "U+00A0": a code point as the Unicode standard writes it.
std::string code_point_name(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", unsigned(c));
  return buffer;
}

// Decodes the code point at text[i] (valid UTF-8) and advances i past it.
char32_t next_code_point(std::string_view text, size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t code = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < length && i + k < text.size(); ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return code;
}

// Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their
// presentation forms, and the right-to-left blocks of the supplementary planes).
bool is_right_to_left(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

// The explicit bidirectional formatting characters (marks, embeddings, overrides, isolates).
bool is_bidi_control(char32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

struct CsvFeed::Impl {
  // A copy of the callback: the caller's may be a temporary made from a lambda.
  explicit Impl(const std::function<void(const CsvRecord&)>& on_record) : callback(on_record) {
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("libcsv: cannot initialise");
    csv_set_space_func(&parser, never_space);
    state.on_record = &callback;
  }
  ~Impl() { csv_free(&parser); }

  // Feeds the complete lines of `text` (all of it when `at_end`) and returns how many bytes they
  // took: a line is only known complete once its end is seen, and a CR at the very end of what
  // has arrived may be the first half of a CRLF.
  std::size_t lines(std::string_view text, bool at_end) {
    size_t pos = 0;
    while (pos < text.size() && !error) {
      size_t end = text.find_first_of("\r\n", pos);
      if (end == std::string_view::npos) {
        if (!at_end) break;
        end = text.size();
      } else if (text[end] == '\r' && end + 1 == text.size() && !at_end) {
        break;
      } else {
        end += text.substr(end, 2) == "\r\n" ? 2 : 1;
      }
      line(text.substr(pos, end - pos));
      pos = end;
    }
    return pos;
  }

  // Fed one physical line at a time, so the line being fed is known when a record starts. libcsv
  // ends a record at LF, CRLF or a lone CR (old Mac exports), so a lone CR that ended a record
  // ends a line too; inside a quoted field it is data and the line goes on (found by fuzz/).
  void line(std::string_view chunk) {
    if (!line_goes_on) ++number;
    line_goes_on = false;
    if (state.between_records) {
      if (chunk == "\n" || chunk == "\r\n" || chunk == "\r") return;
      state.record.line = number;
      state.between_records = false;
    }
    if (!clause::feed(parser, chunk, state))
      error = CsvError{number, "malformed CSV: a quote inside an unquoted field or text after a closing quote"};
    line_goes_on = chunk.back() == '\r' && !state.between_records;
  }

  std::function<void(const CsvRecord&)> callback;
  csv_parser parser;
  ParseState state;
  std::optional<CsvError> error;
  std::size_t number = 0;  // of the line being fed
  bool line_goes_on = false;
  bool started = false;  // the byte order mark question is settled
  std::string pending;   // the start of a line whose end has not arrived yet
};

CsvFeed::CsvFeed(const std::function<void(const CsvRecord&)>& on_record) : impl_(std::make_unique<Impl>(on_record)) {}
CsvFeed::~CsvFeed() = default;

bool CsvFeed::feed(std::string_view piece) {
  Impl& f = *impl_;
  if (f.error) return false;
  if (!f.started) {
    // A byte order mark opening the file is skipped; its three bytes may arrive apart.
    f.pending.append(piece);
    if (f.pending.size() < 3) return true;
    f.started = true;
    if (f.pending.compare(0, 3, "\xEF\xBB\xBF") == 0) f.pending.erase(0, 3);
    f.pending.erase(0, f.lines(f.pending, false));
    return !f.error;
  }
  if (f.pending.empty()) {
    f.pending.assign(piece.substr(f.lines(piece, false)));
  } else {
    f.pending.append(piece);
    f.pending.erase(0, f.lines(f.pending, false));
  }
  return !f.error;
}

std::optional<CsvError> CsvFeed::finish() {
  Impl& f = *impl_;
  if (!f.started && f.pending.compare(0, 3, "\xEF\xBB\xBF") == 0) f.pending.erase(0, 3);
  f.started = true;
  if (!f.error) f.lines(f.pending, true);
  f.pending.clear();
  if (!f.error && csv_fini(&f.parser, on_field, on_record_end, &f.state) != 0)
    f.error = CsvError{f.state.record.line, "unterminated quoted field"};
  return f.error;
}

std::optional<CsvError> read_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record) {
  CsvFeed feed(on_record);
  feed.feed(text);
  return feed.finish();
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned code;
    if (c >= 0xC2 && c <= 0xDF)
      length = 2, code = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      length = 3, code = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      length = 4, code = c & 0x07;
    else
      return false;
    if (i + length > n) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
        (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
      return false;
    i += length;
  }
  return true;
}

std::optional<std::string> forbidden_character(std::string_view text, bool line_breaks) {
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c == '\n' || c == '\r') {
      if (!line_breaks) return "line break " + code_point_name(c) + " is not allowed in this column";
    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return "control character " + code_point_name(c) + " is not allowed";
    } else if (c == 0xFEFF) {
      return "byte order mark " + code_point_name(c) + " is not allowed (only at the very start of a file)";
    } else if (c == 0xFFFE || c == 0xFFFF) {
      return "noncharacter " + code_point_name(c) + " is not allowed";
    } else if (is_bidi_control(c)) {
      return "bidirectional control " + code_point_name(c) +
             " is not allowed: documents cannot lay out right-to-left text";
    } else if (is_right_to_left(c)) {
      return "right-to-left character " + code_point_name(c) +
             " is not allowed: documents cannot lay out right-to-left text";
    }
  }
  return std::nullopt;
}

}  // namespace clause
