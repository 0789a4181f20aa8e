// N2 (D Art. 8) and N3 (K Art. 9, 15; D Art. 7) from the imported facts (rules/term_notices.h;
// issue 12), and their dates in the échéancier (rules/schedule.h). Every date is worked out by hand
// in the comment beside it (weekdays: 2026-11-30 is a Monday, 2026-12-25 a Friday).
#include "rules/term_notices.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "rules/schedule.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const TermTerms d = testing::dag_contract_terms().term;
const TermTerms k = testing::kalanda_contract_terms().term;
// The `article` of each breach_cure row of config/terms/dag.toml and kalanda-hds.toml.
const std::vector<int> d_articles{7};
const std::vector<int> k_articles{9, 15};

PriceChange change(const char* applies, std::optional<const char*> announced = {}) {
  PriceChange p{"PC-1", "CTR-D-DUBOIS", day(applies), std::nullopt, ""};
  if (announced) p.announced = day(*announced);
  return p;
}

BreachNotice breach(int article, const char* notified, std::optional<const char*> cured = {}) {
  BreachNotice b{"BR-1", "C-1", BreachParty::provider, article, day(notified), std::nullopt, ""};
  if (cured) b.cured = day(*cured);
  return b;
}

TEST(PriceChangeDates, N2NotAnnouncedIsDueOneMonthBefore) {
  const PriceChangeDates p = price_change_dates(change("2027-03-01"), d);  // 1 Mar - 1 month = 1 Feb
  EXPECT_EQ(p.announce_by, day("2027-02-01"));
  EXPECT_FALSE(p.announced);
  EXPECT_FALSE(p.client_may_terminate_until);
}

TEST(PriceChangeDates, N2AnnouncedOneDayLateIsFlaggedAndDelayed) {
  // applies 15 Dec: announce by 15 Nov; announced 16 Nov = 1 day late; the client may terminate
  // until 16 Nov + 1 month = 16 Dec, and the change binds it from 16 Dec at the earliest.
  const PriceChangeDates p = price_change_dates(change("2026-12-15", "2026-11-16"), d);
  EXPECT_EQ(p.announce_by, day("2026-11-15"));
  EXPECT_TRUE(p.late);
  EXPECT_EQ(p.late_days, 1);
  EXPECT_EQ(p.client_may_terminate_until, day("2026-12-16"));
  EXPECT_EQ(p.earliest_application, day("2026-12-16"));
}

TEST(PriceChangeDates, N2AnnouncedOnTheLastDayIsInTime) {
  // applies 31 Jan 2027: 31 Dec 2026 is the last day; announced then, in time, window to 31 Jan.
  const PriceChangeDates p = price_change_dates(change("2027-01-31", "2026-12-31"), d);
  EXPECT_EQ(p.announce_by, day("2026-12-31"));
  EXPECT_FALSE(p.late);
  EXPECT_FALSE(p.earliest_application);
  EXPECT_EQ(p.client_may_terminate_until, day("2027-01-31"));
}

TEST(PriceChangeDates, N2MonthEndIsClampedT5) {
  // applies 31 Mar 2027: 31 Feb does not exist, so 28 Feb; announced 10 Feb, window to 10 Mar.
  const PriceChangeDates p = price_change_dates(change("2027-03-31", "2027-02-10"), d);
  EXPECT_EQ(p.announce_by, day("2027-02-28"));
  EXPECT_EQ(p.client_may_terminate_until, day("2027-03-10"));
  EXPECT_EQ(p.trace.steps.back().key, "price_change_termination_window");
}

TEST(BreachCureDates, N3KalandaArticle15IsTenCalendarDays) {
  EXPECT_EQ(breach_cure_dates(breach(15, "2026-11-25"), k, k_articles, HolidayZone::metropole).deadline,
            day("2026-12-05"));
}

TEST(BreachCureDates, N3KalandaArticle9IsSevenCalendarDays) {
  EXPECT_EQ(breach_cure_dates(breach(9, "2026-11-25"), k, k_articles, HolidayZone::metropole).deadline,
            day("2026-12-02"));
}

