#include "store/database.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

class DatabaseTest : public ::testing::TestWithParam<Backend> {};

TEST_P(DatabaseTest, MigrateAppliesEveryVersionOnceThenNothing) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  EXPECT_EQ(t.db().migrate(), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  EXPECT_EQ(t.db().migrate(), std::vector<int>{});
  EXPECT_EQ(t.db().applied_versions(), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  EXPECT_NO_THROW(t.db().check_schema());
}

TEST_P(DatabaseTest, BlankDatabaseFailsTheSchemaCheck) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  try {
    t.db().check_schema();
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "the database has no Clause schema: run `clause init` first");
  }
}

// A copy of sql/ with one more migration: the code of a newer build.
std::filesystem::path newer_sql_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("clause_sql_newer_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(default_sql_dir(), dir, std::filesystem::copy_options::recursive);
  for (const char* dialect : {"sqlite", "postgresql"})
    std::ofstream(dir / dialect / "012_future.sql") << "CREATE TABLE future (x INTEGER);\n";
  return dir;
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

TEST(DatabaseVersions, BehindAndAheadGiveClearMessages) {
  auto file = std::filesystem::temp_directory_path() / ("clause_versions_" + std::to_string(getpid()) + ".sqlite");
  std::filesystem::remove(file);
  auto newer = newer_sql_dir();
  {
    auto current = Database::open("sqlite:" + file.string());
    current->migrate();
    auto next = Database::open("sqlite:" + file.string(), newer);
    try {
      next->check_schema();
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(),
                   "the database schema is at version 11 but this build of clause needs version 12: run `clause init` "
                   "to migrate");
    }
    EXPECT_EQ(next->migrate(), std::vector<int>{12});
    try {
      current->check_schema();
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(
          e.what(),
          "the database schema is at version 12, newer than this build of clause (version 11): use a newer clause");
    }
  }
  std::filesystem::remove_all(newer);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

TEST(DatabaseOpen, UnknownUrlIsRefusedWithTheReason) {
  try {
    Database::open("mysql://x");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot open database mysql://x: expected sqlite:PATH or a PostgreSQL connection string");
  }
}

TEST(DatabaseOpen, SqliteEnforcesForeignKeys) {
  auto db = Database::open("sqlite::memory:");
  db->migrate();
  EXPECT_THROW(
      db->session() << "INSERT INTO services (id, contract_id, kind, managed) VALUES ('S', 'nope', 'server', 1)",
      soci::soci_error);
}

}  // namespace
}  // namespace clause
