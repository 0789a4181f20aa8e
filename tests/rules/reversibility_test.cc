// R1-R5 (K Art. 16): request notice, start, delivery deadline, continuity, dossier contents.
#include "rules/reversibility.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::at;
using testing::day;

const ReversibilityTerms r = testing::kalanda_contract_terms().reversibility;   // 3 months, 10 ouvrés, 90 days

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

  payments.pop_back();                  // still unpaid: no start yet
  auto waiting = reversibility_schedule(request("2026-09-01", "2026-12-31"), HolidayZone::metropole, invoices, payments, r);
  EXPECT_FALSE(waiting.start.has_value());
  EXPECT_FALSE(waiting.delivery_deadline.has_value());
}

TEST(ReversibilitySchedule, R4ContinuityAtMostNinetyDaysAfterTheEnd) {
  // 2026-12-31 + 90 days: 31 (Jan) + 28 (Feb) + 31 (Mar) = 2027-03-31.
  auto capped = reversibility_schedule(request("2026-09-01", "2026-12-31", "2027-05-01"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(capped.continuity_limit, day("2027-03-31"));
  EXPECT_EQ(capped.services_until, day("2027-03-31"));
  auto earlier = reversibility_schedule(request("2026-09-01", "2026-12-31", "2027-02-15"), HolidayZone::metropole, {}, {}, r);
  EXPECT_EQ(earlier.services_until, day("2027-02-15"));
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
  ASSERT_EQ(dossier.servers.size(), 1u);                // the mailbox is not a server
  EXPECT_EQ(dossier.servers[0].hostname, "web1.example.fr");
  ASSERT_EQ(dossier.servers[0].backups.size(), 2u);
  EXPECT_EQ(dossier.servers[0].backups[0].id, "b1");    // oldest first
  EXPECT_EQ(dossier.servers[0].backups[0].checksum, "sha256:b1");
  EXPECT_EQ(dossier.servers[0].total_bytes, 500);       // 200 + 300; the failed one is not handed over
  EXPECT_EQ(dossier.to_destroy, (std::vector<std::string>{"b2", "b1", "bf"}));
}

}  // namespace
}  // namespace clause
