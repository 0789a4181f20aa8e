// The échéancier (rules/schedule.h; issue 12): N1, N4, R1-R4, B9 dates in a window, on the
// contracts of samples/contracts.csv (some given a hypothetical end or request). Every date is
// worked out by hand from RULES.md in the comment of its case, never read from the code's output.
#include "rules/schedule.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

// samples/contracts.csv
Contract contract(const char* id, const char* start, int term_months, bool tacit,
                  HolidayZone zone = HolidayZone::metropole, std::optional<const char*> end = {}) {
  Contract c;
  c.id = id;
  c.start = day(start);
  c.term_months = term_months;
  c.tacit_renewal = tacit;
  c.holiday_zone = zone;
  if (end) c.end = day(*end);
  return c;
}
Contract dubois() { return contract("CTR-D-DUBOIS", "2025-11-20", 12, true); }
Contract jardins() { return contract("CTR-D-JARDINS", "2026-03-01", 12, true); }
Contract vernet() { return contract("CTR-K-VERNET", "2024-01-01", 36, false, HolidayZone::metropole, "2026-12-31"); }
Contract saintroch() { return contract("CTR-K-SAINTROCH", "2024-11-01", 36, false); }
Contract lefevre() { return contract("CTR-K-LEFEVRE", "2026-01-05", 36, false); }
Contract schutz() { return contract("CTR-K-SCHUTZ", "2025-09-01", 36, false, HolidayZone::alsace_moselle); }
Contract perrin() { return contract("CTR-K-PERRIN", "2021-04-01", 36, false, HolidayZone::metropole, "2024-03-31"); }
Contract ended(Contract c, const char* end) {
  c.end = day(end);
  return c;
}

ReversibilityRequest request(const Contract& c, const char* requested, const char* end,
                             std::optional<const char*> takeover = {}, std::optional<const char*> completed = {}) {
  ReversibilityRequest r{"REV-" + c.id, c.id, day(requested), day(end), std::nullopt, std::nullopt};
  if (takeover) r.takeover = day(*takeover);
  if (completed) r.completed = day(*completed);
  return r;
}
// samples/reversibility_requests.csv
ReversibilityRequest rev_vn_1(std::optional<const char*> takeover = {}, std::optional<const char*> completed = {}) {
  return request(vernet(), "2026-11-02", "2026-12-31", takeover, completed);
}

IssuedInvoice invoice(const char* number, const char* issued, const char* due, long cents) {
  return {number, day(issued), day(due), Money::from_cents(cents)};
}
Payment payment(const char* number, const char* paid, long cents) {
  return {std::string("PAY-") + number, number, day(paid), Money::from_cents(cents)};
}

struct Case {
  const char* name;
  ScheduleFacts facts;
  bool dag = false;  // the contract's profile: dag, else kalanda-hds
  const char* from;
  int days;
  std::vector<std::string> expected;  // "date rule event", sorted as sort_schedule sorts
};

std::vector<std::string> lines(const Case& c) {
  const TermsProfile terms = c.dag ? testing::dag_contract_terms() : testing::kalanda_contract_terms();
  std::vector<ScheduleItem> items = contract_schedule(c.facts, terms, {day(c.from), c.days});
  sort_schedule(items);
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(format_date(i.date) + " " + i.rule + " " + std::string(to_word(i.event)));
  return out;
}

