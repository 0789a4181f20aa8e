// RULES F1 (no figure hides its tier) and F2 (local times of the repeated autumn hour carry their
// offset), on the rules side: what each rule hands to the documents. Figures worked out by hand.
#include <algorithm>

#include <gtest/gtest.h>

#include "rules/availability.h"
#include "rules/credit_cap.h"
#include "rules/service_credits.h"
#include "rules/support_rate.h"
#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;
using std::chrono::minutes;

// November 2026 in Paris: 30 days = 720 h = 2,592,000 s; 0.1 % of it is 2,592 s = 43 min 12 s.
const seconds kNovember{2'592'000};

TEST(FiguresShown, F1AvailabilityJustAboveATierBoundaryShowsTheDecimalsThatTellItApart) {
  // 43 min 00 s down: 2,589,420 / 2,592,000 = 99.900462...% > 99.9 (no credit), and 3 decimals
  // would print the boundary "99,900"; 4 decimals print 99.9004.
  EXPECT_EQ(shown_availability(kNovember - seconds{2580}, kNovember, kalanda_terms().service_levels.availability_tiers),
            (ShownPercent{999004, 4, true}));
}

TEST(FiguresShown, F1AvailabilityExactlyOnTheBoundaryIsShownAsTheBoundary) {
  // 43 min 12 s down: exactly 99.900 %, the 5 % tier (S5: the boundary belongs to the better tier that holds it).
  EXPECT_EQ(shown_availability(kNovember - seconds{2592}, kNovember, kalanda_terms().service_levels.availability_tiers),
            (ShownPercent{99900, 3, true}));
}

TEST(FiguresShown, F1AvailabilityAwayFromABoundaryKeepsThreeDecimals) {
  // 3 h down in October (745 h): 2,671,200 / 2,682,000 = 99.59731...% -> floor 99.597.
  EXPECT_EQ(shown_availability(seconds{2'682'000 - 10'800}, seconds{2'682'000},
                               kalanda_terms().service_levels.availability_tiers),
            (ShownPercent{99597, 3, true}));
}

TEST(FiguresShown, F1AvailabilityTierOfBothCasesFollowsWhatIsPrinted) {
  const auto tiers = kalanda_terms().service_levels;
  AvailabilityMeasure above{{}, kNovember, seconds{2580}, {}, {}, {}, {}, {}};
  AvailabilityMeasure on{{}, kNovember, seconds{2592}, {}, {}, {}, {}, {}};
  EXPECT_EQ(availability_credit(above, Money::from_cents(100000), tiers).percent, Percent{0});
  EXPECT_EQ(availability_credit(on, Money::from_cents(100000), tiers).percent, Percent{5});
}

TEST(FiguresShown, F1TicketRateTwoOfThreeIs66Point7) { EXPECT_EQ(shown_rate(2, 3), (ShownPercent{667, 1, true})); }
TEST(FiguresShown, F1TicketRateOneOfTwoHasNoDecimal) { EXPECT_EQ(shown_rate(1, 2), (ShownPercent{50, 0, true})); }
TEST(FiguresShown, F1TicketRateOfNoTicketIsUnknownNot100) { EXPECT_FALSE(shown_rate(0, 0).known); }
TEST(FiguresShown, F1TicketRateNeverRoundsUpTo100WhenOneWasLate) {
  // 1,999 of 2,000 = 99.95 % would round to 100.0: shown 99.9.
  EXPECT_EQ(shown_rate(1999, 2000), (ShownPercent{999, 1, true}));
}
TEST(FiguresShown, F1TicketRateNeverRoundsDownTo0WhenOneWasOnTime) {
  EXPECT_EQ(shown_rate(1, 3000), (ShownPercent{1, 1, true}));
}

TEST(FiguresShown, F1TotalEqualToTheCapHasReachedIt) {
  // S7 with the 17 Nov start: 466.67 billed for November, 466.67 of credits: "plafond atteint", nothing cut.
  const auto c = apply_credit_cap(Money::from_cents(46667), Money::from_cents(46667), kalanda_terms().service_levels);
  EXPECT_TRUE(c.reached);
  EXPECT_EQ(c.total, Money::from_cents(46667));
  EXPECT_EQ(c.trace.steps.back().key, "cap_met");
}

TEST(FiguresShown, F1TotalBelowTheCapHasNotReachedIt) {
  const auto c = apply_credit_cap(Money::from_cents(46666), Money::from_cents(46667), kalanda_terms().service_levels);
  EXPECT_FALSE(c.reached);
  EXPECT_EQ(c.trace.steps.back().key, "cap_not_reached");
}

Contract k_contract() {
  Contract c;
  c.id = "C-1";
  c.terms_profile = "kalanda-hds";
  c.start = day("2025-06-15");
  c.backup_option = true;
  c.gtr_hours = 4;
  return c;
}

Incident late_incident(IncidentCause cause, bool blocking) {
  // Mon 5 Oct 10:00 (HO) -> GTI deadline 11:00; started 14:00 = 3 h late (25 %); restored 22:00:
  // 8 h against a 4 h GTR = 4 h late (10 %).
  Incident i;
  i.id = "I-1";
  i.contract_id = "C-1";
  i.service_id = "SRV-1";
  i.contacted = at("2026-10-05T10:00:00+02:00");
  i.intervention_start = at("2026-10-05T14:00:00+02:00");
  i.restored = at("2026-10-05T22:00:00+02:00");
  i.blocking = blocking;
  i.cause = cause;
  return i;
}

std::vector<std::string> keys_of(const Trace& t) {
  std::vector<std::string> out;
  for (const auto& s : t.steps) out.push_back(s.key);
  return out;
}

bool names_a_tier(const Trace& t) {
  for (const auto& s : t.steps)
    for (const auto& f : s.figures)
      if (f.name == "tier" || f.name == "cap") return true;
  return false;
}

const Service kServer{"SRV-1", "C-1", ServiceKind::server, "web1", "Serveur web1", true};
const std::vector<FeeRevision> kFees{{"SRV-1", day("2025-06-15"), Money::from_cents(50000), std::nullopt}};

TEST(FiguresShown, F1ClientCausedIncidentNamesNoTierForTheCreditItDoesNotEarn) {
  const auto r = compute_service_credits(k_contract(), kServer, kalanda_terms(), paris_clock(), {2026, 10},
                                         {late_incident(IncidentCause::client, true)}, {}, {}, kFees);
  ASSERT_EQ(r.incidents.size(), 1u);
  EXPECT_EQ(r.incidents[0].credit, Money{});
  EXPECT_FALSE(names_a_tier(r.incidents[0].trace));
  const auto keys = keys_of(r.incidents[0].trace);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "gti_late_excluded"), keys.end());
}

