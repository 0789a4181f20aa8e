// Restore points are complete days (RULES K1, D Art. 4) and the 30 days above the mail quota are a
// free grace (B5, D Art. 6.1), end to end through the real `clause` binary: the statement's
// workbook of samples/ for K1, the invoice lines of a data set written here for B5.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

std::string sql(const Workspace& ws, const std::string& query) {
  return run_command("sqlite3 " + (ws.root() / "clause.db").string() + " \"" + query + "\"").output;
}

// The rows of the workbook sheet `sheet`, one Python tuple a line.
std::string sheet_rows(const std::filesystem::path& xlsx, const std::string& sheet) {
  return run_command(
             "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])[sys.argv[2]];"
             " [print(r) for r in ws.iter_rows(values_only=True)]\" '" +
             xlsx.string() + "' '" + sheet + "'")
      .output;
}

// K1 on samples/ (case 12): CTR-D-DUBOIS's server srv1 has a complete day (system, files and
// databases, successful, 01:00-06:00, off-site) on every day of 25-31 Oct 2026: 7 restore points at
// the end of October, not the 21 backup files of those days. In November 27 Nov lacks its databases
// backup: 6 restore points (24, 25, 26, 28, 29, 30 Nov). Days checked: 31 in October, 2 incomplete
// (7 and 18 Oct); 30 in November, 3 incomplete (4, 12 and 27 Nov). The last restore point became
// complete with the databases backup started on 30 Nov at 03:20.
TEST(RestorePointsK1, AreCompleteDaysAtMostSevenNotBackupFiles) {
  Workspace ws("k1-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  for (const char* month : {"2026-10", "2026-11"})
    ASSERT_EQ(ws.statements(month, "--contract CTR-D-DUBOIS").exit_code, 0);
  auto xlsx_of = [&](const std::string& month) {
    std::string p = sql(ws, "select path from issued_documents where kind = 'statement' and period = '" + month + "'");
    std::filesystem::path pdf(p.substr(0, p.size() - 1));
    return pdf.replace_extension(".xlsx");
  };
  EXPECT_NE(
      sheet_rows(xlsx_of("2026-10"), "Sauvegardes par serveur").find("('srv1.menuiserie-dubois.fr', 31, 29, 2, 7, "),
      std::string::npos)
      << sheet_rows(xlsx_of("2026-10"), "Sauvegardes par serveur");
  const std::string november = sheet_rows(xlsx_of("2026-11"), "Sauvegardes par serveur");
  EXPECT_NE(november.find("('srv1.menuiserie-dubois.fr', 30, 27, 3, 6, datetime.datetime(2026, 11, 30, 3, 20))"),
            std::string::npos)
      << november;
}

// CTR-B5: dag, annual from 2025-11-01, 1 200.00 a year. Mailboxes at 24 000 MB on 31 Aug 2026, then
// 31 000 MB every day from 1 Sep to 31 Oct 2026.
void write_mail_contract(const std::filesystem::path& dir) {
  testing::CsvDataSet data;
  data.row("accounts",
           "ACC-B5,client,,Association Courrier Plein,5 rue des Boîtes 44000 Nantes,552100445,,fr,"
           "2026-11-20,2025-10-01")
      .row("contracts", "CTR-B5,ACC-B5,dag,2025-11-01,,12,true,annual,true,false,0,metropole,Europe/Paris")
      .row("services", "SRV-B5,CTR-B5,server,srv.courrier.org,Serveur srv.courrier.org,true")
      .row("fee_revisions", "SRV-B5,2025-11-01,1200.00,")
      .row("mail_usage", "CTR-B5,2026-08-31,24000");
  for (int day = 1; day <= 30; ++day)
    data.row("mail_usage", "CTR-B5,2026-09-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + ",31000");
  for (int day = 1; day <= 31; ++day)
    data.row("mail_usage", "CTR-B5,2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + ",31000");
  data.write(dir);
}

// B5 Decision: above 25 GB from 1 Sep, the 30 days 1-30 Sep are the free grace, so September holds
// no billable day and is not billed; 1 Oct is the 31st day, the first billable one: October is
// billed 31 000 MB - 25 000 MB = 6 GB above, 2 started steps of 5 GB x 10.00 = 20.00. D bills its
// variable lines on the next annual invoice (2026-11-01, the tacit renewal, N1): 1 200.00 + 20.00 =
// 1 220.00 HT, VAT 20 % 244.00, TTC 1 464.00, with an October line and no September line.
TEST(MailGraceB5, SeptemberIsTheGraceAndOctoberTheFirstBilledMonth) {
  Workspace ws("b5-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  write_mail_contract(ws.root() / "data");
  auto imported = ws.clause("import " + (ws.root() / "data").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  auto run = ws.clause("invoices --date 2026-11-01 --out " + ws.out().string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(sql(ws, "select number, period, ht_cents, vat_cents, ttc_cents from issued_documents"),
            "FA-2026-000001|2026-11-01|122000|24400|146400\n");
  std::string path = sql(ws, "select path from issued_documents where number = 'FA-2026-000001'");
  const std::string text = testing::pdf_text(path.substr(0, path.size() - 1));
  EXPECT_NE(text.find("octobre 2026 (31,0 Go"), std::string::npos) << text;
  EXPECT_EQ(text.find("septembre 2026"), std::string::npos) << text;
}

}  // namespace
}  // namespace clause
