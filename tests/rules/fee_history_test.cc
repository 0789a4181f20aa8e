// B3 through the fee history: the revisions a statement or invoice must apply on top of the
// recorded prices (figures from samples/README.md case 14, computed by hand).
#include "rules/fee_history.h"

#include <gtest/gtest.h>

#include "settings/terms_loader.h"

namespace clause {
namespace {

Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const TermsProfile& kalanda() {
  static TermsProfile p =
      load_terms_profile(std::filesystem::path(CLAUSE_SOURCE_DIR) / "config/terms/kalanda-hds.toml");
  return p;
}

std::vector<PriceIndex> syntec() {
  return {{"SYNTEC", {2025, 8}, Milli{292600}, day(2025, 9, 30)},
          {"SYNTEC", {2026, 9}, Milli{296400}, day(2026, 10, 31)},
          {"SYNTEC", {2026, 10}, Milli{297100}, day(2026, 12, 2)}};
}

Contract saint_roch() {
  Contract c;
  c.id = "CTR-K-SAINTROCH";
  c.start = day(2024, 11, 1);
  return c;
}

// B3: 490.39 x 296.4 / 292.6 = 496.758... -> 496.76 on 2026-11-01, index published the day before.
TEST(FeeHistoryB3, RevisesAtTheAnniversaryAfterTheLastRecordedPrice) {
  std::vector<FeeRevision> recorded = {{"WEB", day(2024, 11, 1), Money{45000}, std::nullopt},
                                       {"WEB", day(2025, 11, 1), Money{49039}, Milli{292600}}};
  FeeHistory h = fee_history_through(saint_roch(), recorded, day(2026, 11, 30), syntec(), kalanda().billing);
  ASSERT_FALSE(h.error);
  ASSERT_EQ(h.computed.size(), 1u);
  EXPECT_EQ(h.computed[0], (FeeRevision{"WEB", day(2026, 11, 1), Money{49676}, Milli{296400}}));
  EXPECT_EQ(h.revisions.size(), 3u);
}

// R4, N4: no revision at an anniversary after the end of service: a K contract from 2024-11-01 for
// 24 months (no tacit renewal) ends 2026-10-31; the price of 2025-11-01 carries over into
// continuity, through 2026-11-30.
TEST(FeeHistoryB3, R4NoRevisionAfterTheEndOfService) {
  Contract c = saint_roch();
  c.term_months = 24;
  c.tacit_renewal = false;
  std::vector<FeeRevision> recorded = {{"WEB", day(2025, 11, 1), Money{49039}, Milli{292600}}};
  FeeHistory h = fee_history_through(c, recorded, day(2026, 11, 30), syntec(), kalanda().billing);
  EXPECT_TRUE(h.computed.empty());
  EXPECT_FALSE(h.error);
}

// B3: nothing to add before the anniversary.
TEST(FeeHistoryB3, NothingBeforeTheAnniversary) {
  std::vector<FeeRevision> recorded = {{"WEB", day(2025, 11, 1), Money{49039}, Milli{292600}}};
  FeeHistory h = fee_history_through(saint_roch(), recorded, day(2026, 10, 31), syntec(), kalanda().billing);
  EXPECT_TRUE(h.computed.empty());
  EXPECT_FALSE(h.error);
}

// B3: first revision of Garnier (start 2025-12-01, price 540.00) on 2026-12-01: the 2026-10 index is
// published 2026-12-02, too late, so 2026-09 = 296.4: 540.00 x 296.4 / 268.5 = 596.11.
TEST(FeeHistoryB3, FirstRevisionUsesTheContractIndex) {
  Contract c;
  c.start = day(2025, 12, 1);
  std::vector<FeeRevision> recorded = {{"APP", day(2025, 12, 1), Money{54000}, std::nullopt}};
  FeeHistory h = fee_history_through(c, recorded, day(2026, 12, 31), syntec(), kalanda().billing);
  ASSERT_EQ(h.computed.size(), 1u);
  EXPECT_EQ(h.computed[0].period_price, Money{59611});
}

// B3: a missing index is an error, never a guess.
TEST(FeeHistoryB3, MissingIndexIsAnError) {
  std::vector<FeeRevision> recorded = {{"WEB", day(2024, 11, 1), Money{45000}, std::nullopt}};
  FeeHistory h = fee_history_through(saint_roch(), recorded, day(2025, 11, 30), {}, kalanda().billing);
  ASSERT_TRUE(h.error);
  EXPECT_TRUE(h.computed.empty());
}

}  // namespace
}  // namespace clause
