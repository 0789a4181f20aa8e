#include "store/database.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/sql_text.h"

namespace clause {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool looks_like_postgresql(std::string_view url) {
  return starts_with(url, "postgresql://") || starts_with(url, "postgres://") ||
         url.find("dbname=") != std::string_view::npos || url.find("host=") != std::string_view::npos;
}

// SOCI's SQLite connect string is "key=value" pairs; quoting keeps a path with spaces whole.
std::string sqlite_connect_string(const std::string& path) {
  std::string quoted = "db=\"";
  for (char c : path) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string join_versions(const std::vector<int>& versions) {
  std::string out;
  for (int v : versions) out += (out.empty() ? "" : ", ") + std::to_string(v);
  return out.empty() ? "none" : out;
}

}  // namespace

std::filesystem::path default_sql_dir() {
  if (const char* env = std::getenv("CLAUSE_SQL_DIR"); env && *env) return env;
  return CLAUSE_SQL_DIR;
}

bool Database::responds() {
  try {
    int one = 0;
    session_ << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

std::string_view dialect_folder(Dialect d) { return d == Dialect::sqlite ? "sqlite" : "postgresql"; }

Database::Database(Dialect dialect, std::filesystem::path sql_dir) : dialect_(dialect), sql_dir_(std::move(sql_dir)) {
  for (const auto& file : {sql_dir_ / "queries.sql", sql_dir_ / dialect_folder(dialect_) / "queries.sql"})
    for (auto& [name, text] : parse_named_queries(read_text_file(file))) queries_[name] = text;
}

std::unique_ptr<Database> Database::open(const std::string& url, const std::filesystem::path& sql_dir) {
  std::unique_ptr<Database> db;
  try {
    if (starts_with(url, "sqlite:")) {
      std::string path = url.substr(7);
      if (path.empty()) throw std::runtime_error("no file name after sqlite:");
      db.reset(new Database(Dialect::sqlite, sql_dir));
      if (path != ":memory:") db->sqlite_file_ = path;
      db->session_.open(soci::sqlite3, sqlite_connect_string(path));
      db->session_ << "PRAGMA foreign_keys = ON";
      db->session_ << "PRAGMA busy_timeout = 5000";
      // A rendering run reads one contract at a time: 8 MiB of page cache suffice (the import
      // asks for more, csv_import.cc); the operating system caches the file itself.
      db->set_page_cache_mib(8);
      if (path != ":memory:") {
        std::string mode;
        db->session_ << "PRAGMA journal_mode = WAL", soci::into(mode);
        db->sqlite_wal_ = mode == "wal";
      }
    } else if (looks_like_postgresql(url)) {
      db.reset(new Database(Dialect::postgresql, sql_dir));
      db->session_.open(soci::postgresql, url);
      db->session_ << "SET client_min_messages = warning";
    } else {
      throw std::runtime_error("expected sqlite:PATH or a PostgreSQL connection string");
    }
  } catch (const soci::soci_error& e) {
    throw std::runtime_error("cannot open database " + url + ": " + e.what());
  } catch (const std::runtime_error& e) {
    if (starts_with(e.what(), "cannot open database")) throw;
    throw std::runtime_error("cannot open database " + url + ": " + e.what());
  }
  return db;
}

const std::string& Database::query(std::string_view name) const {
  auto it = queries_.find(name);
  if (it == queries_.end()) throw std::out_of_range("no SQL query named " + std::string{name});
  return it->second;
}

PreparedStatement* Database::prepared_statement(const std::string& sql) {
  auto it = prepared_.find(sql);
  return it == prepared_.end() ? nullptr : it->second.get();
}

PreparedStatement& Database::remember_statement(const std::string& sql, std::unique_ptr<PreparedStatement> prepared) {
  auto& slot = prepared_[sql];
  slot = std::move(prepared);
  return *slot;
}

void Database::set_page_cache_mib(int mib) {
  if (dialect_ == Dialect::sqlite) session_ << "PRAGMA cache_size = -" + std::to_string(mib * 1024);
}

void Database::defer_commit_flush(bool deferred) {
  if (!sqlite_wal_ || deferred == commit_flush_deferred_) return;
  session_ << (deferred ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
  commit_flush_deferred_ = deferred;
}

void Database::flush_commits() {
  if (!commit_flush_deferred_) return;
  // In WAL mode a commit writes its pages to FILE-wal (SQLite's documented file layout) and, with
  // synchronous = NORMAL, does not fsync it; pages a checkpoint copied into the database file were
  // flushed by that checkpoint. A missing log (never written) has nothing to flush.
  for (const auto& file : {std::filesystem::path(sqlite_file_.string() + "-wal"), sqlite_file_}) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) continue;
      throw std::system_error(errno, std::generic_category(), "cannot open " + file.string() + " to flush it");
    }
    const int flushed = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (flushed != 0) throw std::system_error(error, std::generic_category(), "cannot flush " + file.string());
  }
}

int Database::latest_version() const {
  auto migrations = list_migrations(sql_dir_ / dialect_folder(dialect_));
  return migrations.empty() ? 0 : migrations.back().version;
}

std::vector<int> Database::applied_versions() {
  long long tables = 0;
  session_ << query("schema_migrations.exists"), soci::into(tables);
  std::vector<int> out;
  if (tables == 0) return out;
  soci::rowset<int> rows = (session_.prepare << query("schema_migrations.applied"));
  for (int v : rows) out.push_back(v);
  return out;
}

std::vector<int> Database::migrate() {
  session_ << query("schema_migrations.create");
  std::vector<int> applied = applied_versions();
  std::vector<int> now;
  for (const Migration& m : list_migrations(sql_dir_ / dialect_folder(dialect_))) {
    if (std::find(applied.begin(), applied.end(), m.version) != applied.end()) continue;
    soci::transaction tx(session_);
    try {
      for (const std::string& statement : split_statements(read_text_file(m.file))) session_ << statement;
      session_ << query("schema_migrations.insert"), soci::use(m.version, "version"), soci::use(m.name, "name");
    } catch (const soci::soci_error& e) {
      throw std::runtime_error("migration " + m.name + " failed: " + e.what());
    }
    tx.commit();
    now.push_back(m.version);
  }
  return now;
}

void Database::check_schema() {
  std::vector<int> expected;
  for (const Migration& m : list_migrations(sql_dir_ / dialect_folder(dialect_))) expected.push_back(m.version);
  std::vector<int> applied = applied_versions();
  if (applied == expected) return;
  if (applied.empty()) throw std::runtime_error("the database has no Clause schema: run `clause init` first");
  int have = applied.back();
  int want = expected.empty() ? 0 : expected.back();
  if (have > want)
    throw std::runtime_error("the database schema is at version " + std::to_string(have) +
                             ", newer than this build of clause (version " + std::to_string(want) +
                             "): use a newer clause");
  if (have < want)
    throw std::runtime_error("the database schema is at version " + std::to_string(have) +
                             " but this build of clause needs version " + std::to_string(want) +
                             ": run `clause init` to migrate");
  throw std::runtime_error("the database has migrations " + join_versions(applied) + " but this build of clause has " +
                           join_versions(expected));
}

}  // namespace clause
