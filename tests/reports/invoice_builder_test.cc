// The invoice and credit-note builders (reports/invoice/invoice_builder.h): one InvoiceDocument per
// kind from model values and rule outcomes, the credit reason worded from billing.json.
#include "reports/invoice/invoice_builder.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

const BillingWording& wording(Language l) {
  static const BillingWording fr = BillingWording::load(CLAUSE_SOURCE_DIR "/templates/fr/billing.json", Language::fr);
  static const BillingWording en = BillingWording::load(CLAUSE_SOURCE_DIR "/templates/en/billing.json", Language::en);
  return l == Language::fr ? fr : en;
}

BillingParties parties(const char* number, Date issued) {
  BillingParties p;
  p.number = number;
  p.issued_on = issued;
  p.seller.name = "KALANDA";
  p.seller.vat_number = "FR41812345678";
  p.buyer.id = "ACC-X";
  p.buyer.name = "Client X";
  p.contract_id = "CTR-X";
  p.terms.payment_days = 45;
  return p;
}

// One line of 500.00 HT at 20 %: 100.00 VAT, 600.00 TTC.
const InvoiceTotals totals = invoice_totals({{"Infogérance", Milli{1000}, Money::from_cents(50000), 2000}});

TEST(BuildInvoice, B8DueDateIsIssuePlusPaymentDays) {
  // 2026-12-01 + 45 days = 2027-01-15.
  EXPECT_EQ(
      build_invoice({parties("FA-2026-000001", d(2026, 12, 1)), d(2026, 12, 1), d(2026, 12, 31), totals}).due_date,
      d(2027, 1, 15));
}

TEST(BuildInvoice, B4ShowsTheDeductionsWhole) {
  const InvoiceDocument doc = build_invoice({parties("FA-2026-000002", d(2026, 12, 1)),
                                             d(2026, 12, 1),
                                             d(2026, 12, 31),
                                             totals,
                                             {"HUR"},
                                             {{"AV-2026-000001", d(2026, 11, 1), Money::from_cents(12000)}}});
  EXPECT_EQ(doc.deductions,
            (std::vector<CreditNoteDeduction>{{"AV-2026-000001", d(2026, 11, 1), Money::from_cents(12000)}}));
  EXPECT_EQ(amount_due(doc), Money::from_cents(48000));  // 600.00 - 120.00
  EXPECT_EQ(doc.lines.at(0).unit_code, "HUR");
  EXPECT_EQ(document_problem(doc), "");
}

TEST(BuildCreditNote, B4CreditsTheMonthFromTheContractStart) {
  CreditNoteInputs in{
      parties("AV-2026-000001", d(2026, 12, 1)), {2026, 11},         d(2026, 11, 10), {totals, std::nullopt},
      {"FA-2026-000001", d(2026, 11, 10)},       "RM-CTR-X-2026-11", std::nullopt};
  const InvoiceDocument doc = build_credit_note(in, wording(Language::fr));
  EXPECT_EQ(doc.period_from, d(2026, 11, 10));
  EXPECT_EQ(doc.period_to, d(2026, 11, 30));
  EXPECT_FALSE(doc.due_date.has_value());
  EXPECT_EQ(doc.credit_reason, "Avoirs de service de novembre 2026 (art. 14, relevé RM-CTR-X-2026-11)");
  EXPECT_EQ(document_problem(doc), "");
}

TEST(BuildCreditNote, B4FurtherCreditCitesTheCorrectiveStatement) {
  CreditNoteInputs in{parties("AV-2026-000002", d(2026, 12, 5)),
                      {2026, 10},
                      d(2025, 1, 1),
                      {totals, std::nullopt},
                      {"F-981", d(2026, 10, 1)},
                      "RM-CTR-X-2026-10",
                      "RM-CTR-X-2026-10-R1"};
  EXPECT_EQ(build_credit_note(in, wording(Language::en)).credit_reason,
            "Further service credits of October 2026 (art. 14, corrective statement RM-CTR-X-2026-10-R1 replacing "
            "RM-CTR-X-2026-10)");
}

}  // namespace
}  // namespace clause
