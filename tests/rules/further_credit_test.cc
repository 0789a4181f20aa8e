// B4 (K Art. 14) row by row: the further credit note that follows a corrective statement
// (rules/further_credit.h). November 2026 of contract CTR-X was credited 124.19 HT by its credit
// note; each row names its rule and the figure worked out by hand from RULES.md B4.
#include "rules/further_credit.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

Money eur(std::int64_t cents) { return Money::from_cents(cents); }

using Kind = CreditLedgerEntry::Kind;
const CreditLedgerEntry statement{Kind::statement, "2026-11", 1, eur(0)};
const CreditLedgerEntry credit_note{Kind::credit_note, "2026-11", 2, eur(12419)};
const CreditLedgerEntry corrective_1{Kind::statement, "2026-11-c1", 3, eur(0)};
const CreditLedgerEntry further_1{Kind::credit_note, "2026-11-c1", 4, eur(7581)};
const CreditLedgerEntry corrective_2{Kind::statement, "2026-11-c2", 5, eur(0)};

struct Row {
  const char* rule;
  std::vector<CreditLedgerEntry> ledger;
  std::int64_t owed_cents;
  std::optional<FurtherCredit> expected;
};

TEST(FurtherCreditTable, B4TheDifferenceACorrectiveStatementRaised) {
  const std::vector<Row> rows = {
      // 200.00 - 124.19 = 75.81, keyed and cited by the corrective.
      {"B4 credits raised",
       {statement, credit_note, corrective_1},
       20000,
       FurtherCredit{"2026-11-c1", "RM-CTR-X-2026-11-R1", eur(7581)}},
      // 124.20 - 124.19 = 0.01.
      {"B4 raised by one cent",
       {statement, credit_note, corrective_1},
       12420,
       FurtherCredit{"2026-11-c1", "RM-CTR-X-2026-11-R1", eur(1)}},
      {"B4 credits unchanged: nothing", {statement, credit_note, corrective_1}, 12419, std::nullopt},
      {"B4 credits went down: nothing clawed back", {statement, credit_note, corrective_1}, 10000, std::nullopt},
      {"B4 no corrective statement: nothing", {statement, credit_note}, 20000, std::nullopt},
      // 124.19 + 75.81 = 200.00 credited already by the note of c1.
      {"B4 the corrective's credit note already issued",
       {statement, credit_note, corrective_1, further_1},
       20000,
       std::nullopt},
      // 250.00 - 124.19 - 75.81 = 50.00, after the second corrective.
      {"B4 a second corrective: what the notes have not credited",
       {statement, credit_note, corrective_1, further_1, corrective_2},
       25000,
       FurtherCredit{"2026-11-c2", "RM-CTR-X-2026-11-R2", eur(5000)}},
      // Issued later, c10 is the latest though "2026-11-c10" sorts before "2026-11-c9".
      {"B4 the latest corrective by order of issue",
       {statement,
        credit_note,
        {Kind::statement, "2026-11-c9", 9, eur(0)},
        {Kind::statement, "2026-11-c10", 10, eur(0)}},
       20000,
       FurtherCredit{"2026-11-c10", "RM-CTR-X-2026-11-R10", eur(7581)}},
      // October's 500.00 credit note and corrective are not November's: 200.00 - 124.19 = 75.81.
      {"B4 another month's documents do not count",
       {statement,
        credit_note,
        corrective_1,
        {Kind::credit_note, "2026-10", 6, eur(50000)},
        {Kind::statement, "2026-10-c1", 7, eur(0)}},
       20000,
       FurtherCredit{"2026-11-c1", "RM-CTR-X-2026-11-R1", eur(7581)}},
  };
  for (const auto& row : rows)
    EXPECT_EQ(further_credit(row.ledger, "CTR-X", {2026, 11}, eur(row.owed_cents)), row.expected) << row.rule;
}

}  // namespace
}  // namespace clause
