// RULES S1-S10 together: one service, October 2026 (745 h), monthly fee 500.00 EUR, base GTR 4 h,
// backup option and HA annex.
#include "rules/service_credits.h"

#include <random>

#include <gtest/gtest.h>

#include "tests/rules/contract_terms_fixture.h"
#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;
using std::chrono::hours;

const YearMonth kOctober{2026, 10};

Contract contract() {
  Contract c;
  c.id = "C-1";
  c.terms_profile = "kalanda-hds";
  c.start = day("2025-06-15");
  c.backup_option = true;
  c.high_availability = true;
  c.gtr_hours = 4;
  return c;
}

Service server() { return Service{"SRV-1", "C-1", ServiceKind::server, "web1", "Serveur web1", true}; }

const std::vector<FeeRevision> kFees{{"SRV-1", day("2025-06-15"), Money::from_cents(50000), std::nullopt}};

Incident incident(const char* id, const char* contacted, const char* start, const char* restored, bool blocking,
                  IncidentCause cause) {
  Incident i;
  i.id = id;
  i.contract_id = "C-1";
  i.service_id = "SRV-1";
  i.contacted = at(contacted);
  i.intervention_start = at(start);
  i.restored = at(restored);
  i.blocking = blocking;
  i.cause = cause;
  return i;
}

// A: Mon 5 Oct 10:00 (HO) -> deadline 11:00, start 12:00: 1 h late -> GTI 10 % = 50.00;
//    blocking, server cause, 12:00 -> 20:00 = 8 h, 4 h beyond the base -> GTR 10 % = 50.00.
// B: Sat 10 Oct 03:00 (HNO) -> deadline 06:00, start 11:00: 5 h late -> 50 % = 250.00; not blocking.
// C: client-caused, 23 h late -> excluded (S6), 0.
// D: contacted 31 Oct 23:30Z = 1 Nov local -> November's statement (S8).
// HA: 5 Oct 10:00-13:00 down = 10,800 s of 2,682,000 -> 995973 ppm -> 5 % = 25.00.
// Subtotal 50 + 50 + 250 + 25 = 375.00 < cap 500.00.
std::vector<Incident> october_incidents() {
  return {incident("A", "2026-10-05T10:00:00+02:00", "2026-10-05T12:00:00+02:00", "2026-10-05T20:00:00+02:00", true,
                   IncidentCause::server),
          incident("B", "2026-10-10T03:00:00+02:00", "2026-10-10T11:00:00+02:00", "2026-10-10T12:00:00+02:00", false,
                   IncidentCause::server),
          incident("C", "2026-10-12T10:00:00+02:00", "2026-10-13T10:00:00+02:00", "2026-10-13T12:00:00+02:00", true,
                   IncidentCause::client),
          incident("D", "2026-10-31T23:30:00Z", "2026-11-01T09:00:00+01:00", "2026-11-01T10:00:00+01:00", true,
                   IncidentCause::server)};
}

const std::vector<Outage> kOutages{
    {"O1", "SRV-1", at("2026-10-05T10:00:00+02:00"), at("2026-10-05T13:00:00+02:00"), OutageKind::unplanned, ""}};

TEST(ServiceCredits, S1ToS8OneMonthOfOneService) {
  const auto r = compute_service_credits(contract(), server(), kalanda_terms(), paris_clock(), kOctober,
                                         october_incidents(), kOutages, {}, kFees);
  ASSERT_EQ(r.incidents.size(), 3u);
  EXPECT_EQ(r.incidents[0].gti.credit, Money::from_cents(5000));
  EXPECT_EQ(r.incidents[0].gtr.credit, Money::from_cents(5000));
  EXPECT_EQ(r.incidents[0].credit, Money::from_cents(10000));
  EXPECT_EQ(r.incidents[1].gti.percent, Percent{50});
  EXPECT_FALSE(r.incidents[1].gtr.applies);
  EXPECT_EQ(r.incidents[1].credit, Money::from_cents(25000));
  EXPECT_TRUE(r.incidents[2].exclusion.excluded);
  EXPECT_EQ(r.incidents[2].gti.lateness, hours{23});
  EXPECT_EQ(r.incidents[2].credit, Money{});
  ASSERT_TRUE(r.availability.has_value());
  EXPECT_EQ(r.availability->measure.availability, Ppm{995973});
  EXPECT_EQ(r.availability->credit.credit, Money::from_cents(2500));
  EXPECT_EQ(r.cap.subtotal, Money::from_cents(37500));
  EXPECT_FALSE(r.cap.reached);
  EXPECT_EQ(r.total, Money::from_cents(37500));
  EXPECT_TRUE(r.problems.empty());
  // The line's trace: S8 month, S7 fee, S6, S1, S2, S3, S4.
  std::vector<std::string> rules;
  for (const auto& step : r.incidents[0].trace.steps) rules.push_back(step.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"S8", "S7", "S6", "S1", "S2", "S3", "S4"}));
}

