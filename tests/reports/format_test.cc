// French and English presentation of figures: exact strings, separators spelled as escapes
// (U+202F narrow no-break space, U+00A0 no-break space) so that the expected bytes are visible.
#include "reports/format.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

using namespace std::chrono;
constexpr Date day(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, std::chrono::day{d}}; }

TEST(FormatMoney, FrenchGroupsThousandsWithNarrowNoBreakSpace) {
  EXPECT_EQ(format_money(Money{123456}), "1\u202F234,56\u00A0€");
  EXPECT_EQ(format_money(Money{123456789}), "1\u202F234\u202F567,89\u00A0€");
  EXPECT_EQ(format_money(Money{99999}), "999,99\u00A0€");
}

TEST(FormatMoney, FrenchSmallAndZeroAmounts) {
  EXPECT_EQ(format_money(Money{0}), "0,00\u00A0€");
  EXPECT_EQ(format_money(Money{5}), "0,05\u00A0€");
  EXPECT_EQ(format_money(Money{3225}), "32,25\u00A0€");  // RULES I1: one 15-minute step
}

TEST(FormatMoney, NegativeUsesHyphenMinus) {
  EXPECT_EQ(format_money(Money{-123456}), "-1\u202F234,56\u00A0€");
  EXPECT_EQ(format_money(Money{-5}), "-0,05\u00A0€");
}

TEST(FormatMoney, English) {
  EXPECT_EQ(format_money(Money{123456}, Language::en), "€1,234.56");
  EXPECT_EQ(format_money(Money{-100000000}, Language::en), "-€1,000,000.00");
}

TEST(FormatDate, FrenchDayMonthYear) {
  EXPECT_EQ(format_date_text(day(2026, 10, 31)), "31/10/2026");
  EXPECT_EQ(format_date_text(day(2026, 3, 1)), "01/03/2026");
  EXPECT_EQ(format_date_text(day(2026, 3, 1), Language::en), "2026-03-01");
}

TEST(FormatPercent, FrenchCommaAndNarrowSpaceBeforeSign) {
  EXPECT_EQ(format_percent(99.953, 2), "99,95\u00A0%");
  EXPECT_EQ(format_percent(99.5, 1), "99,5\u00A0%");
  EXPECT_EQ(format_percent(100, 0), "100\u00A0%");
  EXPECT_EQ(format_percent(99.953, 2, Language::en), "99.95%");
}

TEST(FormatNumber, RoundsAndGroups) {
  EXPECT_EQ(format_number(1234.5, 1), "1\u202F234,5");
  EXPECT_EQ(format_number(1234.46, 1), "1\u202F234,5");
  EXPECT_EQ(format_number(1234567.0, 0, Language::en), "1,234,567");
  EXPECT_EQ(format_number(3.5, 2), "3,50");
}

TEST(FormatNumber, NegativeZeroIsPlainZero) {
  EXPECT_EQ(format_number(-0.001, 2), "0,00");
  EXPECT_EQ(format_number(-2.5, 1), "-2,5");
}

TEST(FormatDuration, HoursAndTwoDigitMinutes) {
  EXPECT_EQ(format_duration(minutes{220}), "3 h 40");
  EXPECT_EQ(format_duration(minutes{185}), "3 h 05");
  EXPECT_EQ(format_duration(minutes{120}), "2 h 00");
  EXPECT_EQ(format_duration(minutes{40}), "0 h 40");
  EXPECT_EQ(format_duration(minutes{-30}), "-0 h 30");  // RULES I4: a negative advice balance
  EXPECT_EQ(format_duration(minutes{220}, Language::en), "3 h 40 min");
}

// RULES F1: a duration that decides a tier shows its seconds: 43:00 and 43:12 read differently.
TEST(FormatDuration, F1SecondsShownWhenThereAreSome) {
  EXPECT_EQ(format_duration(std::chrono::seconds{2580}), "0 h 43");
  EXPECT_EQ(format_duration(std::chrono::seconds{2592}), "0 h 43 min 12 s");
  EXPECT_EQ(format_duration(std::chrono::seconds{3 * 3600 + 5}), "3 h 00 min 05 s");
  EXPECT_EQ(format_duration(std::chrono::seconds{2592}, Language::en), "0 h 43 min 12 s");
}

// RULES F1: French percentages, as many decimals as the rule gave, "—" for nothing measured.
TEST(FormatPercent, F1ShownPercentTheFrenchWay) {
  EXPECT_EQ(shown_percent_text({667, 1, true}), "66,7\u00A0%");
  EXPECT_EQ(shown_percent_text({5, 0, true}), "5\u00A0%");
  EXPECT_EQ(shown_percent_text({999004, 4, true}), "99,9004\u00A0%");
  EXPECT_EQ(shown_percent_text({99900, 3, true}), "99,900\u00A0%");
  EXPECT_EQ(shown_percent_text({0, 0, false}), "\u2014");
  EXPECT_EQ(shown_percent_text({667, 1, true}, Language::en), "66.7%");
  EXPECT_EQ(shown_percent_value({1, 3, true}), "0.001");
}

}  // namespace
}  // namespace clause
