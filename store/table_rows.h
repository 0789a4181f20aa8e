// Rows of a table as text cells, both ways: run a SELECT into cells (and so into records, through
// entity_tables.h), and upsert many rows by natural key. The upsert is a prepared statement reused
// for every row on SQLite, and COPY into a staging table then one INSERT ... SELECT ... ON CONFLICT
// on PostgreSQL (one round trip per row would cost ~40k rows/s there; see TOOLCHAIN.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/entity_tables.h"

namespace clause {

// Named parameters of a query: {":contract" without the colon, value}.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Runs `sql` (a SELECT of `columns` columns) and returns every row as cells.
std::vector<std::vector<Cell>> select_cells(Database& db, const std::string& sql, size_t columns,
                                            const QueryParams& params = {});

// Named parameters of a write: a missing value is bound as NULL.
using WriteParams = std::vector<std::pair<std::string, Cell>>;

// Runs `sql`, a write returning no rows (INSERT, UPDATE, DELETE), with `params`. Prepared once per
// SQLite connection, as select_cells; one round trip on PostgreSQL.
void execute_cells(Database& db, const std::string& sql, const WriteParams& params = {});

// Replaces "{columns}" in a named query with the entity's column list.
template <typename T>
std::string expand_columns(const Database& db, std::string_view query_name) {
  std::string sql = db.query(query_name);
  if (auto at = sql.find("{columns}"); at != std::string::npos) sql.replace(at, 9, column_list(entity<T>()));
  return sql;
}

// Records returned by the named query (a "SELECT {columns} FROM table ...").
template <typename T>
std::vector<T> load_records(Database& db, std::string_view query_name, const QueryParams& params = {}) {
  const Entity<T>& e = entity<T>();
  std::vector<T> out;
  for (const auto& cells : select_cells(db, expand_columns<T>(db, query_name), e.columns.size(), params))
    out.push_back(from_cells(e, cells));
  return out;
}

// Inserts or updates (by natural key) rows of one table; the caller owns the transaction.
class RowUpserter {
 public:
  virtual ~RowUpserter() = default;
  // Queues or writes one row (cells in `columns` order). Throws soci::soci_error when refused.
  virtual void add(const std::vector<Cell>& cells) = 0;
  // Writes whatever is queued; the upserter is done afterwards.
  virtual void finish() = 0;
};

// An upserter for `table` keyed by `key` (a unique constraint of the table).
std::unique_ptr<RowUpserter> make_upserter(Database& db, const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const std::vector<std::string>& key);

// The database column names of an entity, in field order.
template <typename T>
std::vector<std::string> db_columns(const Entity<T>& e) {
  std::vector<std::string> out;
  for (const auto& c : e.columns) out.push_back(c.db_name);
  return out;
}

// Number of rows of a table (tests, the import report).
long long count_rows(Database& db, const std::string& table);

}  // namespace clause
