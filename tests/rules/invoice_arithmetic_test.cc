// B6: lines rounded half away from zero, VAT per rate on the sum of lines, credit notes mirror VAT.
#include "rules/invoice_arithmetic.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

InvoiceLineInput line(const char* text, std::int64_t quantity_milli, std::int64_t unit_cents, int rate = 2000) {
  return {text, Milli{quantity_milli}, Money::from_cents(unit_cents), rate};
}

const std::vector<InvoiceLineInput> november = {
    line("Infogérance serveur srv-1", 1000, 102533),  // 1 x 1025.33 = 1025.33
    line("Intervention hors forfait", 1250, 12900),   // 1.25 h x 129.00 = 161.25
    line("Stockage", 2500, 1001),                     // 2.5 x 10.01 = 25.025 -> 25.03
};

TEST(InvoiceTotals, B6LinesRoundedThenVatOnTheirSum) {
  // HT 1025.33 + 161.25 + 25.03 = 1211.61; VAT 20 % = 242.322 -> 242.32; TTC 1453.93.
  InvoiceTotals t = invoice_totals(november);
  EXPECT_EQ(t.lines.at(2).total_ht, Money::from_cents(2503));
  EXPECT_EQ(t.total_ht, Money::from_cents(121161));
  ASSERT_EQ(t.vat.size(), 1u);
  EXPECT_EQ(t.vat[0], (VatAmount{2000, Money::from_cents(121161), Money::from_cents(24232)}));
  EXPECT_EQ(t.total_vat, Money::from_cents(24232));
  EXPECT_EQ(t.total_ttc, Money::from_cents(145393));
}

TEST(InvoiceTotals, B6VatIsOnTheSumNotLineByLine) {
  // Two lines of 0.03: line by line 0.006 -> 0.01 twice = 0.02; on the sum 0.06 x 20 % = 0.012 -> 0.01.
  InvoiceTotals t = invoice_totals({line("a", 1000, 3), line("b", 1000, 3)});
  EXPECT_EQ(t.total_vat, Money::from_cents(1));
}

TEST(InvoiceTotals, B6OneVatAmountPerRate) {
  // 100.00 at 20 % -> 20.00; 50.00 at 5.5 % -> 2.75; TTC 172.75.
  InvoiceTotals t = invoice_totals({line("a", 1000, 10000), line("b", 1000, 5000, 550)});
  ASSERT_EQ(t.vat.size(), 2u);
  EXPECT_EQ(t.vat[0], (VatAmount{550, Money::from_cents(5000), Money::from_cents(275)}));
  EXPECT_EQ(t.vat[1], (VatAmount{2000, Money::from_cents(10000), Money::from_cents(2000)}));
  EXPECT_EQ(t.total_ttc, Money::from_cents(17275));
}

TEST(CreditNote, B6FullCreditMirrorsTheInvoiceVat) {
  InvoiceTotals invoice = invoice_totals(november);
  CreditNoteTotals c = credit_note_totals({line("Avoir facture F-2026-0042", 1000, 121161)}, invoice);
  EXPECT_FALSE(c.error.has_value());
  EXPECT_EQ(c.totals.total_vat, Money::from_cents(24232));
  EXPECT_EQ(c.totals.total_ttc, Money::from_cents(145393));
}

TEST(CreditNote, B6LastPartialCreditTakesTheVatLeft) {
  // Invoice 0.03 HT -> VAT 0.006 -> 0.01. Credit 0.01: VAT 0.002 -> 0.00. Then credit 0.02 exhausts
  // the base: VAT 0.004 would round to 0.00, but the credit note mirrors the invoice: 0.01.
  InvoiceTotals invoice = invoice_totals({line("a", 1000, 3)});
  CreditNoteTotals first = credit_note_totals({line("avoir 1", 1000, 1)}, invoice);
  EXPECT_EQ(first.totals.total_vat, Money{});
  CreditNoteTotals last = credit_note_totals({line("avoir 2", 1000, 2)}, invoice, first.totals.vat);
  EXPECT_FALSE(last.error.has_value());
  EXPECT_EQ(last.totals.total_vat, Money::from_cents(1));
  EXPECT_EQ(last.totals.total_ttc, Money::from_cents(3));
}

TEST(CreditNote, B6NeverExceedsTheInvoice) {
  InvoiceTotals invoice = invoice_totals(november);
  EXPECT_EQ(credit_note_totals({line("avoir", 1000, 130000)}, invoice).error,
            "B6: credit at 20 % of 1300.00 HT (0.00 already credited) exceeds the invoice base 1211.61 HT");
  std::vector<VatAmount> earlier = {{2000, Money::from_cents(120000), Money::from_cents(24000)}};
  EXPECT_EQ(credit_note_totals({line("avoir", 1000, 1200)}, invoice, earlier).error,
            "B6: credit at 20 % of 12.00 HT (1200.00 already credited) exceeds the invoice base 1211.61 HT");
}

TEST(CreditNote, B6RateAbsentFromTheInvoiceIsRefused) {
  InvoiceTotals invoice = invoice_totals(november);
  EXPECT_EQ(credit_note_totals({line("avoir", 1000, 100, 550)}, invoice).error,
            "B6: the credit note has VAT rate 5.5 %, which the corrected invoice does not have");
}

}  // namespace
}  // namespace clause
