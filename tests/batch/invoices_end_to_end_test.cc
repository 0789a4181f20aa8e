// Invoices and credit notes end to end (RULES B1-B9, I1-I3): the hand-made samples imported into
// SQLite and `clause invoices` run as cron runs it, on the dates of samples/README.md: 2026-11-01,
// 2026-11-15 (Moreau starts), 2026-11-17 (Zola starts), 2026-11-20 (Dubois renews), the statements of 2026-11, then
// 2026-12-01 (credit notes of November, then the invoices deducting them), and 2027-03-01 for the
// annual dag contract CTR-D-JARDINS. Every figure is the hand computation of samples/README.md.
#include <gtest/gtest.h>

#include <unistd.h>

#include <map>
#include <set>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class InvoicesEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("invoices-e2e-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    auto imported = ws_->clause("import samples");
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    for (const char* date : {"2026-11-01", "2026-11-15", "2026-11-17", "2026-11-20"}) {
      auto run = invoices(date);
      ASSERT_EQ(run.exit_code, 0) << run.output;
    }
    auto statements = ws_->statements("2026-11");
    ASSERT_EQ(statements.exit_code, 0) << statements.output;
    auto december = invoices("2026-12-01");
    ASSERT_EQ(december.exit_code, 0) << december.output;
    auto jardins = invoices("2027-03-01", "--contract CTR-D-JARDINS");
    ASSERT_EQ(jardins.exit_code, 0) << jardins.output;
  }
  static void TearDownTestSuite() { delete ws_; }

  static testing::CommandResult invoices(const std::string& date, const std::string& extra = "") {
    return ws_->clause("invoices --date " + date + " --out " + ws_->out().string() + " " + extra);
  }
  // Rows of an SQL query on the workspace's database, "|"-separated, one per line.
  static std::string sql(const std::string& query) {
    return run_command("sqlite3 " + (ws_->root() / "clause.db").string() + " \"" + query + "\"").output;
  }
  // "number|ht|vat|ttc" of the document of (kind, contract, period).
  static std::string document(const std::string& kind, const std::string& contract, const std::string& period) {
    return sql("select number, ht_cents, vat_cents, ttc_cents from issued_documents where kind = '" + kind +
               "' and contract_id = '" + contract + "' and period = '" + period + "'");
  }
  static std::filesystem::path path_of(const std::string& number) {
    return ws_->document_path("number = '" + number + "'");
  }
  static std::string text_of(const std::string& number) { return testing::collapsed_pdf_text(path_of(number)); }

  static Workspace* ws_;
};
Workspace* InvoicesEndToEnd::ws_ = nullptr;

// Case 11 (B1, B2): a quarterly contract starting 2026-11-15 is first invoiced on its start date
// for the rest of Q4: 1 350.00 x 47/92 = 689.6739 -> 689.67 HT; VAT 20 % = 137.934 -> 137.93;
// TTC 827.60. Nothing on 2026-11-01 or 2026-12-01 (not quarter starts).
TEST_F(InvoicesEndToEnd, QuarterlyContractStartingMidQuarterIsProratedOnItsStartDate) {
  EXPECT_EQ(document("invoice", "CTR-K-MOREAU", "2026-10-01"), "FA-2026-000008|68967|13793|82760\n");
  EXPECT_EQ(sql("select issued_on from issued_documents where kind = 'invoice' and contract_id = 'CTR-K-MOREAU'"),
            "2026-11-15\n");
  EXPECT_NE(text_of("FA-2026-000008").find("(prorata 47/92 jours)"), std::string::npos);
}

// Case 14 (B3, B6): Saint-Roch's anniversary 2026-11-01; SYNTEC 2026-09 = 296.4 published
// 2026-10-31, the day before: WEB 490.39 x 296.4/292.6 = 496.76, DB 675.65 x 296.4/292.6 = 684.42;
// 1 181.18 HT, VAT 236.236 -> 236.24, TTC 1 417.42. Both revisions are recorded with the index.
TEST_F(InvoicesEndToEnd, AnniversaryRevisionIsInvoicedAndRecordedWithItsIndex) {
  EXPECT_EQ(document("invoice", "CTR-K-SAINTROCH", "2026-11-01"), "FA-2026-000005|118118|23624|141742\n");
  EXPECT_EQ(sql("select service_id, effective, period_price_cents, index_value_milli from fee_revisions "
                "where service_id like 'SRV-SR-%' and effective = '2026-11-01' order by service_id"),
            "SRV-SR-DB|2026-11-01|68442|296400\nSRV-SR-WEB|2026-11-01|49676|296400\n");
  // Garnier 2026-12-01: 2026-10 is published 2026-12-02, too late: 540.00 x 296.4/268.5 = 596.11.
  EXPECT_EQ(sql("select period_price_cents, index_value_milli from fee_revisions "
                "where service_id = 'SRV-GA-APP' and effective = '2026-12-01'"),
            "59611|296400\n");
}

