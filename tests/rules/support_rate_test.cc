// RULES S9 (K Art. 5 Support): acknowledgement within 1 business hour, as a rate.
#include "rules/support_rate.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;

// November 2026: T1 Fri 17:30 -> deadline Mon 09:30, acknowledged 09:30 (on time);
// T2 Mon 10:00 -> 11:00, acknowledged 11:01 (late); T3 never acknowledged (late);
// T4 opened 31 Oct 23:30Z = Sun 1 Nov 00:30 local -> deadline Mon 2 Nov 10:00, ack 09:45 (on time);
// T5 opened in October: not counted. 2 of 4 -> 500000 ppm.
TEST(SupportRate, S9RateOfTicketsAcknowledgedWithinOneBusinessHour) {
  const std::vector<SupportTicket> tickets{
      {"T1", "C-1", at("2026-11-20T17:30:00+01:00"), at("2026-11-23T09:30:00+01:00")},
      {"T2", "C-1", at("2026-11-16T10:00:00+01:00"), at("2026-11-16T11:01:00+01:00")},
      {"T3", "C-1", at("2026-11-17T10:00:00+01:00"), std::nullopt},
      {"T4", "C-1", at("2026-10-31T23:30:00Z"), at("2026-11-02T09:45:00+01:00")},
      {"T5", "C-1", at("2026-10-31T22:30:00Z"), std::nullopt}};
  const auto rate = support_ack_rate(tickets, {2026, 11}, paris_clock(), kalanda_terms().service_levels);
  EXPECT_EQ(rate.total, 4);
  EXPECT_EQ(rate.on_time, 2);
  EXPECT_EQ(rate.rate, Ppm{500000});
  ASSERT_EQ(rate.tickets.size(), 4u);
  EXPECT_EQ(rate.tickets[0].ticket_id, "T4");
  EXPECT_EQ(rate.tickets[0].deadline, at("2026-11-02T10:00:00+01:00"));
  EXPECT_EQ(rate.tickets[3].ticket_id, "T1");
  EXPECT_TRUE(rate.tickets[3].on_time);
}

TEST(SupportRate, S9NoTicketIsAFullRate) {
  EXPECT_EQ(support_ack_rate({}, {2026, 11}, paris_clock(), kalanda_terms().service_levels).rate, Ppm{1000000});
}

}  // namespace
}  // namespace clause
