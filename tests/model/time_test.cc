#include "model/time.h"

#include <gtest/gtest.h>

#include "model/decimal.h"

namespace clause {
namespace {

using namespace std::chrono;

// T1: stored instants are UTC; an export's local offset is removed on the way in.
TEST(ParseInstant, OffsetIsRemoved) {
  auto t = parse_instant("2026-11-20T17:30:00+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_instant_utc(*t), "2026-11-20T16:30:00Z");
  EXPECT_EQ(format_instant_utc(*parse_instant("2026-10-25T02:30:00+02:00")), "2026-10-25T00:30:00Z");
  EXPECT_EQ(format_instant_utc(*parse_instant("2026-10-25T02:30:00+01:00")), "2026-10-25T01:30:00Z");
  EXPECT_EQ(format_instant_utc(*parse_instant("2026-10-25T00:00:00Z")), "2026-10-25T00:00:00Z");
}

TEST(ParseInstant, RejectsWhatIsNotIso8601WithOffset) {
  EXPECT_FALSE(parse_instant("2026-11-20T17:30:00"));  // no offset: ambiguous
  EXPECT_FALSE(parse_instant("2026-11-20 17:30:00+01:00"));
  EXPECT_FALSE(parse_instant("2026-02-29T10:00:00Z"));  // not a leap year
  EXPECT_FALSE(parse_instant("2026-11-20T24:00:00Z"));
  EXPECT_FALSE(parse_instant("20/11/2026"));
}

TEST(ParseDate, LeapYears) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_EQ(format_date(*parse_date("2026-01-05")), "2026-01-05");
}

TEST(YearMonth, WrapsAroundTheYear) {
  EXPECT_EQ(format_year_month(YearMonth{2026, 12}.next()), "2027-01");
  EXPECT_EQ(format_year_month(YearMonth{2026, 1}.previous()), "2025-12");
  EXPECT_FALSE(parse_year_month("2026-13"));
}

TEST(Milli, IndexValues) {
  EXPECT_EQ(parse_milli("268.5"), Milli{268500});
  EXPECT_EQ(format_milli(Milli{268500}), "268.5");
  EXPECT_EQ(format_milli(Milli{296000}), "296");
  EXPECT_FALSE(parse_milli("268,5"));
}

}  // namespace
}  // namespace clause

namespace clause {
namespace {

// T5: month ends, 29 February included.
TEST(YearMonth, LastDay) {
  EXPECT_EQ(format_date(YearMonth{2026, 2}.last_day()), "2026-02-28");
  EXPECT_EQ(format_date(YearMonth{2024, 2}.last_day()), "2024-02-29");
  EXPECT_EQ(format_date(YearMonth{2026, 10}.last_day()), "2026-10-31");
  EXPECT_EQ(format_date(YearMonth{2026, 11}.last_day()), "2026-11-30");
}

}  // namespace
}  // namespace clause
