// The billing choices moved out of the invoices job (rules/credit_deductions.h, corrected_invoice.h,
// revisions_due.h): one table row per case, each citing its rule, every figure worked out by hand.
#include <gtest/gtest.h>

#include "rules/corrected_invoice.h"
#include "rules/credit_deductions.h"
#include "rules/revisions_due.h"

namespace clause {
namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}
Money eur(std::int64_t cents) { return Money::from_cents(cents); }

std::string numbers(const std::vector<CreditNoteBalance>& notes) {
  std::string out;
  for (const auto& n : notes) out += (out.empty() ? "" : ",") + n.number;
  return out;
}

// Three credit notes of a contract, by number: 100.00, 250.00 and 40.00 TTC.
const std::vector<CreditNoteBalance> notes = {{"AV-1", d(2026, 11, 1), eur(10000), false},
                                              {"AV-2", d(2026, 11, 1), eur(25000), false},
                                              {"AV-3", d(2026, 11, 20), eur(4000), false}};

struct DeductionCase {
  const char* rule;
  std::vector<CreditNoteBalance> notes;
  Date invoice_date;
  std::int64_t invoice_ttc_cents;
  const char* deducted;
};

TEST(CreditNotesToDeduct, TableOfCases) {
  std::vector<CreditNoteBalance> first_deducted = notes;
  first_deducted[0].deducted = true;
  const std::vector<DeductionCase> cases = {
      // 100 + 250 + 40 = 390 <= 1 000: all three, oldest first.
      {"B4 all fit", notes, d(2026, 12, 1), 100000, "AV-1,AV-2,AV-3"},
      // 100 + 250 = 350 > 300: AV-1 only, and AV-3 (40) does not jump the queue.
      {"B4 whole and oldest first", notes, d(2026, 12, 1), 30000, "AV-1"},
      // AV-1 exactly takes the invoice to 0: deducted; AV-2 waits.
      {"B4 exactly to zero", notes, d(2026, 12, 1), 10000, "AV-1"},
      // 99.99 < 100.00: the oldest does not fit, nothing is deducted.
      {"B4 oldest larger than the invoice", notes, d(2026, 12, 1), 9999, ""},
      // AV-3 is issued on 20/11, after an invoice of 15/11: not deducted by it.
      {"B4 issued after the invoice", notes, d(2026, 11, 15), 100000, "AV-1,AV-2"},
      // Issued the same day as the invoice: deducted.
      {"B4 issued the same day", notes, d(2026, 11, 20), 100000, "AV-1,AV-2,AV-3"},
      // AV-1 was deducted by an earlier invoice: 250 + 40 = 290 <= 300.
      {"B4 deducted once", first_deducted, d(2026, 12, 1), 30000, "AV-2,AV-3"},
      {"B4 no credit note", {}, d(2026, 12, 1), 30000, ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(numbers(credit_notes_to_deduct(c.notes, c.invoice_date, eur(c.invoice_ttc_cents))), c.deducted) << c.rule;
}

TEST(CreditNotesToDeduct, B4KeepsEachNoteWhole) {
  EXPECT_EQ(credit_notes_to_deduct(notes, d(2026, 12, 1), eur(30000)),
            (std::vector<CreditNoteBalance>{{"AV-1", d(2026, 11, 1), eur(10000), false}}));
}

// A prior invoice F-981 billing 2026-10-01..2026-12-31 at 20 %: 1 500.00 HT, 300.00 VAT.
const PriorInvoice prior_q4{"F-981",         "CTR-X",     d(2026, 10, 1), d(2026, 10, 1),
                            d(2026, 12, 31), eur(150000), Milli{20000},   eur(30000)};
const CorrectedInvoice clause_nov{"FA-2026-000004", d(2026, 11, 1), {{2000, eur(50000), eur(10000)}}};
const CorrectedInvoice continuity_nov{"FA-2026-000009", d(2026, 12, 1), {{2000, eur(20000), eur(4000)}}};
const CorrectedInvoice unrecorded{"FA-2026-000002", d(2026, 11, 1), {}};

struct CorrectionCase {
  const char* rule;
  std::vector<CorrectedInvoice> clause_invoices;
  std::vector<PriorInvoice> prior;
  YearMonth month;
  Date contract_start;
  std::optional<CorrectedInvoice> expected;
};

TEST(ChooseInvoiceToCorrect, TableOfCases) {
  const CorrectedInvoice prior_as_cited{"F-981", d(2026, 10, 1), {{2000, eur(150000), eur(30000)}}};
  const std::vector<CorrectionCase> cases = {
      {"B4 Clause's invoice of the period first",
       {clause_nov, continuity_nov},
       {prior_q4},
       {2026, 11},
       d(2025, 1, 1),
       clause_nov},
      {"B4 R4 the continuity invoice when the period has none",
       {unrecorded, continuity_nov},
       {},
       {2026, 11},
       d(2025, 1, 1),
       continuity_nov},
      // 20 % = 20 000 thousandths of a percent = 2 000 basis points.
      {"B4 the prior invoice whose period holds the 1st", {}, {prior_q4}, {2026, 11}, d(2025, 1, 1), prior_as_cited},
      {"B4 an invoice without VAT bases is not cited",
       {unrecorded},
       {prior_q4},
       {2026, 12},
       d(2025, 1, 1),
       prior_as_cited},
      // Started on 2026-09-15: September's first day of service is the 15th, outside F-981 (from 10/01).
      {"B4 the month's first day of service", {}, {prior_q4}, {2026, 9}, d(2026, 9, 15), std::nullopt},
      // Started on 2026-10-20: October's first day of service, the 20th, is inside F-981.
      {"B4 a contract started mid-month", {}, {prior_q4}, {2026, 10}, d(2026, 10, 20), prior_as_cited},
      {"B4 January after the prior period: nothing, never guessed",
       {},
       {prior_q4},
       {2027, 1},
       d(2025, 1, 1),
       std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(choose_invoice_to_correct(c.clause_invoices, c.prior, c.month, c.contract_start), c.expected) << c.rule;
}

TEST(CreditNoteVatRate, TableOfCases) {
  struct Case {
    const char* rule;
    std::vector<VatAmount> invoice_vat;
    int terms_rate, expected;
  };
  const std::vector<Case> cases = {
      {"B6 mirrors the invoice's one rate", {{550, eur(1000), eur(55)}}, 2000, 550},
      {"B6 several rates: the terms' rate", {{550, eur(1000), eur(55)}, {2000, eur(1000), eur(200)}}, 2000, 2000},
      {"B6 no rate recorded: the terms' rate", {}, 850, 850},
  };
  for (const auto& c : cases) EXPECT_EQ(credit_note_vat_rate(c.invoice_vat, c.terms_rate), c.expected) << c.rule;
}

TEST(RecordedTotals, B6SumsTheVatBases) {
  // HT 50.00 + 1 000.00 = 1 050.00; VAT 2.75 + 200.00 = 202.75; TTC 1 252.75.
  const InvoiceTotals t = recorded_totals({{550, eur(5000), eur(275)}, {2000, eur(100000), eur(20000)}});
  EXPECT_EQ(t.total_ht, eur(105000));
  EXPECT_EQ(t.total_vat, eur(20275));
  EXPECT_EQ(t.total_ttc, eur(125275));
  EXPECT_EQ(t.vat.size(), 2u);
}

TEST(RevisionsToRecord, TableOfCases) {
  const FeeRevision web_2026{"SRV-WEB", d(2026, 1, 1), eur(50000), Milli{268500}};
  const FeeRevision web_2027{"SRV-WEB", d(2027, 1, 1), eur(51000), Milli{272100}};
  const FeeRevision db_2027{"SRV-DB", d(2027, 1, 1), eur(30000), Milli{272100}};
  struct Case {
    const char* rule;
    std::vector<FeeRevision> computed, recorded, expected;
  };
  const std::vector<Case> cases = {
      {"B3 the computed revisions not yet recorded", {web_2026, web_2027, db_2027}, {web_2026}, {web_2027, db_2027}},
      {"B3 same service, same day: recorded once",
       {web_2027},
       {{"SRV-WEB", d(2027, 1, 1), eur(99999), std::nullopt}},
       {}},
      {"B3 same day, another service: due", {db_2027}, {web_2027}, {db_2027}},
      {"B3 nothing recorded yet: all due, in order", {web_2026, web_2027}, {}, {web_2026, web_2027}},
  };
  for (const auto& c : cases) EXPECT_EQ(revisions_to_record(c.computed, c.recorded), c.expected) << c.rule;
}

}  // namespace
}  // namespace clause