const Case kCases[] = {
    // N1: Dubois renews on 2026-11-20 (start 2025-11-20 + 12 months). Its notice deadline is
    // 2026-11-20 - 33 days (32 jours francs, T4): Nov 20 - 20 = Oct 31, - 13 = 2026-10-18, before
    // the window [2026-11-01, 2026-12-31). The next renewal 2027-11-20 has its deadline 2027-10-18.
    {"N1RenewalInsideTheWindowItsNoticeBefore", {dubois()}, true, "2026-11-01", 60, {"2026-11-20 N1 renewal"}},
    // N1: from 2026-10-01 for 60 days ([10-01, 11-30)): the deadline 2026-10-18 and the renewal.
    // Oct 18 is the act, Nov 20 the deadline, both excluded: Oct 19-31 (13) + Nov 1-19 (19) = 32 days.
    {"N1NoticeDeadlineIsTheRenewalMinus33Days",
     {dubois()},
     true,
     "2026-10-01",
     60,
     {"2026-10-18 N1 notice_deadline", "2026-11-20 N1 renewal"}},
    // The window excludes its last day: from 2026-09-18, 30 days end before 2026-10-18; 31 take it.
    {"N1WindowEndIsExcluded", {dubois()}, true, "2026-09-18", 30, {}},
    {"N1WindowOfOneMoreDayHoldsTheDeadline", {dubois()}, true, "2026-09-18", 31, {"2026-10-18 N1 notice_deadline"}},
    // N1: Jardins renews on 2027-03-01; Feb 2027 has 28 days: Mar 1 - 28 = Feb 1, - 5 = 2027-01-27.
    // Window from 2026-12-01, 121 days (Dec 31 + Jan 31 + Feb 28 + Mar 31) = [2026-12-01, 2027-04-01).
    {"N1ThirtyTwoJoursFrancsBeforeTheFirstAnniversary",
     {jardins()},
     true,
     "2026-12-01",
     121,
     {"2027-01-27 N1 notice_deadline", "2027-03-01 N1 renewal"}},
    // N1 over two renewals: 2028 is a leap year, Feb 2028 has 29 days: Mar 1 - 29 = Feb 1, - 4 =
    // 2028-01-28 (Jan 29-31 + Feb 1-29 = 32 jours francs). From 2027-01-01, 500 days = until
    // 2028-05-15 (365 days to 2028-01-01, then Jan 31 + Feb 29 + Mar 31 + Apr 30 + 14).
    {"N1EachRenewalOfTheWindowAndTheLeapFebruary",
     {jardins()},
     true,
     "2027-01-01",
     500,
     {"2027-01-27 N1 notice_deadline", "2027-03-01 N1 renewal", "2028-01-28 N1 notice_deadline",
      "2028-03-01 N1 renewal"}},
    // N1, N4: a termination recorded for 2027-02-28 (end set): no renewal on 2027-03-01, nor its
    // notice deadline; the end of service instead.
    {"N4RecordedEndStopsTheRenewals",
     {ended(jardins(), "2027-02-28")},
     true,
     "2026-12-01",
     121,
     {"2027-02-28 N4 service_end"}},
    // N4: Saint-Roch, K, 36 months from 2024-11-01, no tacit renewal: 2027-11-01 - 1 day = 2027-10-31.
    {"N4EndOfTheTermWithoutTacitRenewal", {saintroch()}, false, "2027-10-01", 60, {"2027-10-31 N4 service_end"}},
    // K never renews tacitly: Schutz (2025-09-01, 36 months, ends 2028-08-31) has nothing in a year.
    {"KContractHasNoRenewal", {schutz()}, false, "2026-11-01", 365, {}},
    // A contract that ended in 2024 (Perrin) has nothing left.
    {"EndedContractHasNothing", {perrin()}, false, "2026-11-01", 60, {}},
    // R1-R4, samples REV-VN-1: Vernet ends 2026-12-31 (Thu). R1: 2026-12-31 - 3 months = 2026-09-30
    // (T5, 31 Sep clamped). R2: no invoice unpaid, start = the end, 2026-12-31. R3: Fri 1 Jan is a
    // holiday; Mon 4 - Fri 8 (5), Mon 11 - Fri 15 (10): 2027-01-15. R4: Dec 31 + 31 = Jan 31,
    // + 28 = Feb 28 (59), + 31 = Mar 31 (90): day 90 is 2027-03-31. From 2026-09-01 for 365 days.
    {"RTheSamplesReversibility",
     {vernet(), {rev_vn_1()}},
     false,
     "2026-09-01",
     365,
     {"2026-09-30 R1 reversibility_request_deadline", "2026-12-31 N4 service_end", "2026-12-31 R2 reversibility_start",
      "2027-01-15 R3 reversibility_delivery", "2027-03-31 R4 continuity_end"}},
    // R4: a take-over notified for 2027-02-15 (before day 90) ends continuity that day.
    {"R4TakeoverDateEndsContinuity",
     {vernet(), {rev_vn_1("2027-02-15")}},
     false,
     "2027-01-01",
     120,
     {"2027-01-15 R3 reversibility_delivery", "2027-02-15 R4 takeover"}},
    // R4: a take-over asked for 2027-05-01, beyond day 90: continuity still ends on 2027-03-31.
    {"R4TakeoverBeyondDay90IsCapped",
     {vernet(), {rev_vn_1("2027-05-01")}},
     false,
     "2027-03-01",
     90,
     {"2027-03-31 R4 continuity_end"}},
    // R5: minutes signed on 2027-01-20: nothing of the request is due after that day (R4 dropped).
    {"R5SignedMinutesEndTheMilestones",
     {vernet(), {rev_vn_1(std::nullopt, "2027-01-20")}},
     false,
     "2027-01-01",
     120,
     {"2027-01-15 R3 reversibility_delivery"}},
    // R3 over 11 Nov: Saint-Roch ended early on Fri 2026-11-06 (request of 2026-07-01). Mon 9 (1),
    // Tue 10 (2), Wed 11 Nov holiday, Thu 12 (3), Fri 13 (4), Mon 16 - Fri 20 (9), Mon 23 (10):
    // 2026-11-23. R1 2026-08-06 and R4 (Nov 6 + 24 = Nov 30, + 31 = Dec 31 (55), + 31 = Jan 31
    // (86), + 4 = 2027-02-04) fall outside [2026-11-01, 2026-12-31).
    {"R3TenJoursOuvresOverArmisticeDay",
     {ended(saintroch(), "2026-11-06"), {request(saintroch(), "2026-07-01", "2026-11-06")}},
     false,
     "2026-11-01",
     60,
     {"2026-11-06 N4 service_end", "2026-11-06 R2 reversibility_start", "2026-11-23 R3 reversibility_delivery"}},
    // R3 over Christmas and New Year: Lefèvre ends Fri 2026-12-18. Mon 21 - Thu 24 (4), Fri 25 Dec
    // holiday, Mon 28 - Thu 31 (8), Fri 1 Jan holiday, Mon 4 (9), Tue 5 (10): 2027-01-05.
    {"R3TenJoursOuvresOverChristmas",
     {ended(lefevre(), "2026-12-18"), {request(lefevre(), "2026-09-01", "2026-12-18")}},
     false,
     "2026-12-18",
     30,
     {"2026-12-18 N4 service_end", "2026-12-18 R2 reversibility_start", "2027-01-05 R3 reversibility_delivery"}},
    // R3 in Alsace-Moselle (T3): Schutz ends Fri 2027-03-19; Easter 2027 is 28 Mar. Mon 22 - Thu
    // 25 (4), Good Friday 26 Mar (alsace-moselle) and Easter Monday 29 Mar holidays, Tue 30 (5),
    // Wed 31 (6), Thu 1 Apr (7), Fri 2 (8), Mon 5 (9), Tue 6 (10): 2027-04-06.
    {"R3GoodFridayIsAHolidayInAlsaceMoselle",
     {ended(schutz(), "2027-03-19"), {request(schutz(), "2026-12-01", "2027-03-19")}},
     false,
     "2027-03-20",
     30,
     {"2027-04-06 R3 reversibility_delivery"}},
    // ... and in metropole Good Friday counts: Mon 22 - Fri 26 (5), Mon 29 holiday, Tue 30 - Fri 2
    // (9), Mon 5 (10): 2027-04-05.
    {"R3GoodFridayCountsInMetropole",
     {contract("CTR-K-SCHUTZ", "2025-09-01", 36, false, HolidayZone::metropole, "2027-03-19"),
      {request(schutz(), "2026-12-01", "2027-03-19")}},
     false,
     "2027-03-20",
     30,
     {"2027-04-05 R3 reversibility_delivery"}},
    // R2, B9 (K): Vernet's December invoice (issued 2026-12-01, due + 30 days = 2026-12-31) still
    // unpaid at the end of service: the start waits for its payment (no R3 date yet); the day
    // after its due date, 2027-01-01, it is overdue (all sums due, interventions suspended).
    {"R2StartWaitsForTheUnpaidInvoice",
     {vernet(), {rev_vn_1()}, {invoice("FA-2026-000007", "2026-12-01", "2026-12-31", 94349)}},
     false,
     "2026-12-01",
     60,
     {"2026-12-31 N4 service_end", "2026-12-31 R2 reversibility_awaits_payment", "2027-01-01 B9 unpaid_overdue"}},
    // R2: paid on Fri 2027-01-08, the start is that day. R3: Mon 11 - Fri 15 (5), Mon 18 - Fri 22
    // (10): 2027-01-22. B9 still dates 2027-01-01: the invoice was overdue from then to the 8th.
    {"R2StartsOnTheDayTheLastInvoiceIsPaid",
     {vernet(),
      {rev_vn_1()},
      {invoice("FA-2026-000007", "2026-12-01", "2026-12-31", 94349)},
      {payment("FA-2026-000007", "2027-01-08", 94349)}},
     false,
     "2026-12-01",
     60,
     {"2026-12-31 N4 service_end", "2027-01-01 B9 unpaid_overdue", "2027-01-08 R2 reversibility_start",
      "2027-01-22 R3 reversibility_delivery"}},
    // B9 (K): Lefèvre's invoice of 2026-11-01 (360.00 TTC) is due 2026-11-01 + 30 = 2026-12-01;
    // unpaid, it is overdue from 2026-12-02.
    {"B9KOverdueTheDayAfterTheDueDate",
     {lefevre(), {}, {invoice("FA-2026-000003", "2026-11-01", "2026-12-01", 36000)}},
     false,
     "2026-11-01",
     60,
     {"2026-12-02 B9 unpaid_overdue"}},
    {"B9KPaidOnTheDueDateIsNotOverdue",
     {lefevre(),
      {},
      {invoice("FA-2026-000003", "2026-11-01", "2026-12-01", 36000)},
      {payment("FA-2026-000003", "2026-12-01", 36000)}},
     false,
     "2026-11-01",
     60,
     {}},
    {"B9KPartPaidIsStillOverdue",
     {lefevre(),
      {},
      {invoice("FA-2026-000003", "2026-11-01", "2026-12-01", 36000)},
      {payment("FA-2026-000003", "2026-11-20", 20000)}},
     false,
     "2026-11-01",
     60,
     {"2026-12-02 B9 unpaid_overdue"}},
    // B9 (D): Dubois's renewal invoice of the anniversary 2026-11-20 (2 736.00 TTC) unpaid: definitive
    // suspension 15 days after the anniversary, Nov 20 + 10 = Nov 30, + 5 = 2026-12-05.
    {"B9DDefinitiveSuspensionFifteenDaysAfterTheAnniversary",
     {dubois(), {}, {invoice("FA-2026-000009", "2026-11-20", "2026-12-20", 273600)}},
     true,
     "2026-11-21",
     30,
     {"2026-12-05 B9 unpaid_definitive_suspension"}},
    {"B9DPaidOnTheFifteenthDayIsNotSuspended",
     {dubois(),
      {},
      {invoice("FA-2026-000009", "2026-11-20", "2026-12-20", 273600)},
      {payment("FA-2026-000009", "2026-12-05", 273600)}},
     true,
     "2026-11-21",
     30,
     {}},
    {"B9DPaidTheDayAfterIsSuspended",
     {dubois(),
      {},
      {invoice("FA-2026-000009", "2026-11-20", "2026-12-20", 273600)},
      {payment("FA-2026-000009", "2026-12-06", 273600)}},
     true,
     "2026-11-21",
     30,
     {"2026-12-05 B9 unpaid_definitive_suspension"}},
};

