// Reversibility continuity is measured and billed (RULES R4, K Art. 16) end to end: CTR-K-VERNET of
// samples/ ends on 2026-12-31 with a reversibility request (REV-VN-1) and no take-over, so its
// services continue until day 90, 2027-03-31. Its continuity months get statements (service levels
// carry over) and are invoiced in arrears on the first day of the next month, at the price in force.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class ContinuityR4 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("continuity-r4-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
    // INC-VN-0112: Tue 2027-01-12 10:00 (HO, S1: deadline 11:00), intervention at 12:30, not blocking.
    testing::CsvDataSet late;
    late.row("incidents",
             "INC-VN-0112,CTR-K-VERNET,SRV-VN-LIMS,2027-01-12T10:00:00+01:00,2027-01-12T12:30:00+01:00,"
             "2027-01-12T13:00:00+01:00,false,server,false,0,Lenteurs du LIMS pendant la reprise");
    late.write(ws_->root() / "january");
    auto imported = ws_->clause("import " + (ws_->root() / "january").string());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    for (const char* month : {"2027-01", "2027-02", "2027-03", "2027-04"}) {
      auto run = ws_->statements(month, "--contract CTR-K-VERNET");
      ASSERT_EQ(run.exit_code, 0) << run.output;
    }
    for (const char* date : {"2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01"}) {
      auto run = ws_->clause("invoices --contract CTR-K-VERNET --out " + ws_->out().string() + " --date " + date);
      ASSERT_EQ(run.exit_code, 0) << run.output;
    }
  }
  static void TearDownTestSuite() { delete ws_; }

  static std::string sql(const std::string& query) {
    return run_command("sqlite3 " + (ws_->root() / "clause.db").string() + " \"" + query + "\"").output;
  }
  static std::string path_of(const std::string& number) { return ws_->document_path("number = '" + number + "'"); }
  static std::string text_of(const std::string& number) { return testing::collapsed_pdf_text(path_of(number)); }

  static Workspace* ws_;
};
Workspace* ContinuityR4::ws_ = nullptr;

// R4: January, February and March 2027 are continuity months and get statements; April does not
// (continuity ends on day 90, 2027-03-31), and is not reported as skipped either.
TEST_F(ContinuityR4, ContinuityMonthsGetStatementsUntilDay90) {
  EXPECT_EQ(sql("select period from issued_documents where kind = 'statement' order by period"),
            "2027-01\n2027-02\n2027-03\n");
  EXPECT_EQ(nlohmann::json::parse(testing::read_text(ws_->out() / "2027-04" / "manifest-CTR-K-VERNET.json"))["skipped"]
                .size(),
            0u);
}

// R4 (service levels carry over), S1, S2: INC-VN-0112 is 1 h 30 late -> 10 % of the price in force,
// 786.24 (no SYNTEC revision after the end of service, B3) = 78.624 -> 78.62. January is billed for
// all its 31 days, so the cap is the monthly fee (S7).
TEST_F(ContinuityR4, AnIncidentOfAContinuityMonthEarnsItsCredit) {
  const auto manifest =
      nlohmann::json::parse(testing::read_text(ws_->out() / "2027-01" / "manifest-CTR-K-VERNET.json"));
  ASSERT_EQ(manifest["documents"].size(), 1u);
  EXPECT_EQ(manifest["documents"][0]["credits_cents"]["SRV-VN-LIMS"], 7862);
}

// R4 Decision, B2, B6: on 2027-02-01 January is invoiced in arrears for its 31 days: 786.24 x
// 31/31 = 786.24 HT, one line for the one service, VAT 20 % 157.248 -> 157.25, TTC 943.49
// (FA-2027-000001, ledger key continuity-2027-01). Nothing on 2027-01-01 (December was billed in
// advance on 2026-12-01, and nothing variable is left) nor on 2027-05-01.
TEST_F(ContinuityR4, EachContinuityMonthIsInvoicedInArrearsAtThePriceInForce) {
  EXPECT_EQ(sql("select number, issued_on, period, ht_cents, vat_cents, ttc_cents from issued_documents "
                "where kind = 'invoice' order by number"),
            "FA-2027-000001|2027-02-01|continuity-2027-01|78624|15725|94349\n"
            "FA-2027-000002|2027-03-01|continuity-2027-02|78624|15725|94349\n"
            "FA-2027-000003|2027-04-01|continuity-2027-03|78624|15725|94349\n");
  const std::string january = text_of("FA-2027-000001");
  EXPECT_NE(january.find("Continuité de service (réversibilité, art."), std::string::npos) << january;
  EXPECT_NE(january.find("Serveur LIMS (HDS) — du 01/01/2027 au 31/01/2027"), std::string::npos) << january;
  EXPECT_EQ(january.find("prorata"), std::string::npos) << january;
  EXPECT_NE(text_of("FA-2027-000003").find("fin de la continuité le 31/03/2027"), std::string::npos);
  auto valid = testing::validate_embedded_cii(path_of("FA-2027-000001"), ws_->root() / "FA-2027-000001.xml");
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
}

// B4, R4: January's credit note is issued on 2027-02-01 right after the invoice it cites: 78.62 HT,
// VAT 20 % 15.724 -> 15.72, TTC 94.34, correcting FA-2027-000001; the next continuity invoice
// deducts it: 943.49 - 94.34 = 849.15 to pay on FA-2027-000002.
TEST_F(ContinuityR4, TheCreditOfAContinuityMonthCitesItsInvoiceAndIsDeductedFromTheNext) {
  EXPECT_EQ(
      sql("select d.number, d.issued_on, d.ht_cents, d.vat_cents, d.ttc_cents, c.invoice_number, x.invoice_number "
          "from issued_documents d join credit_note_corrections c on c.credit_note_number = d.number "
          "left join credit_note_deductions x on x.credit_note_number = d.number"),
      "AV-2027-000001|2027-02-01|7862|1572|9434|FA-2027-000001|FA-2027-000002\n");
  EXPECT_NE(text_of("FA-2027-000002").find("Net à payer 849,15 €"), std::string::npos);
}

}  // namespace
}  // namespace clause
