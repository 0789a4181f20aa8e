// R1-R5 (K Art. 16): request notice, start, delivery deadline, continuity, dossier contents.
#include "rules/reversibility.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::at;
using testing::day;

const ReversibilityTerms r = testing::kalanda_contract_terms().reversibility;  // 3 months, 10 ouvrés, 90 days

ReversibilityRequest request(const char* requested, const char* end, std::optional<const char*> takeover = {}) {
  ReversibilityRequest q{"REV-1", "K-1", day(requested), day(end), std::nullopt, std::nullopt};
  if (takeover) q.takeover = day(*takeover);
  return q;
}

TEST(ReversibilitySchedule, R1RequestThreeMonthsBeforeTheEnd) {
  // 2026-12-31 - 3 months = 2026-09-30 (T5 clamps 31 Sep).
  auto in_time = reversibility_schedule(request("2026-09-30", "2026-12-31"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(in_time.request_deadline, day("2026-09-30"));
  EXPECT_FALSE(in_time.late);
  EXPECT_TRUE(reversibility_schedule(request("2026-10-01", "2026-12-31"), HolidayZone::metropole, {}, {}, r).late);
}

TEST(ReversibilitySchedule, R3TenJoursOuvresSkipNewYearsDay) {
  // Start Thu 2026-12-31; Fri 1 Jan is a holiday; Mon 4 .. Fri 8 = 5, Mon 11 .. Fri 15 = 10.
  auto s = reversibility_schedule(request("2026-09-01", "2026-12-31"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(s.start, day("2026-12-31"));
  EXPECT_EQ(s.delivery_deadline, day("2027-01-15"));
}

TEST(ReversibilitySchedule, R3TenJoursOuvresSkipEasterMonday) {
  // Start Fri 2027-03-26; Easter Monday 29 Mar; Tue 30 .. Fri 2 Apr = 4, Mon 5 .. Fri 9 = 9, Mon 12 = 10.
  auto s = reversibility_schedule(request("2026-12-01", "2027-03-26"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(s.delivery_deadline, day("2027-04-12"));
}

TEST(ReversibilitySchedule, R2StartsWhenTheLastUnpaidInvoiceIsPaid) {
  std::vector<IssuedInvoice> invoices = {
      {"F-2026-0040", day("2026-10-01"), day("2026-10-31"), Money::from_cents(50000)},
      {"F-2026-0042", day("2026-12-01"), day("2026-12-31"), Money::from_cents(120000)}};
  std::vector<Payment> payments = {{"P0", "F-2026-0040", day("2026-10-20"), Money::from_cents(50000)},
                                   {"P1", "F-2026-0042", day("2026-12-20"), Money::from_cents(60000)},
                                   {"P2", "F-2026-0042", day("2027-01-12"), Money::from_cents(60000)}};
  auto s = reversibility_schedule(request("2026-09-01", "2026-12-31"), HolidayZone::metropole, invoices, payments, r);
  EXPECT_EQ(s.unpaid_at_end, (std::vector<std::string>{"F-2026-0042"}));
  EXPECT_EQ(s.start, day("2027-01-12"));
  // From Tue 12 Jan: 13, 14, 15, 18, 19, 20, 21, 22, 25, 26 = 10th.
  EXPECT_EQ(s.delivery_deadline, day("2027-01-26"));

  payments.pop_back();  // still unpaid: no start yet
  auto waiting =
      reversibility_schedule(request("2026-09-01", "2026-12-31"), HolidayZone::metropole, invoices, payments, r);
  EXPECT_FALSE(waiting.start.has_value());
  EXPECT_FALSE(waiting.delivery_deadline.has_value());
}

TEST(ReversibilitySchedule, R4ContinuityAtMostNinetyDaysAfterTheEnd) {
  // 2026-12-31 + 90 days: 31 (Jan) + 28 (Feb) + 31 (Mar) = 2027-03-31.
  auto capped =
      reversibility_schedule(request("2026-09-01", "2026-12-31", "2027-05-01"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(capped.continuity_limit, day("2027-03-31"));
  EXPECT_EQ(capped.services_until, day("2027-03-31"));
  auto earlier =
      reversibility_schedule(request("2026-09-01", "2026-12-31", "2027-02-15"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(earlier.services_until, day("2027-02-15"));
}

// Issue 15: dates worked out by hand on the 2027 calendar (1 Jan 2027 is a Friday, so 1 May is a
// Saturday and 1 Jul a Thursday; Easter Sunday 28 Mar 2027, Ascension Thu 6 May, Whit Monday 17 May).

TEST(ReversibilitySchedule, R1ThreeMonthsAndOneDayBeforeTheEndIsOnTime) {
  // End 2027-06-30 - 3 months (T5) = 2027-03-30; asked one day earlier, 2027-03-29.
  auto s = reversibility_schedule(request("2027-03-29", "2027-06-30"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(s.request_deadline, day("2027-03-30"));
  EXPECT_FALSE(s.late);
}

TEST(ReversibilitySchedule, R1ADayLateIsFlaggedAndStillScheduled) {
  // Deadline 2027-03-30; asked 2027-03-31: late, but R2-R4 are computed all the same.
  auto s = reversibility_schedule(request("2027-03-31", "2027-06-30"), HolidayZone::metropole, {}, {}, r);
  EXPECT_TRUE(s.late);
  EXPECT_EQ(s.trace.steps[0].key, "request_late");
  EXPECT_EQ(s.start, day("2027-06-30"));
}

TEST(ReversibilitySchedule, R2PaidTwelveDaysAfterTheEndMovesTheStartAndR3CountsOver14July) {
  // F-2027-0061 (June, issued 2027-06-01) is paid on Mon 2027-07-12 = 30 Jun + 12 days: start there.
  // R3 from Mon 12 Jul: Tue 13 = 1, Wed 14 (national holiday) skipped, Thu 15 = 2, Fri 16 = 3,
  // Mon 19 .. Fri 23 = 4..8, Mon 26 = 9, Tue 27 = 10.
  std::vector<IssuedInvoice> invoices = {
      {"F-2027-0061", day("2027-06-01"), day("2027-06-30"), Money::from_cents(94349)}};
  std::vector<Payment> payments = {{"P1", "F-2027-0061", day("2027-07-12"), Money::from_cents(94349)}};
  auto s = reversibility_schedule(request("2027-03-01", "2027-06-30"), HolidayZone::metropole, invoices, payments, r);
  EXPECT_EQ(s.unpaid_at_end, (std::vector<std::string>{"F-2027-0061"}));
  EXPECT_EQ(s.start, day("2027-07-12"));
  EXPECT_EQ(s.delivery_deadline, day("2027-07-27"));
  EXPECT_EQ(s.trace.steps[1].key, "start_at_last_payment");
}

TEST(ReversibilitySchedule, R3StartOnTheEveOfWhitSundayWeekend) {
  // Start Fri 2027-05-14; Sat 15, Sun 16 and Whit Monday 17 are not jours ouvrés;
  // Tue 18 = 1, Wed 19 = 2, Thu 20 = 3, Fri 21 = 4, Mon 24 .. Fri 28 = 5..9, Mon 31 = 10.
  auto s = reversibility_schedule(request("2027-01-04", "2027-05-14"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(s.delivery_deadline, day("2027-05-31"));
}

TEST(ReversibilitySchedule, R3StartOnTheEveOfAscensionCountsOverItAndWhitMonday) {
  // Start Wed 2027-05-05; Thu 6 (Ascension) skipped, Fri 7 = 1, Mon 10 .. Fri 14 = 2..6,
  // Mon 17 (Whit Monday) skipped, Tue 18 = 7, Wed 19 = 8, Thu 20 = 9, Fri 21 = 10.
  auto s = reversibility_schedule(request("2027-01-04", "2027-05-05"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(s.delivery_deadline, day("2027-05-21"));
}

TEST(ReversibilitySchedule, R4ContinuityReachesDayNinetyAndNotDayNinetyOne) {
  // 2027-06-30 + 90 days: July 31 + August 31 = 62, + 28 = 2027-09-28 (day 90).
  auto on_day_90 =
      reversibility_schedule(request("2027-03-01", "2027-06-30", "2027-09-28"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(on_day_90.continuity_limit, day("2027-09-28"));
  EXPECT_EQ(on_day_90.services_until, day("2027-09-28"));
  EXPECT_EQ(on_day_90.trace.steps.back().key, "continuity");
  auto on_day_91 =
      reversibility_schedule(request("2027-03-01", "2027-06-30", "2027-09-29"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(on_day_91.services_until, day("2027-09-28"));
  EXPECT_EQ(on_day_91.trace.steps.back().key, "takeover_capped");
}

TEST(DossierContents, R3BackupsPerServerWithSizesAndR5WhatIsDestroyed) {
  std::vector<Service> services = {{"srv-1", "K-1", ServiceKind::server, "web1.example.fr", "Serveur web", true},
                                   {"mail-1", "K-1", ServiceKind::mailbox, "", "Messagerie", false}};
  auto b = [](const char* id, const char* service, const char* start, std::int64_t size, BackupStatus status) {
    Backup x;
    x.id = id;
    x.service_id = service;
    x.start = at(start);
    x.size_bytes = size;
    x.status = status;
    x.checksum = std::string("sha256:") + id;
    return x;
  };
  std::vector<Backup> backups = {b("b2", "srv-1", "2026-12-30T01:00:00Z", 300, BackupStatus::success),
                                 b("b1", "srv-1", "2026-12-29T01:00:00Z", 200, BackupStatus::success),
                                 b("bf", "srv-1", "2026-12-31T01:00:00Z", 50, BackupStatus::failed),
                                 b("bx", "srv-9", "2026-12-31T01:00:00Z", 999, BackupStatus::success)};
  DossierContents dossier = dossier_contents(services, backups);
  ASSERT_EQ(dossier.servers.size(), 1u);  // the mailbox is not a server
  EXPECT_EQ(dossier.servers[0].hostname, "web1.example.fr");
  ASSERT_EQ(dossier.servers[0].backups.size(), 2u);
  EXPECT_EQ(dossier.servers[0].backups[0].id, "b1");  // oldest first
  EXPECT_EQ(dossier.servers[0].backups[0].checksum, "sha256:b1");
  EXPECT_EQ(dossier.servers[0].total_bytes, 500);  // 200 + 300; the failed one is not handed over
  EXPECT_EQ(dossier.to_destroy, (std::vector<std::string>{"b2", "b1", "bf"}));
}

}  // namespace
}  // namespace clause
