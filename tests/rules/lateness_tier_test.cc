// S2 and S4 tier tables and the B6 rounding of a percentage of a fee, row by row. Each row names its
// rule and a figure worked out by hand from RULES.md (S2: >= 1 h 10 %, >= 3 h 25 %, >= 4 h 50 %,
// >= 8 h 100 %; S4: >= 4 h 10 %, >= 8 h 25 %, >= 16 h 50 %, >= 24 h 100 %; thresholds inclusive).
#include "rules/lateness_tier.h"

#include <gtest/gtest.h>

#include "terms_fixture.h"

namespace clause {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct TierRow {
  const char* rule;
  seconds lateness;
  int percent;
};

TEST(LatenessTierTable, S2GtiTiersAreInclusive) {
  const auto tiers = testing::kalanda_terms().service_levels.gti_tiers;
  const TierRow rows[] = {
      {"S2", seconds{-3600}, 0},         // early: no lateness
      {"S2", seconds{0}, 0},             // on time
      {"S2", hours{1} - seconds{1}, 0},  // 59 min 59 s: below 1 h
      {"S2", hours{1}, 10},              // Decision: exactly 1 h gives 10 %
      {"S2", hours{3} - seconds{1}, 10},
      {"S2", hours{3}, 25},
      {"S2", hours{3} + minutes{40}, 25},  // INC-SR-1120 of the samples: 3 h 40 late
      {"S2", hours{4}, 50},
      {"S2", hours{8} - seconds{1}, 50},
      {"S2", hours{8}, 100},
      {"S2", hours{30}, 100},  // no tier above 100 %
  };
  for (const auto& row : rows)
    EXPECT_EQ(lateness_tier_percent(row.lateness, tiers), Percent{row.percent})
        << row.rule << " " << row.lateness.count() << " s late";
}

TEST(LatenessTierTable, S4GtrTiersAreInclusive) {
  const auto tiers = testing::kalanda_terms().service_levels.gtr_tiers;
  const TierRow rows[] = {
      {"S4", hours{4} - seconds{1}, 0},
      {"S4", hours{4}, 10},
      {"S4", hours{8} - seconds{1}, 10},
      {"S4", hours{8}, 25},
      {"S4", hours{16}, 50},
      {"S4", hours{24} - seconds{1}, 50},
      {"S4", hours{24}, 100},
  };
  for (const auto& row : rows)
    EXPECT_EQ(lateness_tier_percent(row.lateness, tiers), Percent{row.percent})
        << row.rule << " " << row.lateness.count() << " s late";
}

// A profile may list its tiers in any order: the best reached threshold wins (S2 table reversed).
TEST(LatenessTierTable, S2UnsortedTiersGiveTheSameTier) {
  const std::vector<LatenessTier> reversed = {
      {minutes{480}, 100}, {minutes{240}, 50}, {minutes{180}, 25}, {minutes{60}, 10}};
  EXPECT_EQ(lateness_tier_percent(hours{3} + minutes{40}, reversed), Percent{25});
  EXPECT_EQ(lateness_tier_percent(hours{9}, reversed), Percent{100});
}

// S10: the dag profile states no credit table; no lateness earns anything.
TEST(LatenessTierTable, S10NoTableNoPercent) {
  EXPECT_EQ(lateness_tier_percent(hours{48}, testing::dag_terms().service_levels.gti_tiers), Percent{0});
}

struct PercentRow {
  const char* rule;
  long long fee_cents;
  int percent;
  long long expected_cents;
};

TEST(PercentOfTable, B6RoundsHalfAwayFromZeroToTheCent) {
  const PercentRow rows[] = {
      {"S2", 49676, 25, 12419},     // 496.76 x 25 % = 124.19 exactly (INC-SR-1120)
      {"S2", 49676, 10, 4968},      // 49.676 -> 49.68
      {"S4", 33333, 5, 1667},       // 16.6665 -> 16.67
      {"S4", 33333, 50, 16667},     // 166.665 -> 166.67 (half up)
      {"B6", 1, 50, 1},             // 0.005 -> 0.01
      {"B6", -2, 25, -1},           // -0.005 -> -0.01 (away from zero)
      {"S2", 100000, 100, 100000},  // 100 % of 1,000.00
      {"S2", 100000, 0, 0},
  };
  for (const auto& row : rows)
    EXPECT_EQ(percent_of(Money::from_cents(row.fee_cents), Percent{row.percent}), Money::from_cents(row.expected_cents))
        << row.rule << " " << row.percent << " % of " << row.fee_cents << " cents";
}

}  // namespace
}  // namespace clause
