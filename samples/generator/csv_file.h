// One CSV file of a data set being written: the agreed header row, then one row per record, with
// RFC 4180 quoting (a field holding a comma, a quote or a line break is quoted, quotes doubled).
// Output is buffered in memory and written in large blocks, so that a million rows take seconds.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace clause {

class CsvFile {
 public:
  // Creates (or truncates) `path` and writes the header row. Throws std::runtime_error
  // "cannot write PATH" when the file cannot be opened.
  CsvFile(const std::filesystem::path& path, std::vector<std::string_view> columns);
  ~CsvFile();
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // Appends one field to the current row; an empty text is an empty (absent) field.
  CsvFile& operator<<(std::string_view text);
  // Ends the current row. Throws std::logic_error when it has not exactly one field per column,
  // so that a generator bug cannot shift columns silently.
  void end_row();
  // Rows written so far, header excluded.
  std::size_t rows() const { return rows_; }
  // Writes what is buffered and closes the file; called by the destructor when not done before.
  void close();

 private:
  void flush_if_large();

  std::filesystem::path path_;
  std::ofstream out_;
  std::string buffer_;
  std::size_t columns_ = 0;
  std::size_t fields_in_row_ = 0;
  std::size_t rows_ = 0;
};

// `text` as one RFC 4180 field: unchanged, or quoted with its quotes doubled.
std::string csv_field(std::string_view text);

}  // namespace clause
