// Fuzz target of the CSV import (docs/import.md): the bytes become one CSV file of an export and go
// through the real `import_directory` into a migrated in-memory SQLite database, and through
// `read_csv` on its own. Errors in the report are the expected outcome; a crash, a leak, a sanitizer
// report or a broken invariant below is a finding.
//
// Input layout: byte 0 chooses the file, the rest is its content.
//   byte0 % 16   which of the 16 files (import_file_names(), in load order; modulo its size)
//   byte0 & 0x10 with context: the files loaded before it are the clean ones of
//                tests/import_corpus/base, so that its references resolve and a clean file reaches
//                the database write; without it the file is alone in the export.
// Invariants checked (docs/import.md): an import that succeeded succeeds again when the same export
// is imported again and adds no row (upsert by natural key); read_csv reports records on strictly
// increasing lines, each within the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "store/csv_import.h"
#include "store/csv_reader.h"
#include "store/database.h"

namespace {

using clause::fuzz::broken;

struct Fixture {
  std::unique_ptr<clause::Database> db;
  std::vector<std::string> tables;  // every table the import may write, to empty them
  std::vector<std::string> base;    // tests/import_corpus/base, by import_file_names() index
  std::filesystem::path dir;
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture made;
    made.db = clause::Database::open("sqlite::memory:");
    made.db->migrate();
    soci::rowset<std::string> names =
        made.db->session().prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                      " AND name <> 'schema_migrations' ORDER BY name";
    for (const auto& name : names) made.tables.push_back(name);
    const auto base = std::filesystem::path(CLAUSE_SOURCE_DIR) / "tests/import_corpus/base";
    for (const auto& file : clause::import_file_names()) made.base.push_back(clause::fuzz::read_file(base / file));
    made.dir = clause::fuzz::scratch() / "export";
    return made;
  }();
  return f;
}

long long total_rows(Fixture& f) {
  long long total = 0;
  for (const auto& table : f.tables) {
    long long n = 0;
    f.db->session() << "SELECT count(*) FROM \"" + table + "\"", soci::into(n);
    total += n;
  }
  return total;
}

// Back to the freshly migrated state, so that each input runs alone (reproducible crashes).
void empty_tables(Fixture& f) {
  f.db->session() << "PRAGMA foreign_keys = OFF";
  for (const auto& table : f.tables) f.db->session() << "DELETE FROM \"" + table + "\"";
  f.db->session() << "PRAGMA foreign_keys = ON";
}

void fuzz_reader(std::string_view text) {
  std::size_t lines = 1;
  // A line ends at LF, CRLF or a lone CR (read_csv counts them as libcsv ends records: finding C1).
  for (std::size_t i = 0; i < text.size(); ++i)
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  std::size_t previous = 0;
  auto error = clause::read_csv(text, [&](const clause::CsvRecord& r) {
    if (r.line < previous || r.line == previous || r.line == 0 || r.line > lines)
      broken("read_csv: record on line " + std::to_string(r.line) + " after line " + std::to_string(previous) +
             " (text of " + std::to_string(lines) + " lines)");
    previous = r.line;
  });
  if (error && (error->line < 1 || error->line > lines))
    broken("read_csv: error on line " + std::to_string(error->line) + " of a text of " + std::to_string(lines) +
           " lines");
  (void)clause::is_valid_utf8(text);
}

void fuzz_import(std::size_t file, bool with_context, std::string_view text) {
  Fixture& f = fixture();
  const auto& names = clause::import_file_names();
  std::filesystem::remove_all(f.dir);
  std::filesystem::create_directory(f.dir);
  if (with_context)
    for (std::size_t i = 0; i < file; ++i) clause::fuzz::write_file(f.dir / names[i], f.base[i]);
  clause::fuzz::write_file(f.dir / names[file], text);

  clause::ImportReport first = clause::import_directory(*f.db, f.dir);
  clause::fuzz::tell(first.ok() ? "imported" : first.errors.front());
  if (!first.ok()) return;
  const long long rows = total_rows(f);
  clause::ImportReport again = clause::import_directory(*f.db, f.dir);
  if (!again.ok()) broken("import succeeded once, then failed on the same export: " + again.errors.front());
  if (!(again.files == first.files)) broken("re-import read other files or row counts than the first import");
  if (total_rows(f) != rows) broken("re-import changed the number of rows from " + std::to_string(rows));
  empty_tables(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz_reader(text);
  fuzz_import(data[0] % clause::import_file_names().size(), (data[0] & 0x10) != 0, text);
  return 0;
}
