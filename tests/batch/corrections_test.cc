// Corrections are issued, not only reported (issue 10; ARCHITECTURE invariant 5, B4, B7): when a
// rerun finds that an issued month's data now gives other credits, it issues a corrective statement
// (new reference, citing the statement it replaces, both kept), and `clause invoices` issues a
// further credit note for what the credits went up by; when they went down, the corrective says so
// and nothing is clawed back. End to end on CTR-K-GARNIER of samples/.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class Corrections : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("corrections-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
    ASSERT_EQ(invoices("2026-11-01").exit_code, 0);
    ASSERT_EQ(ws_->statements("2026-11", "--contract CTR-K-GARNIER").exit_code, 0);
    ASSERT_EQ(invoices("2026-12-01").exit_code, 0);
    original_ = sql("select id, number, period, sha256, ht_cents from issued_documents where kind = 'statement'");
    // INC-GA-1126, imported late: Thu 26 Nov 10:00 (HO) -> GTI deadline 11:00 (S1), started 14:00.
    import_incident("late", "2026-11-26T14:00:00+01:00");
    corrective_run_ = new testing::CommandResult(ws_->statements("2026-11", "--contract CTR-K-GARNIER"));
    ASSERT_EQ(invoices("2027-01-01").exit_code, 0);
  }
  static void TearDownTestSuite() {
    delete corrective_run_;
    delete ws_;
  }

  static testing::CommandResult invoices(const std::string& date) {
    return ws_->clause("invoices --contract CTR-K-GARNIER --out " + ws_->out().string() + " --date " + date);
  }
  static void import_incident(const std::string& folder, const std::string& intervention_start) {
    testing::CsvDataSet data;
    data.row("incidents", "INC-GA-1126,CTR-K-GARNIER,SRV-GA-APP,2026-11-26T10:00:00+01:00," + intervention_start +
                              ",2026-11-26T15:00:00+01:00,true,server,false,0,Saisie tardive");
    data.write(ws_->root() / folder);
    auto imported = ws_->clause("import " + (ws_->root() / folder).string());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static std::string sql(const std::string& query) {
    return run_command("sqlite3 " + (ws_->root() / "clause.db").string() + " \"" + query + "\"").output;
  }
  static std::string path_of(const std::string& where) { return ws_->document_path(where); }
  static std::string text_at(const std::string& pdf) { return testing::collapsed_pdf_text(pdf); }

  static Workspace* ws_;
  static testing::CommandResult* corrective_run_;
  static std::string original_;
};
Workspace* Corrections::ws_ = nullptr;
testing::CommandResult* Corrections::corrective_run_ = nullptr;
std::string Corrections::original_;