class ContractSchedule : public ::testing::TestWithParam<Case> {};

TEST_P(ContractSchedule, DatesWorkedOutByHand) { EXPECT_EQ(lines(GetParam()), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Samples, ContractSchedule, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           return std::string(param_info.param.name);
                         });

std::vector<ScheduleItem> schedule(const ScheduleFacts& facts, bool dag, const char* from, int days) {
  return contract_schedule(facts, dag ? testing::dag_contract_terms() : testing::kalanda_contract_terms(),
                           {day(from), days});
}

// The window: [from, from + days); 60 days from 2026-11-01 end on 2026-12-30 (Nov 30 + Dec 30).
TEST(ScheduleWindow, SixtyDaysFromNovemberFirstEndBeforeDecember31) {
  EXPECT_EQ(ScheduleWindow({day("2026-11-01"), 60}).until(), day("2026-12-31"));
  EXPECT_TRUE(ScheduleWindow({day("2026-11-01"), 60}).contains(day("2026-12-30")));
  EXPECT_FALSE(ScheduleWindow({day("2026-11-01"), 60}).contains(day("2026-12-31")));
}

// N1: the notice item names the renewal it is for, its trace the 32 jours francs.
TEST(ContractScheduleTrace, N1NoticeNamesTheRenewalAndTheJoursFrancs) {
  auto items = schedule({jardins()}, true, "2027-01-01", 30);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].figures, (std::vector<Figure>{{"renewal", day("2027-03-01")}}));
  EXPECT_EQ(items[0].trace.steps, (std::vector<TraceStep>{{"N1",
                                                           "renewal_notice_deadline",
                                                           {{"renewal", day("2027-03-01")},
                                                            {"notice_days", 32LL},
                                                            {"day_count", std::string("francs")},
                                                            {"latest_notice", day("2027-01-27")}}}}));
}

