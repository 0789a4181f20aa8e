// The CSV import against tests/import_corpus/: a good base set (every file, BOM, CRLF, quoted
// newlines, offsets), then each broken case, whose expected.txt holds the exact messages; a
// failed import must leave every table exactly as it was.
#include "store/csv_import.h"

#include <gtest/gtest.h>

#include "store/table_rows.h"
#include "store/term_notice_tables.h"  // issue 12

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "store/record_repository.h"
#include "store/sql_text.h"
#include "store/table_rows.h"
#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

const std::filesystem::path corpus = std::filesystem::path{CLAUSE_SOURCE_DIR} / "tests/import_corpus";

Instant at(const char* text) { return parse_instant(text).value(); }
Date day(const char* text) { return parse_date(text).value(); }

std::vector<std::string> expected_messages(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  std::ifstream in(dir / "expected.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

class CsvImport : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    CLAUSE_NEED_BACKEND(GetParam());
    t_ = std::make_unique<TestDatabase>(GetParam());
    db().migrate();
  }
  Database& db() { return t_->db(); }
  std::unique_ptr<TestDatabase> t_;
};

TEST_P(CsvImport, BaseSetImportsEveryFile) {
  ImportReport report = import_directory(db(), corpus / "base");
  ASSERT_EQ(report.errors, std::vector<std::string>{});
  EXPECT_EQ(report.files, (std::vector<ImportedFile>{{"accounts.csv", 3},
                                                     {"people.csv", 2},
                                                     {"contracts.csv", 2},
                                                     {"services.csv", 3},
                                                     {"fee_revisions.csv", 4},
                                                     {"incidents.csv", 3},
                                                     {"outages.csv", 2},
                                                     {"interventions.csv", 2},
                                                     {"support_tickets.csv", 2},
                                                     {"root_access_periods.csv", 2},
                                                     {"backups.csv", 2},
                                                     {"mail_usage.csv", 2},
                                                     {"price_indices.csv", 2},
                                                     {"prior_invoices.csv", 1},
                                                     {"payments.csv", 2},
                                                     {"reversibility_requests.csv", 1},
                                                     {"price_changes.csv", 2},
                                                     {"breach_notices.csv", 1}}));
  DataSet d = load_data_set(db());
  // Issue 12: N2 and N3 facts; an empty `announced` is a change not announced yet.
  const auto changes = load_records<PriceChange>(db(), "price_changes.all");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (PriceChange{"PC-1", "C-2", day("2026-12-01"), day("2026-10-25"), "bande passante +12 %"}));
  EXPECT_EQ(changes[1].announced, std::nullopt);
  EXPECT_EQ(load_records<BreachNotice>(db(), "breach_notices.all"),
            (std::vector<BreachNotice>{{"BR-1", "C-1", BreachParty::provider, 15, day("2026-11-25"), std::nullopt,
                                        "sauvegardes non conformes"}}));
  // accounts.csv has a BOM and CRLF ends; the quoted address keeps its CRLF as data.
  EXPECT_EQ(d.accounts[0], (Account{"A-1", AccountKind::reseller, std::nullopt, "Hébergeur Revendeur SARL",
                                    "12 rue de la Paix\r\n75002 Paris", "123456789", "FR12123456789", "fr",
                                    day("2026-09-30"), day("2020-01-15")}));
  EXPECT_EQ(d.accounts[1].parent_id, "A-1");
  EXPECT_EQ(d.accounts[1].name, "Client, filiale");
  EXPECT_EQ(d.people[1].full_name, "Éric \"Rick\" Martin");
  // 17:30+02:00 is 15:30Z; 09:45+01:00 (after the DST change) is 08:45Z (T1: stored in UTC).
  EXPECT_EQ(d.incidents[0], (Incident{"I-1", "C-1", "S-1", at("2026-10-23T15:30:00Z"), at("2026-10-26T08:45:00Z"),
                                      at("2026-10-26T15:00:00Z"), true, IncidentCause::server, true,
                                      std::chrono::minutes{90}, "Disque plein\nbase arrêtée"}));
  EXPECT_EQ(d.incidents[1].intervention_start, std::nullopt);
  EXPECT_EQ(d.outages[1].start, at("2026-10-12T02:00:00Z"));  // 04:00+02:00
  // "462.57" -> 46257 cents; "276.1" -> 276100 thousandths; "1200.5" -> 120050 cents; "120" -> 12000.
  EXPECT_EQ(d.fee_revisions[1], (FeeRevision{"S-1", day("2026-03-15"), Money::from_cents(46257), Milli{276100}}));
  EXPECT_EQ(d.fee_revisions[2].period_price, Money::from_cents(120050));
  EXPECT_EQ(d.fee_revisions[3].period_price, Money::from_cents(12000));
  EXPECT_EQ(d.price_indices[1], (PriceIndex{"SYNTEC", {2026, 8}, Milli{296125}, day("2026-09-30")}));
  EXPECT_EQ(d.backups[0].size_bytes, 53687091200);
  EXPECT_EQ(d.backups[1].end, std::nullopt);
  EXPECT_EQ(d.payments[0], (Payment{"PAY-2", "LEGACY-0042", day("2026-09-12"), Money::from_cents(1250)}));
  EXPECT_EQ(d.prior_invoices,
            (std::vector<PriorInvoice>{{"OLD-2025-0042", "C-2", day("2025-02-28"), day("2025-02-28"), day("2026-02-27"),
                                        Money::from_cents(120000), Milli{20000}, Money::from_cents(24000)}}));
  EXPECT_EQ(d.reversibility_requests[0].takeover, day("2027-02-15"));
  EXPECT_EQ(d.reversibility_requests[0].completed, std::nullopt);
  EXPECT_EQ(d.contracts[1].holiday_zone, HolidayZone::alsace_moselle);
  EXPECT_FALSE(d.contracts[1].tacit_renewal);
}

