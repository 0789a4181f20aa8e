// A credit never blocks a contract (RULES S7 Decision, B4) end to end, through the real `clause`
// binary on data sets written here: the credit of a month billed for part of its days is capped at
// what that month was billed, so that its credit note can always cite the invoice; and a credit note
// that still cannot be issued waits, listed with its reason, while the invoices go on.
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

std::string path_of(const Workspace& ws, const std::string& number) {
  return ws.document_path("number = '" + number + "'");
}

std::string text_of(const Workspace& ws, const std::string& number) {
  return testing::collapsed_pdf_text(path_of(ws, number));
}

// The embedded factur-x.xml of `number` through ../shared/validation/validate-cii.sh.
testing::CommandResult validate(const Workspace& ws, const std::string& number) {
  return testing::validate_embedded_cii(path_of(ws, number), ws.root() / (number + ".xml"));
}

std::string invoices(const Workspace& ws, const std::string& date) {
  auto run = ws.clause("invoices --date " + date + " --out " + ws.out().string());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  return run.output;
}

nlohmann::json invoices_manifest(const Workspace& ws, const std::string& date) {
  return nlohmann::json::parse(
      testing::read_text(ws.out() / "invoices" / date.substr(0, 4) / ("manifest-" + date + ".json")));
}

// CTR-S7: kalanda-hds, monthly, from Tue 2026-11-17, 1 000.00 a month, no backup option. INC-S7-1
// contacted Sat 2026-11-21 10:00 (HNO, S1: deadline + 3 elapsed hours = 13:00), intervention at
// 21:00: 8 h late.
void write_prorated_month_contract(const std::filesystem::path& dir) {
  testing::CsvDataSet data;
  data.row("accounts",
           "ACC-S7,client,,Officine Sept SELARL,7 rue du Prorata 69002 Lyon,552100703,,fr,2026-11-20,2026-11-01")
      .row("contracts", "CTR-S7,ACC-S7,kalanda-hds,2026-11-17,,36,false,monthly,false,false,0,metropole,Europe/Paris")
      .row("services", "SRV-S7,CTR-S7,server,srv.sept.fr,Serveur srv.sept.fr,true")
      .row("fee_revisions", "SRV-S7,2026-11-17,1000.00,")
      .row("incidents",
           "INC-S7-1,CTR-S7,SRV-S7,2026-11-21T10:00:00+01:00,2026-11-21T21:00:00+01:00,"
           "2026-11-21T22:00:00+01:00,false,server,false,0,Serveur injoignable");
  data.write(dir);
}