// S7: add E, Tue 20 Oct 10:00 -> deadline 11:00, start 19:00 = 8 h late -> 100 % = 500.00:
// subtotal 875.00 -> capped at 500.00.
TEST(ServiceCredits, S7CapAtTheMonthlyFee) {
  auto incidents = october_incidents();
  incidents.push_back(incident("E", "2026-10-20T10:00:00+02:00", "2026-10-20T19:00:00+02:00",
                               "2026-10-20T20:00:00+02:00", false, IncidentCause::server));
  const auto r = compute_service_credits(contract(), server(), kalanda_terms(), paris_clock(), kOctober, incidents,
                                         kOutages, {}, kFees);
  EXPECT_EQ(r.cap.subtotal, Money::from_cents(87500));
  EXPECT_TRUE(r.cap.reached);
  EXPECT_EQ(r.total, Money::from_cents(50000));
  EXPECT_EQ(r.trace.steps.back().key, "cap_reached");
}

// S7: a revision on 15 Oct to 600.00: A (5 Oct) keeps 500.00 -> 50.00; an incident on 20 Oct
// 1 h late earns 10 % of 600.00 = 60.00; the HA credit and the cap use 600.00 (5 % = 30.00).
TEST(ServiceCredits, S7FeeInForceOnTheIncidentDate) {
  auto fees = kFees;
  fees.push_back({"SRV-1", day("2026-10-15"), Money::from_cents(60000), Milli{280000}});
  std::vector<Incident> incidents{incident("A", "2026-10-05T10:00:00+02:00", "2026-10-05T12:00:00+02:00",
                                           "2026-10-05T12:30:00+02:00", false, IncidentCause::server),
                                  incident("F", "2026-10-20T10:00:00+02:00", "2026-10-20T12:00:00+02:00",
                                           "2026-10-20T12:30:00+02:00", false, IncidentCause::server)};
  const auto r = compute_service_credits(contract(), server(), kalanda_terms(), paris_clock(), kOctober, incidents,
                                         kOutages, {}, fees);
  EXPECT_EQ(r.incidents[0].credit, Money::from_cents(5000));
  EXPECT_EQ(r.incidents[1].credit, Money::from_cents(6000));
  EXPECT_EQ(r.availability->credit.credit, Money::from_cents(3000));
  EXPECT_EQ(r.cap.cap, Money::from_cents(60000));
}

// S6 root access (a profile that suspends, like D): A contacted during a root-access period -> excluded; its 100.00 is
// withheld.
TEST(ServiceCredits, S6RootAccessWithholdsTheIncidentCredit) {
  const std::vector<RootAccessPeriod> root{
      {"RA-1", "C-1", "SRV-1", at("2026-10-05T08:00:00+02:00"), at("2026-10-05T11:00:00+02:00")}};
  auto terms = kalanda_terms();
  terms.service_levels.root_access_suspends = true;  // as in D Art. 6
  const auto r = compute_service_credits(contract(), server(), terms, paris_clock(), kOctober, october_incidents(),
                                         kOutages, root, kFees);
  EXPECT_EQ(r.incidents[0].exclusion.reason, "root_access");
  EXPECT_EQ(r.incidents[0].credit, Money{});
  EXPECT_EQ(r.total, Money::from_cents(27500));
}

// S10: dag reports the same measures and no credit.
TEST(ServiceCredits, S10ProfileWithoutCreditsReportsMeasuresOnly) {
  const auto r = compute_service_credits(contract(), server(), dag_terms(), paris_clock(), kOctober,
                                         october_incidents(), kOutages, {}, kFees);
  EXPECT_FALSE(r.credits_enabled);
  ASSERT_EQ(r.incidents.size(), 3u);
  EXPECT_EQ(r.incidents[0].gti.lateness, hours{1});
  EXPECT_EQ(r.incidents[0].gtr.restoration_time, hours{8});
  EXPECT_EQ(r.availability->measure.availability, Ppm{995973});
  EXPECT_EQ(r.total, Money{});
  EXPECT_EQ(r.trace.steps.front().key, "no_credit_table");
}

TEST(ServiceCredits, S8NovemberTakesTheIncidentContactedOnItsFirstLocalHour) {
  const auto r = compute_service_credits(contract(), server(), kalanda_terms(), paris_clock(), {2026, 11},
                                         october_incidents(), kOutages, {}, kFees);
  ASSERT_EQ(r.incidents.size(), 1u);
  EXPECT_EQ(r.incidents[0].incident_id, "D");
  EXPECT_EQ(r.incidents[0].local_date, day("2026-11-01"));
}

