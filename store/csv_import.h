// Import of a provider's export: one CSV file per record type in a directory (docs/import.md).
// All or nothing: every file is parsed and checked first, every error reported in one pass as
// "FILE:LINE: column COLUMN: reason"; only a clean directory is written, in one transaction,
// by natural key (re-importing the same export updates rows and never duplicates them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"

namespace clause {

// A field longer than this is refused ("field longer than 65536 bytes").
inline constexpr std::size_t max_csv_field_bytes = 65536;
// A file larger than this is refused unread ("incidents.csv: 2147483648 bytes, more than 1073741824").
inline constexpr std::uintmax_t max_csv_file_bytes = std::uintmax_t{1} << 30;

// One file of the directory that was read.
struct ImportedFile {
  std::string file;      // "incidents.csv"
  std::size_t rows = 0;  // data records read (header excluded)
  friend bool operator==(const ImportedFile&, const ImportedFile&) = default;
};

struct ImportReport {
  std::vector<ImportedFile> files;  // the files found, in load order
  std::vector<std::string> errors;  // empty when the import was written
  // The input was clean but the database failed while writing it (locked, connection lost):
  // nothing was written, and the fault is the database's, not the export's.
  bool database_failed = false;
  // G5: rows of people a GDPR purge erased that the export brought back, erased again before the
  // commit (store/gdpr_ledger.h): the import never brings a purged person's data back.
  int purged_people_kept_erased = 0;
  bool ok() const { return errors.empty(); }
};

// The file names the import reads, in load order (foreign keys first).
const std::vector<std::string>& import_file_names();

// Imports every known CSV file of `dir` into `db` (migrated). On any error nothing is written
// and the report lists every error; otherwise all rows are upserted in one transaction.
// A missing file means no record of that type; a .csv file of another name (or case) is an error,
// and so is an expected name that is not a regular file (FIFO, device, directory, dangling link).
ImportReport import_directory(Database& db, const std::filesystem::path& dir);

}  // namespace clause