// Case 5 (I1): Garnier's 5th emergency of the contract year, INT-GA-1025, 65 min -> 5 steps of
// 15 min = 1.25 h x 129.00 = 161.25, billed on the next invoice (2026-11-01): 540.00 + 161.25 =
// 701.25 HT, VAT 140.25, TTC 841.50; the line reads in hours (unit HUR, "h"). December (I1, I2): 596.11 + 8 steps (2 h,
// no quote: the extra minute is not billed) 258.00 + 10 steps (2 h 30, quote DEV-2026-0412) 322.50 = 1 176.61.
TEST_F(InvoicesEndToEnd, EmergenciesBeyondTheAllowanceAreBilledOnTheNextInvoice) {
  EXPECT_EQ(document("invoice", "CTR-K-GARNIER", "2026-11-01"), "FA-2026-000002|70125|14025|84150\n");
  EXPECT_NE(text_of("FA-2026-000002").find("1,25 h 129,00 € 20 % 161,25 €"), std::string::npos)
      << text_of("FA-2026-000002");
  EXPECT_EQ(document("invoice", "CTR-K-GARNIER", "2026-12-01").substr(15, 6), "117661");
}

// Case 5 (I3): the client-caused intervention INT-SR-1103 (45 min = 3 steps = 96.75) is billed on
// Saint-Roch's December invoice: 1 181.18 + 96.75 = 1 277.93 HT.
TEST_F(InvoicesEndToEnd, ClientCausedInterventionIsBilledWhateverTheAllowance) {
  EXPECT_EQ(document("invoice", "CTR-K-SAINTROCH", "2026-12-01").substr(15, 6), "127793");
}

// Case 13 (B5 Decision): CTR-D-JARDINS, 31 000 MB from 2026-10-06; the 30 free days run to
// 2026-11-04, 2026-11-05 is the first billable day: October is not billed, November is billed
// 2 started steps of 5 GB = 20.00. Decision: a dag contract is billed annually
// in advance (D Art. 8), so its variable lines go on the next annual invoice (2027-03-01):
// 1 560.00 + 240.00 + 20.00 = 1 820.00 HT, VAT 364.00, TTC 2 184.00.
TEST_F(InvoicesEndToEnd, MailOverageGoesOnTheNextAnnualInvoice) {
  EXPECT_EQ(document("invoice", "CTR-D-JARDINS", "2027-03-01"), "FA-2027-000001|182000|36400|218400\n");
  const std::string text = text_of("FA-2027-000001");
  EXPECT_NE(text.find("Dépassement du quota de messagerie"), std::string::npos) << text;
  EXPECT_NE(text.find("novembre 2026 (31,0 Go, tranches de 5 Go au-delà"), std::string::npos) << text;
  EXPECT_NE(text.find("20,00"), std::string::npos) << text;
}

// Case 4 (B4, B6): Lefèvre's November credits are capped at the 300.00 fee; the credit note
// credits 300.00 HT and mirrors the invoice's VAT, 60.00: TTC 360.00, citing FA-2026-000003 of
// 2026-11-01; the invoice of 2026-12-01 (300.00 + 60.00 = 360.00) deducts it: net 0.00.
TEST_F(InvoicesEndToEnd, CappedCreditsBecomeACreditNoteDeductedFromTheNextInvoice) {
  EXPECT_EQ(document("credit_note", "CTR-K-LEFEVRE", "2026-11"), "AV-2026-000003|30000|6000|36000\n");
  const std::string note = text_of("AV-2026-000003");
  EXPECT_NE(note.find("Facture rectifiée n° FA-2026-000003 du 01/11/2026"), std::string::npos) << note;
  EXPECT_EQ(document("invoice", "CTR-K-LEFEVRE", "2026-12-01"), "FA-2026-000013|30000|6000|36000\n");
  EXPECT_EQ(sql("select credit_note_number, invoice_number from credit_note_deductions "
                "where credit_note_number = 'AV-2026-000003'"),
            "AV-2026-000003|FA-2026-000013\n");
  const std::string invoice = text_of("FA-2026-000013");
  EXPECT_NE(invoice.find("Déduction de l'avoir n° AV-2026-000003 du 01/12/2026 (TTC) -360,00 €"), std::string::npos)
      << invoice;
  EXPECT_NE(invoice.find("Net à payer 0,00 €"), std::string::npos);
}

