// SELECTs prepared once per SQLite connection (issue 16: SOCI prepared every query anew, 26 times
// per invoice) and the page cache a connection gets: a reused statement gives each run its own
// rows and holds no read transaction between runs.
#include <gtest/gtest.h>

#include "store/table_rows.h"
#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

const std::string kByKey = "SELECT v FROM t WHERE k = :k ORDER BY v";

void make_table(Database& db) {
  db.session() << "CREATE TABLE t (k TEXT, v TEXT)";
  db.session() << "INSERT INTO t VALUES ('a', '1'), ('a', '2'), ('b', '3')";
}

std::vector<std::string> values_of(Database& db, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& row : select_cells(db, kByKey, 1, {{"k", key}})) out.push_back(row[0].value_or("NULL"));
  return out;
}

TEST(PreparedSelect, ASecondRunWithAnotherValueGivesItsOwnRows) {
  TestDatabase t(Backend::sqlite);
  make_table(t.db());
  EXPECT_EQ(values_of(t.db(), "a"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(values_of(t.db(), "b"), (std::vector<std::string>{"3"}));
  EXPECT_EQ(values_of(t.db(), "c"), (std::vector<std::string>{}));
}

TEST(PreparedSelect, IsPreparedOnceForTheConnection) {
  TestDatabase t(Backend::sqlite);
  make_table(t.db());
  values_of(t.db(), "a");
  const PreparedStatement* first = t.db().prepared_statement(kByKey);
  values_of(t.db(), "b");
  EXPECT_NE(first, nullptr);
  EXPECT_EQ(t.db().prepared_statement(kByKey), first);
}

TEST(PreparedSelect, HoldsNoReadTransactionBetweenRuns) {
  TestDatabase t(Backend::sqlite);
  make_table(t.db());
  values_of(t.db(), "a");
  // Another connection (another run) writes meanwhile: the next run sees its row.
  auto other = Database::open("sqlite:" + t.db().sqlite_file().string());
  other->session() << "INSERT INTO t VALUES ('a', '4')";
  EXPECT_EQ(values_of(t.db(), "a"), (std::vector<std::string>{"1", "2", "4"}));
}

TEST(PreparedSelect, ANullColumnStaysNullWhenTheStatementRunsAgain) {
  TestDatabase t(Backend::sqlite);
  make_table(t.db());
  t.db().session() << "INSERT INTO t VALUES ('n', NULL)";
  EXPECT_EQ(values_of(t.db(), "n"), (std::vector<std::string>{"NULL"}));
  EXPECT_EQ(values_of(t.db(), "b"), (std::vector<std::string>{"3"}));
  EXPECT_EQ(values_of(t.db(), "n"), (std::vector<std::string>{"NULL"}));
}

// Writes through execute_cells (issue 16: the ledger's per-document writes were prepared at each
// call), on both backends.
class PreparedWrite : public ::testing::TestWithParam<Backend> {};

const std::string kInsert = "INSERT INTO w (k, n) VALUES (:k, :n)";

std::vector<std::string> rows_of(Database& db) {
  std::vector<std::string> out;
  for (const auto& row : select_cells(db, "SELECT k, n FROM w ORDER BY k", 2))
    out.push_back(row[0].value_or("NULL") + "=" + row[1].value_or("NULL"));
  return out;
}

TEST_P(PreparedWrite, EachRunWritesItsOwnValuesAndAMissingOneIsNull) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  t.db().session() << "CREATE TABLE w (k TEXT PRIMARY KEY, n BIGINT)";
  execute_cells(t.db(), kInsert, {{"k", "a"}, {"n", "1"}});
  execute_cells(t.db(), kInsert, {{"k", "b"}, {"n", Cell{}}});
  execute_cells(t.db(), kInsert, {{"k", "c"}, {"n", "-42"}});
  EXPECT_EQ(rows_of(t.db()), (std::vector<std::string>{"a=1", "b=NULL", "c=-42"}));
  // A number bound as text is stored as a number (SQLite's column affinity, PostgreSQL's inference).
  auto sum = select_cells(t.db(), "SELECT CAST(sum(n) AS BIGINT) FROM w", 1);
  EXPECT_EQ(sum.at(0)[0].value_or(""), "-41");
}

TEST_P(PreparedWrite, ARefusedWriteLeavesTheStatementReadyForTheNext) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  t.db().session() << "CREATE TABLE w (k TEXT PRIMARY KEY, n BIGINT)";
  execute_cells(t.db(), kInsert, {{"k", "a"}, {"n", "1"}});
  EXPECT_THROW(execute_cells(t.db(), kInsert, {{"k", "a"}, {"n", "2"}}), soci::soci_error);  // same key
  execute_cells(t.db(), kInsert, {{"k", "b"}, {"n", "3"}});
  EXPECT_EQ(rows_of(t.db()), (std::vector<std::string>{"a=1", "b=3"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PreparedWrite, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

// PostgreSQL runs each write as a one-time query (one round trip): nothing is kept there.
TEST(PreparedWriteOnSqlite, IsPreparedOnceAndTakesNoLockBetweenRuns) {
  TestDatabase t(Backend::sqlite);
  t.db().session() << "CREATE TABLE w (k TEXT PRIMARY KEY, n BIGINT)";
  execute_cells(t.db(), kInsert, {{"k", "a"}, {"n", "1"}});
  const PreparedStatement* first = t.db().prepared_statement(kInsert);
  execute_cells(t.db(), kInsert, {{"k", "b"}, {"n", "2"}});
  EXPECT_NE(first, nullptr);
  EXPECT_EQ(t.db().prepared_statement(kInsert), first);
  // Another connection writes meanwhile: no lock is held by the statement kept for the next run.
  auto other = Database::open("sqlite:" + t.db().sqlite_file().string());
  other->session() << "INSERT INTO w VALUES ('c', 3)";
  EXPECT_EQ(rows_of(t.db()), (std::vector<std::string>{"a=1", "b=2", "c=3"}));
}

long long cache_size(Database& db) {
  long long pages = 0;
  db.session() << "PRAGMA cache_size", soci::into(pages);
  return pages;
}

TEST(PageCache, AConnectionGets8MiBAndTheImportAsksFor64) {
  TestDatabase t(Backend::sqlite);
  EXPECT_EQ(cache_size(t.db()), -8192);  // negative: KiB
  t.db().set_page_cache_mib(64);
  EXPECT_EQ(cache_size(t.db()), -65536);
}

}  // namespace
}  // namespace clause
