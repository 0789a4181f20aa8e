// B3 (K Art. 8.2): SYNTEC revision at each anniversary, chained, rounded at each step.
#include "rules/revision.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

PriceIndex syntec(int year, unsigned month, std::int64_t thousandths, const char* published) {
  return {"SYNTEC", {year, month}, Milli{thousandths}, day(published)};
}

// The contract starts 2026-03-15 at 1000.00; anniversaries 2027-03-15, 2028-03-15, 2029-03-15.
const std::vector<PriceIndex> indices = {
    syntec(2026, 12, 274000, "2027-02-01"),
    syntec(2027, 1, 275300, "2027-03-14"),  // published the day before the first anniversary
    syntec(2027, 2, 276000, "2027-03-16"),  // the day after: not yet published on 2027-03-15
    syntec(2028, 1, 282100, "2028-02-27"),
    syntec(2029, 1, 280400, "2029-03-15"),  // published on the anniversary itself: counts
};

Contract contract() {
  Contract c;
  c.id = "K-1";
  c.start = day("2026-03-15");
  return c;
}

const FeeRevision initial{"srv-1", day("2026-03-15"), Money::from_cents(100000), std::nullopt};
const BillingTerms k = testing::kalanda_contract_terms().billing;

TEST(LastPublishedIndex, B3IndexPublishedTheDayBeforeTheAnniversaryIsUsed) {
  EXPECT_EQ(last_published_index(indices, "SYNTEC", day("2027-03-15"))->value, Milli{275300});
  EXPECT_EQ(last_published_index(indices, "SYNTEC", day("2027-03-13"))->value, Milli{274000});
  EXPECT_FALSE(last_published_index(indices, "SYNTEC", day("2027-01-31")).has_value());
  EXPECT_FALSE(last_published_index(indices, "CPI", day("2030-01-01")).has_value());
}

TEST(Revision, B3FirstRevisionDividesByTheContractIndex) {
  // 1000.00 x 275.3 / 268.5 = 1025.3259 -> 1025.33, stored with index 275.3.
  RevisionOutcome r = revise_on_anniversary(initial, day("2027-03-15"), indices, k);
  ASSERT_TRUE(r.revision.has_value());
  EXPECT_EQ(*r.revision, (FeeRevision{"srv-1", day("2027-03-15"), Money::from_cents(102533), Milli{275300}}));
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.trace.steps.at(0).key, "syntec_revision");
}

TEST(Revision, B3ChainOverThreeAnniversariesRoundsAtEachStep) {
  // 2027-03-15: 1000.00 x 275.3 / 268.5 = 1025.3259 -> 1025.33
  // 2028-03-15: 1025.33 x 282.1 / 275.3 = 1050.6560 -> 1050.66
  // 2029-03-15: 1050.66 x 280.4 / 282.1 = 1044.3285 -> 1044.33 (in one step from 1000.00 it would
  //             be 1000.00 x 280.4 / 268.5 = 1044.32: rounding at each step matters)
  RevisionChain chain = revisions_through(contract(), initial, day("2029-12-31"), indices, k);
  ASSERT_EQ(chain.revisions.size(), 3u);
  EXPECT_FALSE(chain.error.has_value());
  EXPECT_EQ(chain.revisions[0], (FeeRevision{"srv-1", day("2027-03-15"), Money::from_cents(102533), Milli{275300}}));
  EXPECT_EQ(chain.revisions[1], (FeeRevision{"srv-1", day("2028-03-15"), Money::from_cents(105066), Milli{282100}}));
  EXPECT_EQ(chain.revisions[2], (FeeRevision{"srv-1", day("2029-03-15"), Money::from_cents(104433), Milli{280400}}));
}

TEST(Revision, B3ChainStopsAtTheRunDate) {
  EXPECT_EQ(revisions_through(contract(), initial, day("2028-03-14"), indices, k).revisions.size(), 1u);
}

TEST(Revision, B3MissingIndexIsAnErrorNamingTheAnniversary) {
  RevisionOutcome r = revise_on_anniversary(initial, day("2027-03-15"), {}, k);
  EXPECT_FALSE(r.revision.has_value());
  EXPECT_EQ(r.error, "B3: no SYNTEC index published on or before the anniversary 2027-03-15");
  RevisionChain chain = revisions_through(contract(), initial, day("2029-12-31"), {}, k);
  EXPECT_TRUE(chain.revisions.empty());
  EXPECT_EQ(chain.error, "B3: no SYNTEC index published on or before the anniversary 2027-03-15");
}

TEST(Revision, B3DagPriceIsGuaranteed) {
  const BillingTerms d = testing::dag_contract_terms().billing;  // D Art. 8: revision = false
  RevisionOutcome r = revise_on_anniversary(initial, day("2027-03-15"), indices, d);
  EXPECT_FALSE(r.revision.has_value());
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.trace.steps.at(0).key, "price_guaranteed");
  EXPECT_TRUE(revisions_through(contract(), initial, day("2029-12-31"), indices, d).revisions.empty());
}

}  // namespace
}  // namespace clause
