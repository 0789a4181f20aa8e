#include "model/money.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

// B6: each line rounded half away from zero to the cent.
TEST(ScaleRounded, HalfAwayFromZero) {
  EXPECT_EQ(scale_rounded(Money{125}, 1, 10), Money{13});    // 12.5 -> 13
  EXPECT_EQ(scale_rounded(Money{-125}, 1, 10), Money{-13});  // -12.5 -> -13
  EXPECT_EQ(scale_rounded(Money{124}, 1, 10), Money{12});
  EXPECT_EQ(scale_rounded(Money{125000}, 25, 100), Money{31250});  // 25 % of 1 250,00 = 312,50
}

// B2: 100.00 EUR x 47 / 92 days = 51.0869... -> 51.09
TEST(ScaleRounded, ProrationExample) { EXPECT_EQ(scale_rounded(Money{10000}, 47, 92), Money{5109}); }

TEST(ParseMoney, AcceptsDotDecimals) {
  EXPECT_EQ(parse_money("1234.56"), Money{123456});
  EXPECT_EQ(parse_money("12"), Money{1200});
  EXPECT_EQ(parse_money("-3.5"), Money{-350});
  EXPECT_EQ(parse_money("0.05"), Money{5});
}

TEST(ParseMoney, RejectsCommasAndExtraDecimals) {
  EXPECT_EQ(parse_money("12,50"), std::nullopt);
  EXPECT_EQ(parse_money("1.234"), std::nullopt);
  EXPECT_EQ(parse_money(""), std::nullopt);
  EXPECT_EQ(parse_money("1."), std::nullopt);
  EXPECT_EQ(parse_money("€12"), std::nullopt);
}

TEST(FormatMoneyPlain, MachineForm) {
  EXPECT_EQ(format_money_plain(Money{123456}), "1234.56");
  EXPECT_EQ(format_money_plain(Money{-5}), "-0.05");
  EXPECT_EQ(format_money_plain(Money{0}), "0.00");
}

}  // namespace
}  // namespace clause
