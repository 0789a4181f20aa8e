#include "csv_table.h"

#include <csv.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace clause::testing {
namespace {

struct Reading {
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> rows;
};

void on_field(void* text, std::size_t length, void* data) {
  static_cast<Reading*>(data)->row.emplace_back(static_cast<const char*>(text), length);
}

void on_row_end(int, void* data) {
  auto* reading = static_cast<Reading*>(data);
  reading->rows.push_back(std::move(reading->row));
  reading->row.clear();
}

int no_space(unsigned char) { return 0; }  // keep leading and trailing blanks: they are data

}  // namespace

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  throw std::out_of_range("no column " + std::string{name});
}

CsvTable read_csv_table(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  std::stringstream content;
  content << in.rdbuf();
  const std::string bytes = content.str();
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_space_func(&parser, no_space);
  Reading reading;
  const bool parsed = csv_parse(&parser, bytes.data(), bytes.size(), on_field, on_row_end, &reading) == bytes.size() &&
                      csv_fini(&parser, on_field, on_row_end, &reading) == 0;
  const std::string error = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!parsed) throw std::runtime_error(path.string() + ": " + error);
  if (reading.rows.empty()) throw std::runtime_error(path.string() + ": no header row");
  CsvTable table;
  table.header = std::move(reading.rows.front());
  table.rows.assign(std::make_move_iterator(reading.rows.begin() + 1), std::make_move_iterator(reading.rows.end()));
  return table;
}

}  // namespace clause::testing
