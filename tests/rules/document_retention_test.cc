// G6 (C. com. L123-22): issued invoices and credit notes are kept 10 years from the end of the
// year of their date.
#include "rules/document_retention.h"

#include <gtest/gtest.h>

#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const PersonalDataTerms g{};  // 24 months, 30 days, 10 years

TEST(DocumentRetention, G6EndsOnTheFirstOfJanuaryAfterTenFullYears) {
  // 2016-06-30: the year 2016 closes on 2016-12-31, + 10 years = 2026-12-31 still kept.
  EXPECT_EQ(retention_ends(day("2016-06-30"), g), day("2027-01-01"));
  EXPECT_FALSE(past_retention(day("2016-06-30"), day("2026-12-31"), g));
  EXPECT_TRUE(past_retention(day("2016-06-30"), day("2027-01-01"), g));
}

TEST(DocumentRetention, G6CountsFromTheEndOfTheYearNotFromTheDate) {
  // 1 January and 31 December of the same year end on the same day.
  EXPECT_EQ(retention_ends(day("2016-01-01"), g), day("2027-01-01"));
  EXPECT_EQ(retention_ends(day("2016-12-31"), g), day("2027-01-01"));
  EXPECT_FALSE(past_retention(day("2017-01-01"), day("2027-01-01"), g));
}

}  // namespace
}  // namespace clause
