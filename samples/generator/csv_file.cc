#include "samples/generator/csv_file.h"

#include <stdexcept>

namespace clause {
namespace {

constexpr std::size_t kFlushAt = 1 << 20;

bool needs_quotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

void append_field(std::string& out, std::string_view text) {
  if (!needs_quotes(text)) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string out;
  append_field(out, text);
  return out;
}

CsvFile::CsvFile(const std::filesystem::path& path, std::vector<std::string_view> columns)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc), columns_(columns.size()) {
  if (!out_) throw std::runtime_error("cannot write " + path.string());
  buffer_.reserve(kFlushAt + 4096);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) buffer_ += ',';
    append_field(buffer_, columns[i]);
  }
  buffer_ += '\n';
}

CsvFile::~CsvFile() {
  try {
    close();
  } catch (...) {  // a destructor must not throw; close() explicitly to see the error
  }
}

CsvFile& CsvFile::operator<<(std::string_view text) {
  if (fields_in_row_) buffer_ += ',';
  append_field(buffer_, text);
  ++fields_in_row_;
  return *this;
}

void CsvFile::end_row() {
  if (fields_in_row_ != columns_)
    throw std::logic_error(path_.filename().string() + ": row " + std::to_string(rows_ + 1) + " has " +
                           std::to_string(fields_in_row_) + " fields, expected " + std::to_string(columns_));
  buffer_ += '\n';
  fields_in_row_ = 0;
  ++rows_;
  flush_if_large();
}

void CsvFile::flush_if_large() {
  if (buffer_.size() < kFlushAt) return;
  out_.write(buffer_.data(), std::streamsize(buffer_.size()));
  buffer_.clear();
}

void CsvFile::close() {
  if (!out_.is_open()) return;
  out_.write(buffer_.data(), std::streamsize(buffer_.size()));
  buffer_.clear();
  out_.close();
  if (!out_) throw std::runtime_error("cannot write " + path_.string());
}

}  // namespace clause