TEST(ServiceCredits, MissingFeeIsReportedAsAProblem) {
  const auto r = compute_service_credits(contract(), server(), kalanda_terms(), paris_clock(), kOctober,
                                         october_incidents(), kOutages, {}, {});
  EXPECT_EQ(r.total, Money{});
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0], "no fee in force for service SRV-1 on 2026-10-05 (incident A)");
}

// Property: whatever the incidents, the month's total never exceeds the fee and equals
// min(subtotal, fee).
TEST(ServiceCredits, PropertyCreditsNeverExceedTheFee) {
  std::mt19937 rng(42);
  const auto clock = paris_clock();
  const Interval month = clock.month(kOctober);
  for (int round = 0; round < 200; ++round) {
    std::vector<Incident> incidents;
    for (int k = 0, n = int(rng() % 8); k < n; ++k) {
      Incident i;
      i.id = "I" + std::to_string(k);
      i.service_id = "SRV-1";
      i.contacted = month.begin + seconds{long(rng() % month.length().count())};
      i.intervention_start = i.contacted + seconds{long(rng() % 86400)};
      i.restored = *i.intervention_start + seconds{long(rng() % 172800)};
      i.blocking = rng() % 2;
      i.cause = rng() % 4 ? IncidentCause::server : IncidentCause::client;
      incidents.push_back(i);
    }
    const auto r =
        compute_service_credits(contract(), server(), kalanda_terms(), clock, kOctober, incidents, kOutages, {}, kFees);
    EXPECT_LE(r.total, Money::from_cents(50000));
    EXPECT_EQ(r.total, std::min(r.cap.subtotal, Money::from_cents(50000)));
  }
}

// S7 Decision (K Art. 14: never more than "les frais mensuels ... payés par le Client"): a month
// billed for part of its days (B2 first period) caps at the fee billed for it; the GTI tiers still
// take their percentage of the monthly fee (S2). Contract K-17 starts on Tue 17 Nov 2026.
TermsProfile kalanda_with_billing() {
  TermsProfile p = kalanda_terms();
  p.billing = kalanda_contract_terms().billing;  // calendar periods, B2 proration
  return p;
}

Contract started_17_november(BillingPeriod billing) {
  Contract c;
  c.id = "K-17";
  c.terms_profile = "kalanda-hds";
  c.start = day("2026-11-17");
  c.billing = billing;
  return c;
}

Service server_17() { return Service{"SRV-17", "K-17", ServiceKind::server, "web17", "Serveur web17", true}; }

// Contacted Sat 21 Nov 2026 03:00 CET (HNO): deadline 06:00 (S1); started at `start`.
Incident late_in_november(const char* id, const char* start) {
  Incident i;
  i.id = id;
  i.contract_id = "K-17";
  i.service_id = "SRV-17";
  i.contacted = at("2026-11-21T03:00:00+01:00");
  i.intervention_start = at(start);
  i.restored = at("2026-11-21T23:00:00+01:00");
  i.blocking = false;
  i.cause = IncidentCause::server;
  return i;
}

const std::vector<FeeRevision> kMonthly1000{{"SRV-17", day("2026-11-17"), Money::from_cents(100000), std::nullopt}};

TEST(ServiceCredits, S7ProratedFirstMonthCapsAtTheFeeBilledForIt) {
  // November is billed 1,000.00 x 14 / 30 = 466.666.. -> 466.67 (17-30 Nov, B2). 8 h late (06:00 ->
  // 14:00): 100 % of the monthly fee = 1,000.00, capped at 466.67.
  const auto r = compute_service_credits(started_17_november(BillingPeriod::monthly), server_17(),
                                         kalanda_with_billing(), paris_clock(), {2026, 11},
                                         {late_in_november("L8", "2026-11-21T14:00:00+01:00")}, {}, {}, kMonthly1000);
  EXPECT_EQ(r.incidents.at(0).gti.credit, Money::from_cents(100000));
  EXPECT_TRUE(r.prorated_month);
  EXPECT_EQ(r.cap.cap, Money::from_cents(46667));
  EXPECT_EQ(r.total, Money::from_cents(46667));
  EXPECT_TRUE(r.cap.reached);
}

TEST(ServiceCredits, S7ProratedMonthTiersStillTakeTheMonthlyFee) {
  // 1 h late (06:00 -> 07:00): 10 % of 1,000.00 = 100.00, under the cap 466.67.
  const auto r = compute_service_credits(started_17_november(BillingPeriod::monthly), server_17(),
                                         kalanda_with_billing(), paris_clock(), {2026, 11},
                                         {late_in_november("L1", "2026-11-21T07:00:00+01:00")}, {}, {}, kMonthly1000);
  EXPECT_EQ(r.incidents.at(0).gti.credit, Money::from_cents(10000));
  EXPECT_EQ(r.cap.cap, Money::from_cents(46667));
  EXPECT_EQ(r.total, Money::from_cents(10000));
  EXPECT_FALSE(r.cap.reached);
}