// S7 Decision, B2, B4, B6. November is billed on 2026-11-17 for 14 of its 30 days: 1 000.00 x 14 /
// 30 = 466.666 -> 466.67 HT, VAT 20 % 93.334 -> 93.33, TTC 560.00 (FA-2026-000001). INC-S7-1, 8 h
// late, earns 100 % of 1 000.00 (S2), capped at the fee billed for November, 466.67. On 2026-12-01
// the credit note AV-2026-000001 credits 466.67 HT citing FA-2026-000001 of 17/11/2026; crediting
// the whole base returns the whole VAT, 93.33: TTC 560.00. The December invoice FA-2026-000002 is
// issued too: 1 000.00 HT, VAT 200.00, TTC 1 200.00, less the credit note (560.00 TTC) = 640.00.
TEST(CreditsNeverBlockS7B4, AProratedMonthsFullCreditIsCappedAtItsBilledFeeAndTheNextInvoiceIsIssued) {
  Workspace ws("credits-s7-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  write_prorated_month_contract(ws.root() / "data");
  auto imported = ws.clause("import " + (ws.root() / "data").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  invoices(ws, "2026-11-17");
  EXPECT_EQ(sql(ws, "select number, ht_cents, vat_cents, ttc_cents from issued_documents where kind = 'invoice'"),
            "FA-2026-000001|46667|9333|56000\n");
  auto statements = ws.statements("2026-11");
  ASSERT_EQ(statements.exit_code, 0) << statements.output;
  EXPECT_EQ(ws.manifest("2026-11")["documents"][0]["credits_cents"]["SRV-S7"], 46667);

  invoices(ws, "2026-12-01");
  EXPECT_EQ(sql(ws,
                "select number, period, ht_cents, vat_cents, ttc_cents from issued_documents "
                "where issued_on = '2026-12-01' and kind <> 'statement' order by kind, number"),
            "AV-2026-000001|2026-11|46667|9333|56000\nFA-2026-000002|2026-12-01|100000|20000|120000\n");
  EXPECT_EQ(sql(ws, "select invoice_number from credit_note_corrections where credit_note_number = 'AV-2026-000001'"),
            "FA-2026-000001\n");
  EXPECT_EQ(sql(ws, "select invoice_number from credit_note_deductions where credit_note_number = 'AV-2026-000001'"),
            "FA-2026-000002\n");
  const std::string note = text_of(ws, "AV-2026-000001");
  EXPECT_NE(note.find("Facture rectifiée n° FA-2026-000001 du 17/11/2026"), std::string::npos) << note;
  const std::string invoice = text_of(ws, "FA-2026-000002");
  EXPECT_NE(invoice.find("Déduction de l'avoir n° AV-2026-000001 du 01/12/2026 (TTC) -560,00 €"), std::string::npos)
      << invoice;
  EXPECT_NE(invoice.find("Net à payer 640,00 €"), std::string::npos) << invoice;
  EXPECT_EQ(invoices_manifest(ws, "2026-12-01")["credits_waiting"].size(), 0u);
  for (const char* number : {"AV-2026-000001", "FA-2026-000002"}) {
    auto valid = validate(ws, number);
    EXPECT_EQ(valid.exit_code, 0) << number << ": " << valid.output;
  }
}

// CTR-WAIT: kalanda-hds, monthly, from 2026-01-01, 540.00 a month. October was billed before Clause
// by F-OLD-1 for 50.00 HT only (a commercial gesture). INC-WAIT-1 contacted Sat 2026-10-10 10:00
// (HNO, deadline 13:00), intervention at 16:00: 3 h late.
void write_small_prior_invoice_contract(const std::filesystem::path& dir) {
  testing::CsvDataSet data;
  data.row("accounts",
           "ACC-WAIT,client,,Atelier Attente SARL,3 rue de la Patience 33000 Bordeaux,552100331,,fr,"
           "2026-11-20,2025-12-01")
      .row("contracts",
           "CTR-WAIT,ACC-WAIT,kalanda-hds,2026-01-01,,36,false,monthly,false,false,0,metropole,Europe/Paris")
      .row("services", "SRV-WAIT,CTR-WAIT,server,srv.attente.fr,Serveur srv.attente.fr,true")
      .row("fee_revisions", "SRV-WAIT,2026-01-01,540.00,")
      .row("prior_invoices", "F-OLD-1,CTR-WAIT,2026-10-01,2026-10-01,2026-10-31,50.00,20,10.00")
      .row("incidents",
           "INC-WAIT-1,CTR-WAIT,SRV-WAIT,2026-10-10T10:00:00+02:00,2026-10-10T16:00:00+02:00,"
           "2026-10-10T17:00:00+02:00,false,server,false,0,Service arrêté");
  data.write(dir);
}

// B4, B6: October's credit is 25 % of 540.00 = 135.00 (S2), more than the 50.00 HT F-OLD-1 bears,
// so its credit note is refused. It waits, listed with its reason in the manifest and in the
// journal's "Avoirs en attente" sheet, and the November invoice is issued all the same (540.00 HT,
// VAT 108.00, TTC 648.00, nothing deducted); the run succeeds (exit 0), nothing is skipped.
TEST(CreditsNeverBlockB4, ARefusedCreditNoteWaitsWithItsReasonAndTheInvoiceIsIssued) {
  Workspace ws("credits-wait-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  write_small_prior_invoice_contract(ws.root() / "data");
  auto imported = ws.clause("import " + (ws.root() / "data").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  ASSERT_EQ(ws.statements("2026-10").exit_code, 0);

  const std::string output = invoices(ws, "2026-11-01");
  EXPECT_NE(
      output.find("1 invoices and 0 credit notes issued, 0 already issued, 0 skipped, 1 months of credits waiting"),
      std::string::npos)
      << output;
  EXPECT_EQ(
      sql(ws, "select number, period, ht_cents, vat_cents, ttc_cents from issued_documents where kind <> 'statement'"),
      "FA-2026-000001|2026-11-01|54000|10800|64800\n");
  EXPECT_EQ(sql(ws, "select count(*) from credit_note_deductions"), "0\n");
  const auto manifest = invoices_manifest(ws, "2026-11-01");
  EXPECT_EQ(manifest["skipped"].size(), 0u);
  ASSERT_EQ(manifest["credits_waiting"].size(), 1u);
  const std::string reason =
      "credit note correcting F-OLD-1 refused: B6: credit at 20 % of 135.00 HT (0.00 already credited) exceeds the "
      "invoice base 50.00 HT";
  EXPECT_EQ(
      manifest["credits_waiting"][0],
      (nlohmann::json{{"contract", "CTR-WAIT"}, {"month", "2026-10"}, {"credit_cents", 13500}, {"reason", reason}}));

  const auto journal = ws.out() / "invoices" / "2026" / "journal-2026-11-01.xlsx";
  auto rows = run_command(
      "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])"
      "['Avoirs en attente']; [print(r) for r in ws.iter_rows(values_only=True)]\" " +
      journal.string());
  EXPECT_NE(rows.output.find("('CTR-WAIT', 'Atelier Attente SARL', '2026-10', 135, '" + reason + "')"),
            std::string::npos)
      << rows.output;
}

}  // namespace
}  // namespace clause