// B4 with a partial credit: Saint-Roch's November credit 124.19 (case 1) -> VAT 24.838 -> 24.84,
// TTC 149.03; deducted from the December invoice (1 277.93 + 255.59 = 1 533.52 TTC).
TEST_F(InvoicesEndToEnd, PartialCreditNoteKeepsItsOwnVat) {
  EXPECT_EQ(document("credit_note", "CTR-K-SAINTROCH", "2026-11"), "AV-2026-000005|12419|2484|14903\n");
  EXPECT_NE(text_of("FA-2026-000015").find("AV-2026-000005"), std::string::npos);
}

// Case 20 (B2, S7 Decision, B4, B6): Zola starts Tue 17 Nov at 1 000.00 a month and is invoiced on
// its start date for 14 of November's 30 days: 466.666 -> 466.67 HT, VAT 93.334 -> 93.33, TTC 560.00
// (FA-2026-000009, numbered after Moreau's of 11-15, before Dubois's of 11-20). Its November credit
// (100 %, capped at 466.67) becomes AV-2026-000006 on 2026-12-01, citing it; crediting the whole
// base returns its whole VAT: 466.67 + 93.33 = 560.00. The December invoice is issued too (the
// last of the night, FA-2026-000018): 1 000.00 + 200.00 = 1 200.00 TTC, less 560.00 = 640.00.
TEST_F(InvoicesEndToEnd, AProratedFirstMonthsFullCreditIsCreditedAndTheNextInvoiceIssued) {
  EXPECT_EQ(document("invoice", "CTR-K-ZOLA", "2026-11-01"), "FA-2026-000009|46667|9333|56000\n");
  EXPECT_EQ(document("credit_note", "CTR-K-ZOLA", "2026-11"), "AV-2026-000006|46667|9333|56000\n");
  EXPECT_NE(text_of("AV-2026-000006").find("Facture rectifiée n° FA-2026-000009 du 17/11/2026"), std::string::npos);
  EXPECT_EQ(document("invoice", "CTR-K-ZOLA", "2026-12-01"), "FA-2026-000018|100000|20000|120000\n");
  EXPECT_NE(text_of("FA-2026-000018").find("Net à payer 640,00 €"), std::string::npos) << text_of("FA-2026-000018");
}

// B7: one continuous sequence per kind and year, no gap, no duplicate, each number one file.
TEST_F(InvoicesEndToEnd, NumbersAreContinuousPerKindAndYear) {
  std::string expected;
  for (int n = 1; n <= 18; ++n)
    expected += "FA-2026-" + std::string(n < 10 ? "00000" : "0000") + std::to_string(n) + "\n";
  EXPECT_EQ(
      sql("select number from issued_documents where kind = 'invoice' and number like 'FA-2026-%' order by number"),
      expected);
  EXPECT_EQ(sql("select number from issued_documents where kind = 'credit_note' order by number"),
            "AV-2026-000001\nAV-2026-000002\nAV-2026-000003\nAV-2026-000004\nAV-2026-000005\nAV-2026-000006\n");
  EXPECT_EQ(sql("select count(*) from issued_documents where kind = 'invoice' and contract_id = 'CTR-K-PERRIN'"),
            "0\n");
}