// Garnier's November statement granted 54.00 (case 2, INC-GA-1110: 10 % of 540.00). INC-GA-1126 is
// 3 h late: 25 % of 540.00 = 135.00 (S2); 54.00 + 135.00 = 189.00 < the 540.00 cap (S7). The rerun
// issues RM-CTR-K-GARNIER-2026-11-R1 (ledger period 2026-11-c1, its credits -189.00), beside the
// original, which keeps its row and file; the month's recorded credit becomes 189.00. Exit 0.
TEST_F(Corrections, ALateIncidentGivesACorrectiveStatementThatReplacesTheIssuedOne) {
  EXPECT_EQ(corrective_run_->exit_code, 0) << corrective_run_->output;
  EXPECT_NE(corrective_run_->output.find("contract CTR-K-GARNIER: the statement of 2026-11 shows 54.00 of credits, the "
                                         "data now gives 189.00 (SRV-GA-APP): it stays as issued; corrective statement "
                                         "RM-CTR-K-GARNIER-2026-11-R1 issued"),
            std::string::npos)
      << corrective_run_->output;
  EXPECT_NE(corrective_run_->output.find("1 issued, 1 already issued, 0 skipped, 0 no longer match the data"),
            std::string::npos)
      << corrective_run_->output;
  EXPECT_EQ(sql("select id, number, period, sha256, ht_cents from issued_documents where kind = 'statement' "
                "and period = '2026-11'"),
            original_);
  EXPECT_EQ(sql("select period, ht_cents from issued_documents where kind = 'statement' order by id"),
            "2026-11|-5400\n2026-11-c1|-18900\n");
  EXPECT_EQ(sql("select cents from service_credits where service_id = 'SRV-GA-APP' and month = '2026-11'"), "18900\n");
  const std::string pdf = path_of("kind = 'statement' and period = '2026-11-c1'");
  EXPECT_EQ(std::filesystem::path(pdf).filename(), "CTR-K-GARNIER-releve-2026-11-rectificatif-1.pdf");
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(pdf).replace_extension(".xlsx")));
  EXPECT_TRUE(std::filesystem::exists(path_of("kind = 'statement' and period = '2026-11'")));
  const std::string text = text_at(pdf);
  EXPECT_NE(text.find("Relevé rectificatif de niveau de service"), std::string::npos) << text;
  EXPECT_NE(text.find("Relevé rectificatif de RM-CTR-K-GARNIER-2026-11, qui remplace le relevé émis le 01/12/2026"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Avoirs du mois : 189,00 € au lieu de 54,00 €"), std::string::npos) << text;
  EXPECT_NE(text.find("Le complément de 135,00 € est accordé par un avoir complémentaire"), std::string::npos) << text;
  EXPECT_NE(text.find("RM-CTR-K-GARNIER-2026-11-R1"), std::string::npos) << text;
  const auto manifest =
      nlohmann::json::parse(testing::read_text(ws_->out() / "2026-11" / "manifest-CTR-K-GARNIER.json"));
  ASSERT_EQ(manifest["corrections_issued"].size(), 1u);
  EXPECT_EQ(manifest["corrections_issued"][0]["reference"], "RM-CTR-K-GARNIER-2026-11-R1");
  EXPECT_EQ(manifest["corrections_issued"][0]["recomputed_credit_cents"], 18900);
  EXPECT_EQ(manifest["corrections_due"].size(), 0u);
}

// B4, B6, B7: on 2027-01-01 the further credit note AV-2027-000001 credits the difference, 189.00 -
// 54.00 = 135.00 HT, citing the same invoice as November's first credit note (FA-2026-000001 of
// 01/11/2026: 540.00 + 161.25 = 701.25 HT, VAT 140.25). It stays within what that invoice bears
// (54.00 + 135.00 = 189.00 <= 701.25); VAT 20 % 27.00, TTC 162.00. The January invoice deducts it.
TEST_F(Corrections, AFurtherCreditNoteGrantsTheDifferenceAndPassesTheCiiChecks) {
  EXPECT_EQ(
      sql("select number, period, ht_cents, vat_cents, ttc_cents from issued_documents where kind = 'credit_note' "
          "order by number"),
      "AV-2026-000001|2026-11|5400|1080|6480\nAV-2027-000001|2026-11-c1|13500|2700|16200\n");
  EXPECT_EQ(sql("select invoice_number from credit_note_corrections order by credit_note_number"),
            "FA-2026-000001\nFA-2026-000001\n");
  EXPECT_EQ(sql("select i.period from credit_note_deductions x join issued_documents i on i.number = x.invoice_number "
                "where x.credit_note_number = 'AV-2027-000001'"),
            "2027-01-01\n");
  const std::string pdf = path_of("number = 'AV-2027-000001'");
  const std::string text = text_at(pdf);
  EXPECT_NE(text.find("Facture rectifiée n° FA-2026-000001 du 01/11/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("RM-CTR-K-GARNIER-2026-11-R1"), std::string::npos) << text;
  auto valid = testing::validate_embedded_cii(pdf, ws_->root() / "AV-2027-000001.xml");
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
  // Once only: a rerun of the month and of the date issues nothing new.
  const std::string ledger = sql("select number, period, sha256 from issued_documents order by id");
  EXPECT_EQ(ws_->statements("2026-11", "--contract CTR-K-GARNIER").exit_code, 0);
  EXPECT_EQ(invoices("2027-01-01").exit_code, 0);
  EXPECT_EQ(sql("select number, period, sha256 from issued_documents order by id"), ledger);
}

// When credits go down: INC-GA-1126 corrected to an on-time start (10:30, before the 11:00
// deadline) gives November 54.00 again. The rerun issues RM-CTR-K-GARNIER-2026-11-R2, which says
// the credits go down by 189.00 - 54.00 = 135.00 and that nothing is taken back: the 54.00 + 135.00
// already credited stand, no further credit note, no invoice line (decision of issue 10).
TEST_F(Corrections, WhenCreditsGoDownTheCorrectiveSaysSoAndNothingIsClawedBack) {
  import_incident("corrected", "2026-11-26T10:30:00+01:00");
  auto rerun = ws_->statements("2026-11", "--contract CTR-K-GARNIER");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(sql("select period, ht_cents from issued_documents where kind = 'statement' order by id"),
            "2026-11|-5400\n2026-11-c1|-18900\n2026-11-c2|-5400\n");
  const std::string text = text_at(path_of("kind = 'statement' and period = '2026-11-c2'"));
  EXPECT_NE(text.find("Avoirs du mois : 54,00 € au lieu de 189,00 €"), std::string::npos) << text;
  EXPECT_NE(text.find("Les avoirs du mois baissent de 135,00 € : rien n'est repris"), std::string::npos) << text;
  const std::string before = sql("select number, ht_cents from issued_documents where number is not null order by id");
  EXPECT_EQ(invoices("2027-02-01").exit_code, 0);
  EXPECT_EQ(sql("select count(*) from issued_documents where kind = 'credit_note'"), "2\n");
  EXPECT_EQ(sql("select count(*) from issued_documents where kind = 'credit_note' and ht_cents < 0"), "0\n");
  EXPECT_EQ(sql("select ht_cents from issued_documents where kind = 'invoice' and period = '2027-02-01'"), "59611\n");
}

}  // namespace
}  // namespace clause
