// The hand-made samples imported into SQLite and into PostgreSQL read back as the same records on
// both databases, with instants in UTC (RULES T1).
#include <gtest/gtest.h>

#include "store/csv_import.h"
#include "store/record_repository.h"
#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

const std::filesystem::path kSamples = std::filesystem::path{CLAUSE_SOURCE_DIR} / "samples";

DataSet imported(Backend backend) {
  TestDatabase t(backend);
  t.db().migrate();
  ImportReport report = import_directory(t.db(), kSamples);
  EXPECT_TRUE(report.ok()) << (report.errors.empty() ? "" : report.errors.front());
  return load_data_set(t.db());
}

TEST(SamplesRoundTrip, SqliteAndPostgresqlHoldTheSameRecords) {
  CLAUSE_NEED_BACKEND(Backend::postgresql);
  DataSet sqlite = imported(Backend::sqlite);
  DataSet postgresql = imported(Backend::postgresql);
  EXPECT_EQ(sqlite.contracts.size(), 12u);
  EXPECT_EQ(sqlite.incidents.size(), 21u);
  EXPECT_EQ(sqlite.backups.size(), 380u);
  EXPECT_TRUE(sqlite == postgresql);
  EXPECT_EQ(sqlite.accounts, postgresql.accounts);
  EXPECT_EQ(sqlite.incidents, postgresql.incidents);
  EXPECT_EQ(sqlite.backups, postgresql.backups);
}

// T1: the export says 2026-11-20T17:30:00+01:00; the database holds 16:30 UTC.
TEST(SamplesRoundTrip, InstantsAreStoredInUtc) {
  DataSet d = imported(Backend::sqlite);
  for (const auto& i : d.incidents)
    if (i.id == "INC-SR-1120") {
      EXPECT_EQ(format_instant_utc(i.contacted), "2026-11-20T16:30:00Z");
      return;
    }
  FAIL() << "INC-SR-1120 not imported";
}

}  // namespace
}  // namespace clause
