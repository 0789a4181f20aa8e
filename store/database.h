// A connection to the Clause database, SQLite (a file, the default) or PostgreSQL (production),
// through SOCI. It owns the schema's life cycle (migrate, check) and the named queries of sql/;
// repositories (record_repository.h, ledger.h) and the import (csv_import.h) work through it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <soci/soci.h>

namespace clause {

enum class Dialect { sqlite, postgresql };

// A statement prepared once per connection and run again with new values (issue 16: SOCI prepared
// each query anew, 26 times per invoice): a SELECT (select_cells) or a write (execute_cells, no
// columns). The statement is bound to these buffers: the caller writes the values and indicators
// of `params` and reads `values` after each fetch.
struct PreparedStatement {
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  std::vector<std::pair<std::string, std::string>> params;  // names, and the values of the next run
  std::vector<soci::indicator> param_indicators;            // i_null: the parameter is NULL
  std::unique_ptr<soci::statement> statement;
};

// The compiled-in sql/ directory of the source tree (CLAUSE_SQL_DIR), used when none is given.
std::filesystem::path default_sql_dir();

class Database {
 public:
  // Opens `url`: "sqlite:PATH" (the file is created; "sqlite::memory:" for a private in-memory
  // database) or a PostgreSQL connection string ("postgresql://..." or "host=... dbname=...").
  // SQLite gets foreign keys on and WAL. Throws std::runtime_error with the reason on failure.
  static std::unique_ptr<Database> open(const std::string& url,
                                        const std::filesystem::path& sql_dir = default_sql_dir());

  Dialect dialect() const { return dialect_; }
  // The SQLite file ("" for PostgreSQL and for ":memory:").
  const std::filesystem::path& sqlite_file() const { return sqlite_file_; }
  soci::session& session() { return session_; }
  const std::filesystem::path& sql_dir() const { return sql_dir_; }

  // Applies, in version order, each migration of sql/DIALECT/ not yet recorded in
  // schema_migrations, each in its own transaction. Returns the versions applied now.
  std::vector<int> migrate();
  // Throws std::runtime_error with a message telling what to do when the database's applied
  // migrations are not exactly those of this build (behind: run migrate; ahead: newer build).
  void check_schema();
  // The versions recorded in schema_migrations, ascending; empty for a blank database.
  std::vector<int> applied_versions();
  // The highest version this build's sql/ knows.
  int latest_version() const;

  // True when the database still answers a trivial query (after an error: is it the connection
  // that failed, or one statement?).
  bool responds();

  // The named query NAME of sql/queries.sql (or the dialect's override), with {columns}
  // not yet expanded. Throws std::out_of_range naming the query when there is none.
  const std::string& query(std::string_view name) const;

  // The statement `sql` prepared on this connection, if it was (store/table_rows.cc prepares it);
  // `remember` keeps one for the connection's life.
  PreparedStatement* prepared_statement(const std::string& sql);
  PreparedStatement& remember_statement(const std::string& sql, std::unique_ptr<PreparedStatement> prepared);
  // SQLite's page cache in MiB (PRAGMA cache_size): small for rendering runs, which read a
  // contract at a time (peak RSS flat in the number of clients, issue 16); larger for the import,
  // which updates indexes all over the file. No effect on PostgreSQL.
  void set_page_cache_mib(int mib);
  // Group commit (issue 16, batch/document_publication.h): on an SQLite file, commits no longer
  // flush the write-ahead log to disk one by one (PRAGMA synchronous = NORMAL: a commit survives
  // the process's crash, a power cut may undo the commits made since the last flush) until
  // flush_commits(), which puts every commit made so far on disk; false flushes each commit again
  // (synchronous = FULL, SQLite's default). PostgreSQL, in-memory databases and an SQLite file
  // whose write-ahead log could not be turned on (a file system without shared memory) flush each
  // commit: without the log, NORMAL could let a power cut damage the file, not only undo commits.
  void defer_commit_flush(bool deferred);
  bool commit_flush_deferred() const { return commit_flush_deferred_; }
  // Puts on disk the commits made so far: fsync of the write-ahead log, then of the database file,
  // as SQLite itself does at a checkpoint. Throws std::system_error when the disk refuses.
  void flush_commits();

 private:
  Database(Dialect dialect, std::filesystem::path sql_dir);
  Dialect dialect_;
  std::filesystem::path sql_dir_;
  std::filesystem::path sqlite_file_;
  bool sqlite_wal_ = false;  // journal_mode is WAL
  bool commit_flush_deferred_ = false;
  std::map<std::string, std::string, std::less<>> queries_;
  soci::session session_;
  // Declared after the session: the statements are finalised before the connection closes.
  std::map<std::string, std::unique_ptr<PreparedStatement>, std::less<>> prepared_;
};

// "sqlite" or "postgresql": the folder of sql/ holding the dialect's migrations.
std::string_view dialect_folder(Dialect d);

}  // namespace clause