// Factur-X: every invoice and credit note of the sample run is a PDF carrying factur-x.xml, and
// that XML passes the Factur-X XSD and the CEN EN 16931 rules (validate-cii.sh: 0 fatal).
TEST_F(InvoicesEndToEnd, EveryDocumentCarriesAValidFacturX) {
  const std::string validator = std::string(CLAUSE_SOURCE_DIR) + "/../shared/validation/validate-cii.sh";
  const auto xml_dir = ws_->root() / "xml";
  std::filesystem::create_directories(xml_dir);
  std::string numbers = sql("select number from issued_documents where number is not null order by number");
  int checked = 0;
  for (size_t at = 0, end; (end = numbers.find('\n', at)) != std::string::npos; at = end + 1) {
    const std::string number = numbers.substr(at, end - at);
    const auto pdf = path_of(number).string();
    EXPECT_NE(run_command("pdfdetach -list '" + pdf + "'").output.find("1: factur-x.xml"), std::string::npos) << number;
    const auto xml = (xml_dir / (number + ".xml")).string();
    ASSERT_EQ(run_command("pdfdetach -save 1 -o '" + xml + "' '" + pdf + "'").exit_code, 0) << number;
    auto result = run_command(validator + " '" + xml + "'");
    EXPECT_EQ(result.exit_code, 0) << number << ": " << result.output;
    EXPECT_NE(result.output.find("PASS "), std::string::npos) << number << ": " << result.output;
    ++checked;
  }
  EXPECT_EQ(checked, 18 + 6 + 1);  // 18 invoices and 6 credit notes of 2026, 1 invoice of 2027
}

// Invariant 1: the same date again issues nothing new and leaves every file as it was. It finds the
// 8 invoices due and the credit notes of the 5 contracts invoiced that day (Moreau, with nothing
// due on 2026-12-01 and its credit note issued, is not looked at again).
TEST_F(InvoicesEndToEnd, RerunIssuesNothingNew) {
  const std::string ledger = "select number, sha256 from issued_documents order by id";
  const std::string before = sql(ledger);
  auto rerun = invoices("2026-12-01");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("0 invoices and 0 credit notes issued, 13 already issued"), std::string::npos)
      << rerun.output;
  EXPECT_EQ(sql(ledger), before);
  EXPECT_EQ(sql("select count(*) from credit_note_deductions"), "5\n");
}

// The accountant's journal of 2026-12-01: 8 invoices and 6 credit notes (negative), totals as SUM
// formulas: invoices HT 1 200.00 + 1 176.61 + 300.00 + 180.00 + 1 277.93 + 418.50 + 786.24 +
// 1 000.00 (Zola) = 6 339.28; credit notes 60.00 + 54.00 + 300.00 + 45.00 + 124.19 + 466.67 (Zola) =
// 1 049.86; net 5 289.42.
TEST_F(InvoicesEndToEnd, JournalListsTheDocumentsOfTheDateWithFormulaTotals) {
  const auto journal = ws_->out() / "invoices" / "2026" / "journal-2026-12-01.xlsx";
  ASSERT_TRUE(std::filesystem::exists(journal));
  const std::string script =
      "import openpyxl,sys\n"
      "wb=openpyxl.load_workbook(sys.argv[1])\n"
      "ws=wb['Journal']\n"
      "rows=[r for r in ws.iter_rows(values_only=True)]\n"
      "print(len([r for r in rows if r[4] in ('Facture','Avoir')]))\n"
      "print(round(sum(r[5] for r in rows if r[4] in ('Facture','Avoir')),2))\n"
      "print([c for c in rows[-1] if isinstance(c,str) and c.startswith('=SUM')][0])\n"
      "print('Impayés' in wb.sheetnames)\n";
  std::ofstream(ws_->root() / "journal.py") << script;
  auto out = run_command("/usr/bin/python3 " + (ws_->root() / "journal.py").string() + " " + journal.string());
  EXPECT_EQ(out.output.substr(0, out.output.find("\n=")), "14\n5289.42") << out.output;
  EXPECT_NE(out.output.find("=SUM("), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("True"), std::string::npos) << out.output;
}

// B3: an index missing at an anniversary is never guessed: the contract is skipped and reported
// (exit code 1), the others are issued.
TEST_F(InvoicesEndToEnd, MissingIndexSkipsTheContract) {
  Workspace ws("invoices-e2e-noindex-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  run_command("sqlite3 " + (ws.root() / "clause.db").string() + " \"delete from price_indices\"");
  auto run = ws.clause("invoices --date 2026-11-01 --out " + ws.out().string());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("contract CTR-K-SAINTROCH skipped: contract CTR-K-SAINTROCH: B3: no SYNTEC index published "
                            "on or before the anniversary"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("6 invoices and 0 credit notes issued"), std::string::npos) << run.output;
}