TEST(BreachCureDates, N3DagSevenJoursOuvrablesSkipTheSunday) {
  // From Mon 30 Nov: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5 (5), Sun 6 skipped, Mon 7 (6), Tue 8 (7).
  EXPECT_EQ(breach_cure_dates(breach(7, "2026-11-30"), d, d_articles, HolidayZone::metropole).deadline,
            day("2026-12-08"));
}

TEST(BreachCureDates, N3DagSevenJoursOuvrablesSkipChristmas) {
  // From Fri 18 Dec: Sat 19, Mon 21, 22, 23, 24 (5), Fri 25 holiday, Sat 26 (6), Mon 28 (7).
  const BreachCureDates b = breach_cure_dates(breach(7, "2026-12-18"), d, d_articles, HolidayZone::metropole);
  EXPECT_EQ(b.deadline, day("2026-12-28"));
  EXPECT_EQ(b.delay, (Delay{7, DayCount::ouvrables}));
}

TEST(BreachCureDates, N3AnArticleWithoutCurePeriodIsUnknown) {
  EXPECT_FALSE(breach_cure_dates(breach(12, "2026-11-25"), k, k_articles, HolidayZone::metropole).known);
  EXPECT_EQ(breach_cure_article_list(k_articles), "9, 15");
}

TEST(BreachCureDates, N3CuredOnTheDeadlineIsInTimeTheDayAfterIsNot) {
  EXPECT_TRUE(
      breach_cure_dates(breach(15, "2026-11-25", "2026-12-05"), k, k_articles, HolidayZone::metropole).cured_in_time);
  EXPECT_FALSE(
      breach_cure_dates(breach(15, "2026-11-25", "2026-12-06"), k, k_articles, HolidayZone::metropole).cured_in_time);
}

std::vector<std::string> lines(const ScheduleFacts& facts, const TermsProfile& terms, const char* from, int days) {
  std::vector<std::string> out;
  for (const auto& i : contract_schedule(facts, terms, {day(from), days}))
    out.push_back(format_date(i.date) + " " + i.rule + " " + std::string(to_word(i.event)));
  return out;
}

Contract dubois() {
  Contract c;
  c.id = "CTR-D-DUBOIS";
  c.start = day("2025-11-20");
  c.term_months = 12;
  c.tacit_renewal = true;
  return c;
}

TEST(ScheduleOfTermNotices, N2ThenN3InTheRuleOrder) {
  // Window 2026-12-01 + 40 days = [1 Dec, 9 Jan]: the announced change's window ends 16 Dec (N2),
  // the breach notified Mon 30 Nov is to be cured by Tue 8 Dec (N3); no renewal (next 2027-11-20).
  ScheduleFacts facts{dubois()};
  facts.price_changes = {change("2026-12-15", "2026-11-16")};
  BreachNotice b = breach(7, "2026-11-30");
  b.contract_id = "CTR-D-DUBOIS";
  facts.breach_notices = {b};
  facts.breach_cure_articles = d_articles;
  EXPECT_EQ(lines(facts, testing::dag_contract_terms(), "2026-12-01", 40),
            (std::vector<std::string>{"2026-12-16 N2 price_change_termination", "2026-12-08 N3 breach_cure_deadline"}));
}

TEST(ScheduleOfTermNotices, N3ACuredBreachHasNothingLeftToWatch) {
  ScheduleFacts facts{dubois()};
  BreachNotice b = breach(7, "2026-11-30", "2026-12-03");
  b.contract_id = "CTR-D-DUBOIS";
  facts.breach_notices = {b};
  EXPECT_EQ(lines(facts, testing::dag_contract_terms(), "2026-12-01", 40), std::vector<std::string>{});
}

TEST(ScheduleOfTermNotices, N2IsNotScheduledUnderAProfileWithoutPriceChangeNotice) {
  // K has no N2 clause (price_change_notice_months = 0): the échéancier lists the change as skipped.
  ScheduleFacts facts{dubois()};
  facts.contract.tacit_renewal = false;
  facts.price_changes = {change("2026-12-15", "2026-11-16")};
  TermsProfile kalanda = testing::kalanda_contract_terms();
  kalanda.term.price_change_notice_months = 0;
  // Its N4 end, 2025-11-20 + 12 months - 1 day = 2026-11-19, is before the window: nothing at all.
  EXPECT_EQ(lines(facts, kalanda, "2026-12-01", 40), std::vector<std::string>{});
}

}  // namespace
}  // namespace clause
