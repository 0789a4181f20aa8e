#include "store/table_rows.h"

#include <algorithm>
#include <stdexcept>
#include <type_traits>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace clause {
namespace {

std::string quote_name(const std::string& name) { return "\"" + name + "\""; }

std::string join_names(const std::vector<std::string>& names, std::string_view prefix = {}) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + std::string{prefix} + quote_name(n);
  return out;
}

// "ON CONFLICT (key) DO UPDATE SET c = excluded.c, ...": the UPSERT both dialects accept.
std::string conflict_clause(const std::vector<std::string>& columns, const std::vector<std::string>& key) {
  std::string set;
  for (const auto& c : columns) {
    if (std::find(key.begin(), key.end(), c) != key.end()) continue;
    set += (set.empty() ? "" : ", ") + quote_name(c) + " = excluded." + quote_name(c);
  }
  return " ON CONFLICT (" + join_names(key) + ")" + (set.empty() ? " DO NOTHING" : " DO UPDATE SET " + set);
}

// SQLite: one prepared statement bound to reusable buffers, executed per row (~hundreds of
// thousands of rows/s inside one transaction).
class SqliteUpserter : public RowUpserter {
 public:
  SqliteUpserter(Database& db, const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::string>& key)
      : values_(columns.size()), indicators_(columns.size()), statement_(db.session()) {
    std::string placeholders;
    for (size_t i = 0; i < columns.size(); ++i) {
      placeholders += (i ? ", :p" : ":p") + std::to_string(i);
      statement_.exchange(soci::use(values_[i], indicators_[i], "p" + std::to_string(i)));
    }
    statement_.alloc();
    statement_.prepare("INSERT INTO " + quote_name(table) + " (" + join_names(columns) + ") VALUES (" + placeholders +
                       ")" + conflict_clause(columns, key));
    statement_.define_and_bind();
  }
  void add(const std::vector<Cell>& cells) override {
    for (size_t i = 0; i < cells.size(); ++i) {
      indicators_[i] = cells[i] ? soci::i_ok : soci::i_null;
      values_[i] = cells[i].value_or(std::string{});
    }
    statement_.execute(true);
  }
  void finish() override {}

 private:
  std::vector<std::string> values_;
  std::vector<soci::indicator> indicators_;
  soci::statement statement_;
};

// COPY text format: backslash escapes, \N for NULL.
void append_copy_field(std::string& out, const Cell& cell) {
  if (!cell) {
    out += "\\N";
    return;
  }
  for (char c : *cell) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
}

// PostgreSQL: rows go through COPY into a temporary staging table, then one upsert statement
// moves them. No SOCI vector use (issues #910/#1167), and ~16x fewer round trips.
class PostgresqlUpserter : public RowUpserter {
 public:
  PostgresqlUpserter(Database& db, const std::string& table, const std::vector<std::string>& columns,
                     const std::vector<std::string>& key)
      : db_(db), staging_("clause_staging_" + table) {
    conn_ = static_cast<soci::postgresql_session_backend*>(db.session().get_backend())->conn_;
    db.session() << "DROP TABLE IF EXISTS " + quote_name(staging_);
    db.session() << "CREATE TEMPORARY TABLE " + quote_name(staging_) + " AS SELECT " + join_names(columns) + " FROM " +
                        quote_name(table) + " WITH NO DATA";
    upsert_ = "INSERT INTO " + quote_name(table) + " (" + join_names(columns) + ") SELECT " + join_names(columns) +
              " FROM " + quote_name(staging_) + conflict_clause(columns, key);
    expect(PQexec(conn_, ("COPY " + quote_name(staging_) + " (" + join_names(columns) + ") FROM STDIN").c_str()),
           PGRES_COPY_IN);
  }
  ~PostgresqlUpserter() override {
    if (!finished_) PQputCopyEnd(conn_, "abandoned");  // the transaction is rolled back by the caller
  }
  void add(const std::vector<Cell>& cells) override {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) buffer_ += '\t';
      append_copy_field(buffer_, cells[i]);
    }
    buffer_ += '\n';
    if (buffer_.size() >= (1u << 20)) flush();
  }
  void finish() override {
    flush();
    finished_ = true;
    if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY end");
    expect(PQgetResult(conn_), PGRES_COMMAND_OK);
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    db_.session() << upsert_;
    db_.session() << "DROP TABLE " + quote_name(staging_);
  }

 private:
  void flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) fail("COPY data");
    buffer_.clear();
  }
  void expect(PGresult* result, ExecStatusType status) {
    bool ok = result && PQresultStatus(result) == status;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    PQclear(result);
    if (!ok) throw soci::soci_error(message);
  }
  [[noreturn]] void fail(const char* what) { throw soci::soci_error(std::string{what} + ": " + PQerrorMessage(conn_)); }

  Database& db_;
  std::string staging_;
  std::string upsert_;
  PGconn* conn_ = nullptr;
  std::string buffer_;
  bool finished_ = false;
};

}  // namespace

