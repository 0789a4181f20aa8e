// The nightly report (batch/night_report.h) and `clause nightly --dry-run` on the samples' month.
// Figures from samples/README.md, worked out by hand there: on 2026-12-01 the 11 statements of
// November carry 124.19 + 54.00 + 60.00 + 300.00 + 45.00 + 466.67 = 1 049.86 of credits ("Credits by
// statement"), which become 6 credit notes of 1 049.86 HT; their TTC, VAT rounded per note:
// 149.03 + 64.80 + 72.00 + 360.00 + 54.00 + 560.00 = 1 259.83.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class NightReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("night-report-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
    // Cron ran on the 1st, then nothing until the 30th: the 30th catches the month up.
    ASSERT_EQ(ws_->clause("nightly --date 2026-11-01 --out " + ws_->out().string()).exit_code, 0);
    ASSERT_EQ(ws_->clause("nightly --date 2026-11-30 --out " + ws_->out().string()).exit_code, 0);
  }
  static void TearDownTestSuite() { delete ws_; }
  static std::string issued() {
    return ws_->sql("select kind, coalesce(number, ''), sha256 from issued_documents order by 1, 2, 3");
  }
  static Workspace* ws_;
};
Workspace* NightReportTest::ws_ = nullptr;

TEST_F(NightReportTest, ADryRunTakesNoNumberAndTouchesNoDocument) {
  const std::string before = issued();
  const std::string files_before =
      run_command("cd " + ws_->out().string() + " && find . -type f | grep -v nightly/ | sort").output;
  auto dry = ws_->clause("nightly --date 2026-12-01 --dry-run --out " + ws_->out().string());
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("DRY RUN (nothing issued) night 2026-12-01:"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("6 credit notes: €1,049.86 excl. VAT, €1,259.83 incl. VAT"), std::string::npos)
      << dry.output;
  EXPECT_EQ(issued(), before);
  EXPECT_EQ(run_command("cd " + ws_->out().string() + " && find . -type f | grep -v nightly/ | sort").output,
            files_before);
  EXPECT_TRUE(std::filesystem::exists(ws_->out() / "nightly" / "dry-run" / "nightly-2026-12-01.pdf"));
  EXPECT_EQ(ws_->sql("select count(*) from runs where kind = 'nightly' and parameters = '--date 2026-12-01'"), "0\n");
}

TEST_F(NightReportTest, TheNightOfTheFirstIsSummedUpOnOneScreenAndInThePdf) {
  auto night = ws_->clause("nightly --date 2026-12-01 --out " + ws_->out().string());
  ASSERT_EQ(night.exit_code, 0) << night.output;
  const auto& out = night.output;
  EXPECT_NE(out.find("11 statements: €1,049.86 of credits granted"), std::string::npos) << out;
  EXPECT_NE(out.find("8 invoices: "), std::string::npos) << out;  // samples/README.md case 20: 8 on 12-01
  EXPECT_NE(out.find("6 credit notes: €1,049.86 excl. VAT, €1,259.83 incl. VAT"), std::string::npos) << out;
  const auto pdf = ws_->out() / "nightly" / "2026" / "nightly-2026-12-01.pdf";
  EXPECT_EQ(run_command("qpdf --check " + pdf.string() + " >/dev/null 2>&1; echo $?").output, "0\n");
  const std::string text = run_command("pdftotext " + pdf.string() + " - | tr -s ' \\n' ' '").output;
  EXPECT_NE(text.find("Rapport de la nuit du 01/12/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("1 049,86"), std::string::npos) << text;
  EXPECT_NE(text.find("1 259,83"), std::string::npos) << text;
  const auto xlsx = ws_->out() / "nightly" / "2026" / "nightly-2026-12-01.xlsx";
  EXPECT_EQ(run_command("/usr/bin/python3 -c \"import openpyxl; print(openpyxl.load_workbook('" + xlsx.string() +
                        "').sheetnames[:2])\"")
                .output,
            "['Étapes', 'Totaux par type']\n");
}

TEST_F(NightReportTest, EveryNightHasItsReport) {
  for (const char* night : {"2026-11-01", "2026-11-15", "2026-11-30"})
    EXPECT_TRUE(std::filesystem::exists(ws_->out() / "nightly" / "2026" / (std::string("nightly-") + night + ".pdf")))
        << night;
}

}  // namespace
}  // namespace clause