// N1: the renewal renews for 12 months, to the day before the next anniversary (2028-02-29).
TEST(ContractScheduleTrace, N1RenewalRunsToTheDayBeforeTheNextAnniversary) {
  auto items = schedule({jardins()}, true, "2027-03-01", 1);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].trace.steps[0].key, "tacit_renewal");
  EXPECT_EQ(items[0].figures, (std::vector<Figure>{{"term_months", 12LL}, {"term_end", day("2028-02-29")}}));
}

// N4: an end of term says from which start and term it follows.
TEST(ContractScheduleTrace, N4EndOfTermShowsStartAndTerm) {
  auto items = schedule({saintroch()}, false, "2027-10-31", 1);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(
      items[0].trace.steps,
      (std::vector<TraceStep>{{"N4",
                               "service_end_of_term",
                               {{"start", day("2024-11-01")}, {"term_months", 36LL}, {"end", day("2027-10-31")}}}}));
  EXPECT_EQ(schedule({vernet()}, false, "2026-12-31", 1)[0].trace.steps[0].key, "service_end_recorded");
}

// R1: REV-VN-1 came on 2026-11-02, after the 2026-09-30 deadline: its trace says late.
TEST(ContractScheduleTrace, R1LateRequestIsFlaggedInTheTrace) {
  auto items = schedule({vernet(), {rev_vn_1()}}, false, "2026-09-30", 1);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].trace.steps[0].key, "request_late");
}

