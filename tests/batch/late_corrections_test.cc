// Corrections of older months by `clause nightly` (issue 12): an incident of two months before the
// night, imported late, gives its corrective statement and its further credit note, numbers
// continuous (B7); a night whose data did not change checks no month again (the input fingerprint
// of each watched month, batch/correction_months.h).
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class LateCorrections : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("late-corrections-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
    // October issued by hand, then the first nightly (2026-12-01: November's statements; October
    // is an older month, checked once and fingerprinted).
    ASSERT_LE(ws_->statements("2026-10").exit_code, 1);
    ASSERT_LE(nightly("2026-12-01").exit_code, 1);
    before_ = sql("select count(*) from issued_documents where kind = 'credit_note'");
    // INC-GA-1028, imported late: Wed 28 Oct 2026 10:00 (HO, after the DST change: +01:00) -> GTI
    // deadline 11:00 (S1, 1 h in business hours); intervention 14:00, 3 h late.
    testing::CsvDataSet data;
    data.row("incidents",
             "INC-GA-1028,CTR-K-GARNIER,SRV-GA-APP,2026-10-28T10:00:00+01:00,2026-10-28T14:00:00+01:00,"
             "2026-10-28T15:00:00+01:00,true,server,false,0,Saisie tardive d'octobre");
    data.write(ws_->root() / "late");
    auto imported = ws_->clause("import " + (ws_->root() / "late").string());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    night2_ = new testing::CommandResult(nightly("2026-12-02"));
    night3_ = new testing::CommandResult(nightly("2026-12-03"));
  }
  static void TearDownTestSuite() {
    delete night2_;
    delete night3_;
    delete ws_;
  }
  static testing::CommandResult nightly(const std::string& date) {
    return ws_->clause("nightly --date " + date + " --out " + ws_->out().string());
  }
  static std::string sql(const std::string& query) {
    return run_command("sqlite3 " + (ws_->root() / "clause.db").string() + " \"" + query + "\"").output;
  }

  static Workspace* ws_;
  static testing::CommandResult* night2_;
  static testing::CommandResult* night3_;
  static std::string before_;
};
Workspace* LateCorrections::ws_ = nullptr;
testing::CommandResult* LateCorrections::night2_ = nullptr;
testing::CommandResult* LateCorrections::night3_ = nullptr;
std::string LateCorrections::before_;

// S2: 3 h late is the 25 % tier of Garnier's 540.00 fee = 135.00, under the 540.00 cap (S7): the
// corrective statement of October, dated the night it was found, grants 135.00 more than the
// original did.
TEST_F(LateCorrections, AnIncidentOfTwoMonthsAgoGivesItsCorrectionTheNightItIsImported) {
  EXPECT_LE(night2_->exit_code, 1) << night2_->output;
  EXPECT_NE(night2_->output.find("corrections 2026-10:"), std::string::npos) << night2_->output;  // the step ran
  EXPECT_EQ(sql("select period || '|' || issued_on from issued_documents where kind = 'statement' and "
                "contract_id = 'CTR-K-GARNIER' and period like '2026-10-c%'"),
            "2026-10-c1|2026-12-02\n");
  const auto manifest = nlohmann::json::parse(testing::read_text(ws_->out() / "2026-10" / "manifest.json"));
  ASSERT_EQ(manifest["corrections_issued"].size(), 1u);
  EXPECT_EQ(manifest["corrections_issued"][0]["reference"], "RM-CTR-K-GARNIER-2026-10-R1");
  EXPECT_EQ(manifest["corrections_issued"][0]["recomputed_credit_cents"].get<long long>() -
                manifest["corrections_issued"][0]["issued_credit_cents"].get<long long>(),
            13500);
}

// B4, B7: the further credit note of the difference is issued that night, the next number.
TEST_F(LateCorrections, TheFurtherCreditNoteTakesTheNextNumber) {
  const int before = std::stoi(before_);
  EXPECT_EQ(sql("select count(*) from issued_documents where kind = 'credit_note'"), std::to_string(before + 1) + "\n");
  char expected[64];
  std::snprintf(expected, sizeof expected, "AV-2026-%06d|2026-12-02|13500\n", before + 1);
  EXPECT_EQ(sql("select number || '|' || issued_on || '|' || ht_cents from issued_documents where kind = 'credit_note' "
                "order by number desc limit 1"),
            expected);
  // Continuous: as many numbers as credit notes, the highest being their count.
  EXPECT_EQ(sql("select count(distinct number) || '|' || max(number) from issued_documents where kind = 'credit_note'"),
            std::to_string(before + 1) + "|" + std::string(expected).substr(0, 14) + "\n");
}

// The next night, nothing changed: October is not checked again, nothing issued.
TEST_F(LateCorrections, ANightWithoutChangesChecksNoMonthAgain) {
  EXPECT_LE(night3_->exit_code, 1) << night3_->output;
  EXPECT_NE(night3_->output.find("late_corrections: done"), std::string::npos) << night3_->output;
  EXPECT_EQ(night3_->output.find("corrections 2026-10:"), std::string::npos) << night3_->output;
  EXPECT_EQ(sql("select count(*) from issued_documents where issued_on = '2026-12-03' and kind <> 'invoice'"), "0\n");
}

}  // namespace
}  // namespace clause