TEST_P(CsvImport, ImportingTwiceChangesNothing) {
  ASSERT_TRUE(import_directory(db(), corpus / "base").ok());
  DataSet once = load_data_set(db());
  ASSERT_TRUE(import_directory(db(), corpus / "base").ok());
  EXPECT_EQ(load_data_set(db()), once);
  EXPECT_EQ(count_rows(db(), "incidents"), 3);
  EXPECT_EQ(count_rows(db(), "fee_revisions"), 4);
  EXPECT_EQ(count_rows(db(), "mail_usage"), 2);
}

TEST_P(CsvImport, ReimportUpdatesByNaturalKey) {
  ASSERT_TRUE(import_directory(db(), corpus / "base").ok());
  auto dir = std::filesystem::temp_directory_path() / ("clause_update_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "incidents.csv")
      << "id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,"
         "backup_restore_minutes,summary\n"
         "I-2,C-1,S-2,2026-10-25T02:30:00Z,2026-10-25T03:00:00Z,,false,unknown,false,0,pris en charge\n";
  std::ofstream(dir / "mail_usage.csv") << "contract_id,day,megabytes\nC-2,2026-10-02,26000\n";
  ImportReport report = import_directory(db(), dir);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(report.errors, std::vector<std::string>{});
  DataSet d = load_data_set(db());
  EXPECT_EQ(d.incidents.size(), 3u);
  EXPECT_EQ(d.incidents[1].intervention_start, at("2026-10-25T03:00:00Z"));
  EXPECT_EQ(d.incidents[1].summary, "pris en charge");
  EXPECT_EQ(d.mail_usage[1].megabytes, 26000);
  EXPECT_EQ(d.mail_usage.size(), 2u);
}

TEST_P(CsvImport, EveryBrokenCaseReportsItsExactErrorsAndChangesNothing) {
  ASSERT_TRUE(import_directory(db(), corpus / "base").ok());
  const DataSet before = load_data_set(db());
  std::vector<std::filesystem::path> cases;
  for (const auto& entry : std::filesystem::directory_iterator(corpus))
    if (entry.is_directory() && entry.path().filename() != "base") cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  ASSERT_GE(cases.size(), 8u);
  for (const auto& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    ImportReport report = import_directory(db(), dir);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.errors, expected_messages(dir));
    EXPECT_EQ(load_data_set(db()), before);
  }
}

TEST_P(CsvImport, MissingDirectoryIsAnError) {
  ImportReport report = import_directory(db(), "/nonexistent/export");
  EXPECT_EQ(report.errors, std::vector<std::string>{"/nonexistent/export: not a directory"});
}