namespace {

// Every row of a statement executed with its buffers bound.
std::vector<std::vector<Cell>> fetch_all(soci::statement& statement, const std::vector<std::string>& values,
                                         const std::vector<soci::indicator>& indicators) {
  statement.execute(false);
  std::vector<std::vector<Cell>> rows;
  while (statement.fetch()) {
    std::vector<Cell> row(values.size());
    for (size_t i = 0; i < values.size(); ++i)
      if (indicators[i] != soci::i_null) row[i] = values[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// SQLite: the statement of this text, prepared on the first call with `columns` columns and
// these parameter names, then reset and run again (sqlite3_prepare was 12 % of an invoice's SQL
// time, issue 16). The parameters' values are copied into its buffers.
template <typename Params>
PreparedStatement& prepared(Database& db, const std::string& sql, size_t columns, const Params& params) {
  PreparedStatement* p = db.prepared_statement(sql);
  const bool same_names = p && p->values.size() == columns && p->params.size() == params.size() &&
                          std::equal(params.begin(), params.end(), p->params.begin(),
                                     [](const auto& a, const auto& b) { return a.first == b.first; });
  if (!same_names) {
    auto fresh = std::make_unique<PreparedStatement>();
    fresh->values.resize(columns);
    fresh->indicators.resize(columns);
    for (const auto& [name, value] : params) fresh->params.emplace_back(name, std::string{});
    fresh->param_indicators.resize(params.size(), soci::i_ok);
    fresh->statement = std::make_unique<soci::statement>(db.session());
    for (size_t i = 0; i < columns; ++i) fresh->statement->exchange(soci::into(fresh->values[i], fresh->indicators[i]));
    for (size_t i = 0; i < fresh->params.size(); ++i)
      fresh->statement->exchange(
          soci::use(fresh->params[i].second, fresh->param_indicators[i], fresh->params[i].first));
    fresh->statement->alloc();
    fresh->statement->prepare(sql);
    fresh->statement->define_and_bind();
    p = &db.remember_statement(sql, std::move(fresh));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const auto& value = params[i].second;
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Cell>) {
      p->param_indicators[i] = value ? soci::i_ok : soci::i_null;
      p->params[i].second = value.value_or(std::string{});
    } else {
      p->param_indicators[i] = soci::i_ok;
      p->params[i].second = value;
    }
  }
  return *p;
}

// Runs `run` on the prepared statement, then resets it whatever happens, so that it holds no read
// transaction (nor a write lock) between calls.
template <typename Run>
auto run_then_reset(PreparedStatement& p, Run run) {
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(p.statement->get_backend());
  try {
    auto result = run();
    ::sqlite_api::sqlite3_reset(backend->stmt_);
    return result;
  } catch (...) {
    ::sqlite_api::sqlite3_reset(backend->stmt_);
    throw;
  }
}

}  // namespace

std::vector<std::vector<Cell>> select_cells(Database& db, const std::string& sql, size_t columns,
                                            const QueryParams& params) {
  if (db.dialect() == Dialect::sqlite) {
    PreparedStatement& p = prepared(db, sql, columns, params);
    return run_then_reset(p, [&] { return fetch_all(*p.statement, p.values, p.indicators); });
  }
  std::vector<std::string> values(columns);
  std::vector<soci::indicator> indicators(columns);
  QueryParams bound = params;  // SOCI keeps references: the values must outlive the statement
  soci::statement statement(db.session());
  for (size_t i = 0; i < columns; ++i) statement.exchange(soci::into(values[i], indicators[i]));
  for (auto& [name, value] : bound) statement.exchange(soci::use(value, name));
  statement.alloc();
  // A one-time query is one round trip on PostgreSQL (PQexecParams) where a prepared one is three
  // (prepare, execute, deallocate): 40 % off the database time of a statements run there.
  statement.prepare(sql, soci::details::st_one_time_query);
  statement.define_and_bind();
  return fetch_all(statement, values, indicators);
}

void execute_cells(Database& db, const std::string& sql, const WriteParams& params) {
  if (db.dialect() == Dialect::sqlite) {
    PreparedStatement& p = prepared(db, sql, 0, params);
    run_then_reset(p, [&] { return p.statement->execute(true); });
    return;
  }
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  for (const auto& [name, value] : params) {
    values.push_back(value.value_or(std::string{}));
    indicators.push_back(value ? soci::i_ok : soci::i_null);
  }
  soci::statement statement(db.session());  // SOCI keeps references: the values outlive it
  for (size_t i = 0; i < params.size(); ++i) statement.exchange(soci::use(values[i], indicators[i], params[i].first));
  statement.alloc();
  statement.prepare(sql, soci::details::st_one_time_query);  // one round trip, as select_cells
  statement.define_and_bind();
  statement.execute(true);
}

std::unique_ptr<RowUpserter> make_upserter(Database& db, const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const std::vector<std::string>& key) {
  if (db.dialect() == Dialect::sqlite) return std::make_unique<SqliteUpserter>(db, table, columns, key);
  return std::make_unique<PostgresqlUpserter>(db, table, columns, key);
}

long long count_rows(Database& db, const std::string& table) {
  long long n = 0;
  db.session() << "SELECT CAST(count(*) AS BIGINT) FROM " + quote_name(table), soci::into(n);
  return n;
}

}  // namespace clause