TEST(FiguresShown, F1LatenessAfterGtrNotApplicableNamesNoTier) {
  // Not blocking: S3 rules the GTR out; the 4 h beyond it are shown without a tier.
  const auto r = compute_service_credits(k_contract(), kServer, kalanda_terms(), paris_clock(), {2026, 10},
                                         {late_incident(IncidentCause::server, false)}, {}, {}, kFees);
  EXPECT_EQ(r.incidents[0].gtr.trace.steps.back().key, "gtr_late_not_applicable");
  for (const auto& f : r.incidents[0].gtr.trace.steps.back().figures) EXPECT_NE(f.name, "tier");
  EXPECT_EQ(r.incidents[0].gti.credit, Money::from_cents(12500));  // the GTI credit stays: 25 % of 500.00
}

TEST(FiguresShown, F1DagContractNamesNoTierAndNoCap) {
  const auto r = compute_service_credits(k_contract(), kServer, dag_terms(), paris_clock(), {2026, 10},
                                         {late_incident(IncidentCause::server, true)}, {}, {}, kFees);
  EXPECT_FALSE(names_a_tier(r.incidents[0].trace));
  EXPECT_FALSE(names_a_tier(r.trace));
}

TEST(FiguresShown, F1LatenessKeepsItsSeconds) {
  Incident i = late_incident(IncidentCause::server, true);
  i.intervention_start = at("2026-10-05T11:43:12+02:00");  // 43 min 12 s after the 11:00 deadline
  const auto r =
      compute_service_credits(k_contract(), kServer, kalanda_terms(), paris_clock(), {2026, 10}, {i}, {}, {}, kFees);
  EXPECT_EQ(r.incidents[0].gti.lateness, seconds{2592});
  bool found = false;
  for (const auto& s : r.incidents[0].gti.trace.steps)
    for (const auto& f : s.figures)
      if (f.name == "lateness") found = std::get<seconds>(f.value) == seconds{2592};
  EXPECT_TRUE(found);
}

TEST(FiguresShown, F2TheFirstTwoThirtyOfTheAutumnChangeIsRepeated) {
  // 25 Oct 2026: 02:30 CEST = 00:30 UTC, then 02:30 CET = 01:30 UTC.
  EXPECT_TRUE(paris_clock().is_repeated_local_time(at("2026-10-25T00:30:00Z")));
  EXPECT_TRUE(paris_clock().is_repeated_local_time(at("2026-10-25T01:30:00Z")));
}

TEST(FiguresShown, F2TimesAroundTheRepeatedHourAreNot) {
  EXPECT_FALSE(paris_clock().is_repeated_local_time(at("2026-10-24T23:59:00Z")));  // 01:59 CEST
  EXPECT_FALSE(paris_clock().is_repeated_local_time(at("2026-10-25T02:00:00Z")));  // 03:00 CET
  EXPECT_FALSE(paris_clock().is_repeated_local_time(at("2026-03-29T01:30:00Z")));  // 03:30 CEST, spring gap
}

}  // namespace
}  // namespace clause
