#include "store/csv_reader.h"

#include <csv.h>

#include <stdexcept>

namespace clause {
namespace {

struct ParseState {
  const std::function<void(const CsvRecord&)>* on_record = nullptr;
  CsvRecord record;
  bool between_records = true;       // the next non-blank line starts a record
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

}  // namespace

std::optional<CsvError> read_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("libcsv: cannot initialise");
  csv_set_space_func(&parser, never_space);
  ParseState state;
  state.on_record = &on_record;
  std::optional<CsvError> error;
  std::size_t line = 0;
  size_t pos = 0;
  // Fed one physical line at a time, so the line being fed is known when a record starts.
  while (pos < text.size() && !error) {
    size_t end = text.find('\n', pos);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    ++line;
    if (state.between_records) {
      if (chunk == "\n" || chunk == "\r\n") continue;
      state.record.line = line;
      state.between_records = false;
    }
    if (csv_parse(&parser, chunk.data(), chunk.size(), on_field, on_record_end, &state) != chunk.size())
      error = CsvError{line, "malformed CSV: a quote inside an unquoted field or text after a closing quote"};
  }
  if (!error && csv_fini(&parser, on_field, on_record_end, &state) != 0)
    error = CsvError{state.record.line, "unterminated quoted field"};
  csv_free(&parser);
  return error;
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
    if (c >= 0xC2 && c <= 0xDF) length = 2, code = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) length = 3, code = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) length = 4, code = c & 0x07;
    else return false;
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

}  // namespace clause