TEST(ServiceCredits, S7ProratedQuarterCapsNovemberAtItsDaysOfTheQuarter) {
  // Quarterly at 3,000.00: monthly fee 3,000.00 / 3 = 1,000.00 (S7). The first invoice bills
  // 17 Nov-31 Dec, 14 + 31 = 45 days of the 92 of Oct-Dec (B2): 3,000.00 x 45 / 92 = 1,467.39.
  // November's share of it is its 14 days: 3,000.00 x 14 / 92 = 456.5217 -> 456.52, November's
  // cap. December is billed whole: its cap is the monthly fee, 1,000.00 (456.52 + 1,000.00 =
  // 1,456.52, within the 1,467.39 invoiced).
  const std::vector<FeeRevision> quarterly{{"SRV-17", day("2026-11-17"), Money::from_cents(300000), std::nullopt}};
  const Contract c = started_17_november(BillingPeriod::quarterly);
  const auto november =
      compute_service_credits(c, server_17(), kalanda_with_billing(), paris_clock(), {2026, 11},
                              {late_in_november("L8", "2026-11-21T14:00:00+01:00")}, {}, {}, quarterly);
  EXPECT_EQ(november.incidents.at(0).gti.credit, Money::from_cents(100000));
  EXPECT_EQ(november.cap.cap, Money::from_cents(45652));
  EXPECT_EQ(november.total, Money::from_cents(45652));

  Incident in_december = late_in_november("D8", "2026-12-19T11:00:00+01:00");
  in_december.contacted = at("2026-12-19T03:00:00+01:00");  // Sat, HNO: deadline 06:00, 5 h late
  in_december.restored = at("2026-12-19T12:00:00+01:00");
  const auto december = compute_service_credits(c, server_17(), kalanda_with_billing(), paris_clock(), {2026, 12},
                                                {in_december}, {}, {}, quarterly);
  EXPECT_FALSE(december.prorated_month);
  EXPECT_EQ(december.cap.cap, Money::from_cents(100000));
  EXPECT_EQ(december.total, Money::from_cents(50000));  // 50 % of 1,000.00
}

TEST(ServiceCredits, S7DagFirstMonthIsNotProrated) {
  // D never prorates (B2): a D contract starting 17 Nov caps November at the monthly fee,
  // 12,000.00 / 12 = 1,000.00.
  TermsProfile p = kalanda_terms();
  p.billing = dag_contract_terms().billing;
  Contract c = started_17_november(BillingPeriod::annual);
  const std::vector<FeeRevision> annual{{"SRV-17", day("2026-11-17"), Money::from_cents(1200000), std::nullopt}};
  const auto r = compute_service_credits(c, server_17(), p, paris_clock(), {2026, 11},
                                         {late_in_november("L8", "2026-11-21T14:00:00+01:00")}, {}, {}, annual);
  EXPECT_FALSE(r.prorated_month);
  EXPECT_EQ(r.cap.cap, Money::from_cents(100000));
}

TEST(ServiceCredits, S7ContinuityMonthCapsAtItsDaysOfService) {
  // R4: ended 31 Dec 2026, taken over on 15 Feb 2027: February is invoiced for 1-15 Feb,
  // 1,000.00 x 15 / 28 = 535.714 -> 535.71: February's cap.
  Contract c = started_17_november(BillingPeriod::monthly);
  c.end = day("2026-12-31");
  ReversibilityRequest request{"REV-1", "K-17", day("2026-09-01"), day("2026-12-31"), day("2027-02-15"), std::nullopt};
  const auto continuity = continuity_period(request, kalanda_contract_terms().reversibility);
  Incident in_february = late_in_november("F8", "2027-02-06T11:00:00+01:00");
  in_february.contacted = at("2027-02-06T03:00:00+01:00");  // Sat, HNO: deadline 06:00, 5 h late
  in_february.restored = at("2027-02-06T12:00:00+01:00");
  const auto r = compute_service_credits(c, server_17(), kalanda_with_billing(), paris_clock(), {2027, 2},
                                         {in_february}, {}, {}, kMonthly1000, continuity);
  EXPECT_TRUE(r.prorated_month);
  EXPECT_EQ(r.incidents.at(0).gti.credit, Money::from_cents(50000));  // 50 % of 1,000.00
  EXPECT_EQ(r.cap.cap, Money::from_cents(53571));
  EXPECT_EQ(r.total, Money::from_cents(50000));
}

}  // namespace
}  // namespace clause
