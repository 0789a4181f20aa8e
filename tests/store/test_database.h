// Fresh, migrated databases for store tests, on SQLite (a temporary file) or PostgreSQL (a
// uniquely named database created on the server of CLAUSE_TEST_PG and dropped afterwards).
// PostgreSQL tests skip when CLAUSE_TEST_PG is unset, unless CLAUSE_REQUIRE_PG=1 makes them fail.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"

namespace clause::testing {

enum class Backend { sqlite, postgresql };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

inline const char* pg_server() {
  const char* s = std::getenv("CLAUSE_TEST_PG");
  return s && *s ? s : nullptr;
}

inline bool pg_required() {
  const char* s = std::getenv("CLAUSE_REQUIRE_PG");
  return s && std::string{s} == "1";
}

// The connection string of `server` pointed at database `name`.
inline std::string with_database(const std::string& server, const std::string& name) {
  if (server.rfind("postgres", 0) == 0 && server.find("://") != std::string::npos) {
    auto host_start = server.find("://") + 3;
    auto path = server.find_first_of("/?", host_start);
    std::string query =
        path == std::string::npos
            ? ""
            : server.substr(server.find('?', path) == std::string::npos ? server.size() : server.find('?', path));
    return server.substr(0, path == std::string::npos ? server.size() : path) + "/" + name + query;
  }
  return server + " dbname=" + name;  // libpq: the last value of a keyword wins
}

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    static std::atomic<int> counter{0};
    std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
    if (backend == Backend::sqlite) {
      file_ = std::filesystem::temp_directory_path() / ("clause_store_test_" + unique + ".sqlite");
      remove_files();
      db_ = Database::open("sqlite:" + file_.string());
    } else {
      name_ = "clause_test_" + unique;
      admin_ = Database::open(pg_server());
      admin_->session() << "DROP DATABASE IF EXISTS " + name_;
      admin_->session() << "CREATE DATABASE " + name_;
      db_ = Database::open(with_database(pg_server(), name_));
    }
  }
  ~TestDatabase() {
    db_.reset();
    if (admin_)
      admin_->session() << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    else
      remove_files();
  }
  Database& db() { return *db_; }
  // Closes and opens the same database again (a second process, a rerun).
  void reopen() {
    db_.reset();
    db_ = Database::open(backend_ == Backend::sqlite ? "sqlite:" + file_.string() : with_database(pg_server(), name_));
  }

 private:
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file_.string() + suffix);
  }
  Backend backend_;
  std::filesystem::path file_;
  std::string name_;
  std::unique_ptr<Database> admin_;
  std::unique_ptr<Database> db_;
};

}  // namespace clause::testing

// First line of a backend-parameterised test: skips (or fails) without a PostgreSQL server.
#define CLAUSE_NEED_BACKEND(backend)                                                                     \
  do {                                                                                                   \
    if ((backend) == ::clause::testing::Backend::postgresql && !::clause::testing::pg_server()) {        \
      if (::clause::testing::pg_required()) FAIL() << "CLAUSE_REQUIRE_PG=1 but CLAUSE_TEST_PG is unset"; \
      GTEST_SKIP() << "CLAUSE_TEST_PG is unset";                                                         \
    }                                                                                                    \
  } while (0)