// B7: numbers follow the dates. Once Dubois's annual invoice is dated 2026-11-20, the Moreau invoice
// due on 2026-11-15 can no longer be numbered: the contract is skipped with the reason (exit 1) and
// nothing is issued for it; a rerun of 2026-11-20, which numbers nothing, still succeeds.
TEST_F(InvoicesEndToEnd, AnEarlierDateThanTheLatestNumberIsNotNumbered) {
  Workspace ws("invoices-e2e-order-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  auto later = ws.clause("invoices --date 2026-11-20 --out " + ws.out().string());
  ASSERT_EQ(later.exit_code, 0) << later.output;
  auto earlier = ws.clause("invoices --date 2026-11-15 --out " + ws.out().string());
  EXPECT_EQ(earlier.exit_code, 1) << earlier.output;
  EXPECT_NE(earlier.output.find("contract CTR-K-MOREAU failed: FA-2026-000001 is dated "
                                "2026-11-20: a document of its sequence dated 2026-11-15 would be numbered out of "
                                "date order (B7)"),
            std::string::npos)
      << earlier.output;
  const std::string db = (ws.root() / "clause.db").string();
  EXPECT_EQ(run_command("sqlite3 " + db + " \"select number, contract_id, issued_on from issued_documents\"").output,
            "FA-2026-000001|CTR-D-DUBOIS|2026-11-20\n");
  EXPECT_EQ(run_command("find " + ws.out().string() + " -name '*.pdf' | wc -l").output, "1\n");
  EXPECT_EQ(ws.clause("invoices --date 2026-11-20 --out " + ws.out().string()).exit_code, 0);
}

// B1 (Decision), I3: Vernet's contract ends 2026-12-31. A client-caused intervention of 45 min on
// 14 Dec (3 steps of 15 min x 32.25 = 96.75, I3) has no periodic invoice after it, so it is
// invoiced alone on 2027-01-01: FA-2027-000001, 96.75 HT, VAT 20 % 19.35, TTC 116.10, for
// 01/12/2026 to 31/12/2026, with the final-invoice note. Without variable lines nothing is issued.
TEST_F(InvoicesEndToEnd, AnEndedContractsLastVariableLinesGoOnAFinalInvoice) {
  Workspace ws("invoices-e2e-final-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  const std::string db = (ws.root() / "clause.db").string();
  auto sql = [&](const std::string& q) { return run_command("sqlite3 " + db + " \"" + q + "\"").output; };
  const std::string invoices = "invoices --contract CTR-K-VERNET --out " + ws.out().string() + " --date ";
  ASSERT_EQ(ws.clause(invoices + "2026-12-01").exit_code, 0);
  // Nothing variable in December yet: no final invoice.
  auto quiet = ws.clause(invoices + "2027-01-01");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(sql("select count(*) from issued_documents where issued_on = '2027-01-01'"), "0\n");

  const auto extra = ws.root() / "extra";
  std::filesystem::create_directories(extra);
  std::ofstream(extra / "interventions.csv")
      << "id,contract_id,service_id,incident_id,kind,start,end,quote_reference\n"
         "INT-VN-1214,CTR-K-VERNET,SRV-VN-LIMS,,client_caused,2026-12-14T10:00:00+01:00,2026-12-14T10:45:00+01:00,\n";
  auto imported = ws.clause("import " + extra.string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  auto final_run = ws.clause(invoices + "2027-01-01");
  ASSERT_EQ(final_run.exit_code, 0) << final_run.output;
  EXPECT_EQ(
      sql("select number, period, ht_cents, vat_cents, ttc_cents from issued_documents where issued_on = '2027-01-01'"),
      "FA-2027-000001|final-2026-12-01|9675|1935|11610\n");
  std::string path = sql("select path from issued_documents where number = 'FA-2027-000001'");
  path.pop_back();  // the line break
  const std::string text = testing::pdf_text(path);
  EXPECT_NE(text.find("INT-VN-1214"), std::string::npos) << text;
  EXPECT_NE(text.find("du 01/12/2026 au 31/12/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Facture de solde"), std::string::npos) << text;
  const std::string xml = (ws.root() / "final.xml").string();
  ASSERT_EQ(run_command("pdfdetach -save 1 -o '" + xml + "' '" + path + "'").exit_code, 0);
  auto valid = run_command(std::string(CLAUSE_SOURCE_DIR) + "/../shared/validation/validate-cii.sh '" + xml + "'");
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
  // The accountant's journal of that day names it as the final invoice of December.
  const auto journal = ws.out() / "invoices" / "2027" / "journal-2027-01-01-CTR-K-VERNET.xlsx";  // a --contract run
  auto row = run_command(
      "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['Journal'];"
      " print([r[8] for r in ws.iter_rows(values_only=True) if r[0] == 'FA-2027-000001'])\" " +
      journal.string());
  EXPECT_EQ(row.output, "['Facture de solde, période du 2026-12-01']\n");
  // Once only: a rerun finds it.
  EXPECT_EQ(ws.clause(invoices + "2027-01-01").exit_code, 0);
  EXPECT_EQ(sql("select count(*) from issued_documents where issued_on = '2027-01-01'"), "1\n");
}

// B4, B6 with samples/prior_invoices.csv: October was billed before Clause (F2026-1001..1003 of
// 2026-10-01). Its credits (samples/README.md) become credit notes on 2026-11-01 that cite those
// invoices and mirror their 20 % VAT: Belle-Rive 120.00 + 24.00 = 144.00; Garnier 135.00 + 27.00 =
// 162.00; Saint-Roch 168.91 + 33.782 -> 33.78 = 202.69. Each is deducted from the contract's
// November invoice: Saint-Roch 1 417.42 TTC - 202.69 = 1 214.73 to pay. Nothing waits.
TEST_F(InvoicesEndToEnd, CreditsOfAMonthBilledBeforeClauseCiteThePriorInvoice) {
  Workspace ws("invoices-e2e-prior-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  ASSERT_EQ(ws.statements("2026-10").exit_code, 0);
  auto run = ws.clause("invoices --date 2026-11-01 --out " + ws.out().string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("3 credit notes issued"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("0 months of credits waiting"), std::string::npos) << run.output;
  const std::string db = (ws.root() / "clause.db").string();
  auto sql = [&](const std::string& q) { return run_command("sqlite3 " + db + " \"" + q + "\"").output; };
  EXPECT_EQ(sql("select d.contract_id, d.period, d.ht_cents, d.vat_cents, d.ttc_cents, c.invoice_number "
                "from issued_documents d join credit_note_corrections c on c.credit_note_number = d.number "
                "order by d.contract_id"),
            "CTR-K-BELLERIVE|2026-10|12000|2400|14400|F2026-1003\n"
            "CTR-K-GARNIER|2026-10|13500|2700|16200|F2026-1002\n"
            "CTR-K-SAINTROCH|2026-10|16891|3378|20269|F2026-1001\n");
  EXPECT_EQ(sql("select i.contract_id, i.ttc_cents, n.ttc_cents from credit_note_deductions k "
                "join issued_documents i on i.number = k.invoice_number "
                "join issued_documents n on n.number = k.credit_note_number order by i.contract_id"),
            "CTR-K-BELLERIVE|144000|14400\nCTR-K-GARNIER|84150|16200\nCTR-K-SAINTROCH|141742|20269\n");
  auto path_of = [&](const std::string& where) {
    std::string p = sql("select path from issued_documents where " + where);
    p.pop_back();
    return p;
  };
  const std::string note_pdf = path_of("kind = 'credit_note' and contract_id = 'CTR-K-SAINTROCH'");
  const std::string note = testing::pdf_text(note_pdf);
  EXPECT_NE(note.find("F2026-1001 du 01/10/2026"), std::string::npos) << note;
  // Each credit note's factur-x.xml, whose BT-25 names a former number, passes the EN 16931 checks.
  for (const char* number : {"AV-2026-000001", "AV-2026-000002", "AV-2026-000003"}) {
    const std::string xml = (ws.root() / (std::string(number) + ".xml")).string();
    ASSERT_EQ(
        run_command("pdfdetach -save 1 -o '" + xml + "' '" + path_of("number = '" + std::string(number) + "'") + "'")
            .exit_code,
        0);
    auto valid = run_command(std::string(CLAUSE_SOURCE_DIR) + "/../shared/validation/validate-cii.sh '" + xml + "'");
    EXPECT_EQ(valid.exit_code, 0) << number << ": " << valid.output;
  }
  const std::string invoice = testing::pdf_text(path_of("kind = 'invoice' and contract_id = 'CTR-K-SAINTROCH'"));
  EXPECT_NE(invoice.find("1 214,73"), std::string::npos) << invoice;
}

}  // namespace
}  // namespace clause