TEST_P(CsvImport, ErrorsAcrossRowsAreAllReportedInOnePass) {
  // The spec's own example: a contact on month 13, a duplicate, an unknown contract.
  ASSERT_TRUE(import_directory(db(), corpus / "base").ok());
  auto dir = std::filesystem::temp_directory_path() / ("clause_one_pass_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "incidents.csv")
      << "id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,"
         "backup_restore_minutes,summary\n"
         "I-7,C-1,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\n"
         "I-8,C-77,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\n"
         "I-7,C-1,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\n"
         "I-9,C-1,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\n"
         "I-10,C-1,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\n"
         "I-11,C-1,S-1,2026-13-01T10:00:00Z,,,false,unknown,false,0,\n";
  ImportReport report = import_directory(db(), dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(report.errors,
            (std::vector<std::string>{"incidents.csv:3: column contract_id: unknown contract \"C-77\"",
                                      "incidents.csv:4: column id: duplicate id \"I-7\", first seen line 2",
                                      "incidents.csv:7: column contacted: \"2026-13-01T10:00:00Z\" is not an ISO 8601 "
                                      "instant with offset"}));
}

// A scratch export folder, removed when the test ends.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("clause_" + name + "_" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Imports `dir` over the base set and checks that the database did not change.
ImportReport import_over_base(Database& db, const std::filesystem::path& dir) {
  EXPECT_TRUE(import_directory(db, corpus / "base").ok());
  const DataSet before = load_data_set(db);
  ImportReport report = import_directory(db, dir);
  EXPECT_EQ(load_data_set(db), before);
  return report;
}

TEST_P(CsvImport, FifoIsRefusedWithoutBeingOpened) {
  // Opening a FIFO for reading waits for a writer: the import would hang forever.
  ScratchDir dir("fifo");
  ASSERT_EQ(mkfifo((dir.path() / "incidents.csv").c_str(), 0600), 0);
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"incidents.csv: is a FIFO, not a regular file"});
}

TEST_P(CsvImport, SymlinkToADeviceIsRefused) {
  // /dev/zero never ends: reading it would exhaust memory (it used to end in bad_alloc).
  ScratchDir dir("device");
  std::filesystem::create_symlink("/dev/zero", dir.path() / "outages.csv");
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"outages.csv: symbolic link to a character device, not a regular file"});
}

TEST_P(CsvImport, DanglingSymlinkIsAnErrorNotAnAbsentFile) {
  ScratchDir dir("dangling");
  std::filesystem::create_symlink("gone/incidents.csv", dir.path() / "incidents.csv");
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"incidents.csv: symbolic link to a missing file"});
}

TEST_P(CsvImport, SymlinkLoopIsRefused) {
  ScratchDir dir("loop");
  std::filesystem::create_symlink("incidents.csv", dir.path() / "incidents.csv");
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"incidents.csv: cannot read: Too many levels of symbolic links"});
}

TEST_P(CsvImport, SymlinkToARegularFileIsRead) {
  ScratchDir dir("linked");
  std::filesystem::create_symlink(corpus / "base" / "accounts.csv", dir.path() / "accounts.csv");
  ImportReport report = import_directory(db(), dir.path());
  EXPECT_EQ(report.errors, std::vector<std::string>{});
  EXPECT_EQ(report.files, (std::vector<ImportedFile>{{"accounts.csv", 3}}));
}

TEST_P(CsvImport, DirectoryNamedLikeAFileIsRefused) {
  ScratchDir dir("directory");
  std::filesystem::create_directories(dir.path() / "people.csv");
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"people.csv: is a directory, not a regular file"});
}

TEST_P(CsvImport, FileOverOneGibibyteIsRefusedUnread) {
  ScratchDir dir("big");
  std::ofstream(dir.path() / "mail_usage.csv") << "contract_id,day,megabytes\n";
  std::filesystem::resize_file(dir.path() / "mail_usage.csv", max_csv_file_bytes + 1);  // sparse: no disk used
  EXPECT_EQ(import_over_base(db(), dir.path()).errors,
            std::vector<std::string>{"mail_usage.csv: 1073741825 bytes, more than the limit of 1073741824 (1 GiB)"});
}

TEST_P(CsvImport, FiveMegabyteFieldIsRefusedQuickly) {
  // The field is refused (over 65536 bytes); reading it must stay linear in its size.
  ScratchDir dir("five_mb");
  std::ofstream(dir.path() / "incidents.csv")
      << "id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,"
         "backup_restore_minutes,summary\n"
         "I-60,C-1,S-1,2026-10-01T10:00:00Z,,,false,unknown,false,0,\""
      << std::string(5'000'000, 'x') << "\"\n";
  auto start = std::chrono::steady_clock::now();
  ImportReport report = import_over_base(db(), dir.path());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{2});
  EXPECT_EQ(report.errors, std::vector<std::string>{"incidents.csv:2: column summary: field longer than 65536 bytes"});
}

INSTANTIATE_TEST_SUITE_P(Backends, CsvImport, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace clause
