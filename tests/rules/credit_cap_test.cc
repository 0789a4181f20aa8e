// S7 (and F1 for its wording) row by row: all credits of one service in one month never exceed
// cap_percent_of_fee % of its monthly fee (100 % in K Art. 14); a total equal to the cap has
// "reached" it with nothing cut. Figures worked out by hand from RULES.md S7, F1 and B6.
#include "rules/credit_cap.h"

#include <gtest/gtest.h>

#include "terms_fixture.h"

namespace clause {
namespace {

struct CapRow {
  const char* rule;
  int cap_percent;
  long long subtotal_cents;
  long long fee_cents;
  long long cap_cents;
  long long total_cents;
  bool reached;
  const char* key;
};

TEST(CreditCapTable, S7TotalIsTheSubtotalCutAtTheCap) {
  const CapRow rows[] = {
      {"S7", 100, 12419, 49676, 49676, 12419, false, "cap_not_reached"},  // INC-SR-1120 alone
      {"S7", 100, 60000, 50000, 50000, 50000, true, "cap_reached"},       // 600.00 cut to 500.00
      {"F1", 100, 50000, 50000, 50000, 50000, true, "cap_met"},           // equal: reached, nothing cut
      {"F1", 100, 49999, 50000, 50000, 49999, false, "cap_not_reached"},  // one cent below
      {"S7", 100, 0, 0, 0, 0, false, "cap_not_reached"},                  // no fee, no credit
      // S7 Decision: November billed 466.67 of a 1,000.00 fee (start 17 Nov); capped at 466.67.
      {"S7", 100, 100000, 46667, 46667, 46667, true, "cap_reached"},
      {"S7", 50, 30000, 50000, 25000, 25000, true, "cap_reached"},       // a 50 % cap of 500.00
      {"B6", 50, 10000, 33333, 16667, 10000, false, "cap_not_reached"},  // 166.665 -> 166.67
  };
  for (const auto& row : rows) {
    auto terms = testing::kalanda_terms().service_levels;
    terms.cap_percent_of_fee = row.cap_percent;
    const CappedCredit c =
        apply_credit_cap(Money::from_cents(row.subtotal_cents), Money::from_cents(row.fee_cents), terms);
    const std::string where = std::string(row.rule) + " subtotal " + std::to_string(row.subtotal_cents);
    EXPECT_EQ(c.subtotal, Money::from_cents(row.subtotal_cents)) << where;
    EXPECT_EQ(c.cap, Money::from_cents(row.cap_cents)) << where;
    EXPECT_EQ(c.total, Money::from_cents(row.total_cents)) << where;
    EXPECT_EQ(c.reached, row.reached) << where;
    ASSERT_EQ(c.trace.steps.size(), 1u) << where;
    EXPECT_EQ(c.trace.steps[0].rule, "S7") << where;
    EXPECT_EQ(c.trace.steps[0].key, row.key) << where;
  }
}

}  // namespace
}  // namespace clause
