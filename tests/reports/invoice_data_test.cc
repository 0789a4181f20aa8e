// Invoice documents and their template data: the B6 figures of the shared test documents checked
// against hand computations, the B4 amount due, the issue checks and the data the templates get.
#include <gtest/gtest.h>

#include <filesystem>

#include "reports/invoice/invoice_data.h"
#include "reports/templates/template_set.h"
#include "tests/reports/invoice_test_documents.h"

namespace clause {
namespace {

using namespace clause::invoice_test;

// B6: 1 250,00 + 1,25 x 129,00 (= 161,25) + 2 x 10,00 = 1 431,25 HT; 20 % = 286,25; TTC 1 717,50.
TEST(InvoiceDocument, B6SeveralLinesTotals) {
  const InvoiceDocument d = invoice_with_deduction();
  EXPECT_EQ(d.lines[1].total_ht, eur(16125));
  EXPECT_EQ(d.totals.total_ht, eur(143125));
  EXPECT_EQ(d.totals.total_vat, eur(28625));
  EXPECT_EQ(d.totals.total_ttc, eur(171750));
}

// B4: 1 717,50 TTC less the credit note AV-2026-000001 of 150,00 TTC = 1 567,50.
TEST(InvoiceDocument, B4AmountDueDeductsTheCreditNote) { EXPECT_EQ(amount_due(invoice_with_deduction()), eur(156750)); }

// B2: 3 000,00 x 47 / 92 = 1 532,608... -> 1 532,61; VAT 306,522 -> 306,52; TTC 1 839,13.
TEST(InvoiceDocument, B2ProratedQuarterTotals) {
  const InvoiceDocument d = prorated_quarter();
  EXPECT_EQ(d.lines[0].total_ht, eur(153261));
  EXPECT_EQ(d.totals.total_vat, eur(30652));
  EXPECT_EQ(d.totals.total_ttc, eur(183913));
}

// B6: the credit note of 125,00 HT mirrors the 20 % of its invoice: 25,00 VAT, 150,00 TTC.
TEST(InvoiceDocument, B6CreditNoteTotals) {
  const InvoiceDocument d = credit_note();
  EXPECT_EQ(d.totals.total_vat, eur(2500));
  EXPECT_EQ(d.totals.total_ttc, eur(15000));
  EXPECT_EQ(type_code(d.kind), "381");
}

TEST(InvoiceDocument, DeductionsAboveTheTotalAreRefused) {
  InvoiceDocument d = monthly_invoice();  // 1 500,00 TTC
  d.deductions.push_back(CreditNoteDeduction{"AV-2026-000009", day(2026, 10, 5), eur(150001)});
  EXPECT_EQ(document_problem(d), "invoice FA-2026-000123: deductions exceed the total TTC");
}

TEST(InvoiceDocument, InvoiceWithoutDueDateIsRefused) {
  InvoiceDocument d = monthly_invoice();
  d.due_date.reset();
  EXPECT_EQ(document_problem(d), "invoice FA-2026-000123 without a due date (B8)");
}

TEST(InvoiceData, LinesInMachineForm) {
  const nlohmann::json data = invoice_data(invoice_with_deduction(), Language::fr);
  EXPECT_EQ(data["lines"][1]["quantity"], "1.25");
  EXPECT_EQ(data["lines"][1]["unit_price"], "129.00");
  EXPECT_EQ(data["lines"][1]["vat_rate"], "20");
  EXPECT_EQ(data["lines"][1]["total_ht"], "161.25");
}

TEST(InvoiceData, VatPerRateWordedForTheSentence) {
  const nlohmann::json data = invoice_data(invoice_with_deduction(), Language::fr);
  EXPECT_EQ(data["vat"][0]["rate_text"], "20\u00A0%");
  EXPECT_EQ(data["vat"][0]["base_ht_text"], "1\u202F431,25\u00A0€");
  EXPECT_EQ(data["totals"]["due_text"], "1\u202F567,50\u00A0€");
}

TEST(InvoiceData, ReducedRateKeepsItsDecimal) {
  InvoiceDocument d = monthly_invoice();
  d = with_totals(d, invoice_totals({{"Ouvrage", Milli{1000}, eur(10000), 550}}));  // 5,5 %
  EXPECT_EQ(invoice_data(d, Language::fr)["vat"][0]["rate_text"], "5,5\u00A0%");
  EXPECT_EQ(invoice_data(d, Language::fr)["lines"][0]["vat_rate"], "5.5");
}

TEST(InvoiceData, CreditNoteCitesItsInvoice) {
  const nlohmann::json data = invoice_data(credit_note(), Language::fr);
  EXPECT_EQ(data["has_corrects"], true);
  EXPECT_EQ(data["corrects"]["number"], "FA-2026-000123");
  EXPECT_EQ(data["corrects"]["issued_text"], "01/11/2026");
  EXPECT_EQ(data["document"]["has_due"], false);
  EXPECT_EQ(template_kind(InvoiceKind::credit_note), "credit_note");
}

// The samples beside the templates are the data of the shared test documents, so that the trial
// render at load time shows what a real invoice looks like.
TEST(InvoiceData, TemplateSamplesAreTheTestDocuments) {
  for (const auto& [folder, lang] : {std::pair{"fr", Language::fr}, std::pair{"en", Language::en}}) {
    const auto set = templates::TemplateSet::load(std::filesystem::path(CLAUSE_SOURCE_DIR) / "templates" / folder);
    EXPECT_EQ(set.sample("invoice"), invoice_data(invoice_with_deduction(), lang)) << folder;
    EXPECT_EQ(set.sample("credit_note"), invoice_data(credit_note(), lang)) << folder;
  }
}

}  // namespace
}  // namespace clause
