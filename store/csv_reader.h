// Reads an RFC 4180 CSV file with libcsv in strict mode and hands over each record with the line
// it starts on (a quoted field may hold newlines, so records and lines differ). A UTF-8 byte order
// mark opening the file is skipped, blank lines between records are ignored, and spaces are kept as they are.
// Structural errors (stray quote, unterminated quoted field) stop the file: libcsv cannot resume.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clause {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// A structural error: the line it was found on and the reason.
struct CsvError {
  std::size_t line = 0;
  std::string reason;
};

// Calls `on_record` for each record of `text`, in order. Returns the structural error that
// stopped the reading, if any.
std::optional<CsvError> read_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record);

// read_csv over a text that arrives in pieces split anywhere (a file read block by block, so that
// a large export is never held whole: issue 16): the same records, lines and errors.
class CsvFeed {
 public:
  explicit CsvFeed(const std::function<void(const CsvRecord&)>& on_record);
  ~CsvFeed();
  CsvFeed(const CsvFeed&) = delete;
  CsvFeed& operator=(const CsvFeed&) = delete;
  // Reads the next piece; false once a structural error has stopped the reading.
  bool feed(std::string_view piece);
  // The end of the text: the structural error that stopped the reading, if any.
  std::optional<CsvError> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Why `text` (valid UTF-8) cannot travel to the documents, or nothing. Refused: C0 controls, DEL
// and C1 controls (not XML 1.0 characters, invisible in a PDF), with LF and CR allowed only where
// `line_breaks` says so; a byte order mark U+FEFF (files joined together); the noncharacters
// U+FFFE and U+FFFF; right-to-left letters and bidirectional controls, which the PDF renderer
// cannot lay out (no bidi reordering, no shaping). E.g. "control character U+0001 is not allowed".
std::optional<std::string> forbidden_character(std::string_view text, bool line_breaks);

}  // namespace clause