// R3: the delivery deadline's trace holds the start it counts from, then the count.
TEST(ContractScheduleTrace, R3TraceHoldsTheStartThenTheDelivery) {
  auto items = schedule({vernet(), {rev_vn_1()}}, false, "2027-01-15", 1);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].trace.steps.size(), 2u);
  EXPECT_EQ(items[0].trace.steps[0].key, "start_at_end_of_service");
  EXPECT_EQ(items[0].trace.steps[1].key, "delivery_deadline");
}

// B9 (D): the trace is the unpaid rule's, anniversary 2026-11-20 + 15 days = 2026-12-05.
TEST(ContractScheduleTrace, B9DTraceIsTheNoRenewalSuspension) {
  auto items =
      schedule({dubois(), {}, {invoice("FA-2026-000009", "2026-11-20", "2026-12-20", 273600)}}, true, "2026-12-05", 1);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].trace.steps[0].key, "no_renewal_suspension");
  EXPECT_EQ(items[0].figures,
            (std::vector<Figure>{{"invoice", std::string("FA-2026-000009")}, {"anniversary", day("2026-11-20")}}));
}

// Several contracts: by date, then contract id; a contract's rules keep their order on a day.
TEST(SortSchedule, ByDateThenContractKeepingTheRuleOrder) {
  auto items = schedule({vernet(), {rev_vn_1()}}, false, "2026-12-31", 1);  // N4 then R2
  auto dubois_items = schedule({dubois()}, true, "2026-11-20", 1);
  items.insert(items.end(), dubois_items.begin(), dubois_items.end());
  sort_schedule(items);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].contract_id + " " + items[0].rule, "CTR-D-DUBOIS N1");
  EXPECT_EQ(items[1].contract_id + " " + items[1].rule, "CTR-K-VERNET N4");
  EXPECT_EQ(items[2].contract_id + " " + items[2].rule, "CTR-K-VERNET R2");
}

}  // namespace
}  // namespace clause
