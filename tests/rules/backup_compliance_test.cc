// K1 (D Art. 4): daily backups of every scope in the local 01:00-06:00 window, off-site; restore
// points at month end. K2 (K Annex 1): the month's backup history.
#include "rules/backup_compliance.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using std::chrono::minutes;
using testing::at;
using testing::day;

const BackupTerms d = testing::dag_contract_terms().backups;

Backup backup(std::string id, Instant start, BackupScope scope = BackupScope::full,
              std::string location = "offsite:sbg", BackupStatus status = BackupStatus::success) {
  Backup b;
  b.id = std::move(id);
  b.service_id = "srv-1";
  b.scope = scope;
  b.start = start;
  b.status = status;
  b.location = std::move(location);
  b.size_bytes = 1000;
  return b;
}

// October 2026: a full off-site backup at 02:00 local every day, except:
//   5 Oct  system + files only (databases missing);
//  12 Oct  started at 06:00 local (outside the window);
//  19 Oct  stored on site;
//  25 Oct  (DST ends at 03:00) started 2026-10-24T23:30Z = 01:30 CEST on the 25th: in the window;
//  26 Oct  failed.
std::vector<Backup> october(const ContractClock& clock) {
  std::vector<Backup> out;
  for (int i = 0; i < 31; ++i) {
    Date dd = add_days(day("2026-10-01"), i);
    std::string id = "b" + std::to_string(i + 1);
    Instant two_am = clock.to_instant(dd, minutes{120});
    switch (i + 1) {
      case 5:
        out.push_back(backup(id + "s", two_am, BackupScope::system));
        out.push_back(backup(id + "f", two_am, BackupScope::files));
        break;
      case 12:
        out.push_back(backup(id, clock.to_instant(dd, minutes{360})));
        break;
      case 19:
        out.push_back(backup(id, two_am, BackupScope::full, "local:rbx"));
        break;
      case 25:
        out.push_back(backup(id, at("2026-10-24T23:30:00Z")));
        break;
      case 26:
        out.push_back(backup(id, two_am, BackupScope::full, "offsite:sbg", BackupStatus::failed));
        break;
      default:
        out.push_back(backup(id, two_am));
    }
  }
  return out;
}

const std::vector<BackupScope> all_scopes = {BackupScope::system, BackupScope::files, BackupScope::databases};

TEST(DailyBackups, K1DaysWithoutACompleteBackup) {
  ContractClock clock = testing::paris_clock();
  ServerBackupMonth m = daily_backup_compliance("srv-1", october(clock), {2026, 10}, clock, d);
  EXPECT_EQ(m.days_checked, 31);
  ASSERT_EQ(m.incomplete_days.size(), 4u);
  EXPECT_EQ(m.incomplete_days[0], (IncompleteBackupDay{day("2026-10-05"), {BackupScope::databases}}));
  EXPECT_EQ(m.incomplete_days[1], (IncompleteBackupDay{day("2026-10-12"), all_scopes}));
  EXPECT_EQ(m.incomplete_days[2], (IncompleteBackupDay{day("2026-10-19"), all_scopes}));
  EXPECT_EQ(m.incomplete_days[3], (IncompleteBackupDay{day("2026-10-26"), all_scopes}));
}

TEST(DailyBackups, K1RestorePointsOfTheLastSevenDays) {
  // Kept 7 rolling days: at the end of October, the complete days among 25..31 Oct.
  // Held: 25 (01:30 CEST), 27, 28, 29, 30, 31 Oct; 26 failed; 24 Oct is older than 7 days.
  ContractClock clock = testing::paris_clock();
  ServerBackupMonth m = daily_backup_compliance("srv-1", october(clock), {2026, 10}, clock, d);
  ASSERT_EQ(m.restore_points.size(), 6u);
  EXPECT_EQ(m.restore_points.front().day, day("2026-10-25"));
  EXPECT_EQ(m.restore_points.front().backups.at(0).id, "b25");
  EXPECT_EQ(m.restore_points.back().day, day("2026-10-31"));
}

// November 2026 (CET all month): each day from 20 to 30 Nov, three backup files (system, files,
// databases) started at 02:00, 02:20 and 02:40 local, off-site. 21 files in the last 7 days.
std::vector<Backup> november_three_files_a_day(const ContractClock& clock) {
  std::vector<Backup> out;
  for (Date dd = day("2026-11-20"); dd <= day("2026-11-30"); dd = add_days(dd, 1)) {
    const std::string id = format_date(dd);
    out.push_back(backup(id + "-s", clock.to_instant(dd, minutes{120}), BackupScope::system));
    out.push_back(backup(id + "-f", clock.to_instant(dd, minutes{140}), BackupScope::files));
    out.push_back(backup(id + "-d", clock.to_instant(dd, minutes{160}), BackupScope::databases));
  }
  return out;
}

TEST(DailyBackups, K1SevenCompleteDaysAreSevenRestorePointsNotTwentyOneFiles) {
  // Kept days at the end of November: 24..30 Nov, all complete: 7 restore points.
  ContractClock clock = testing::paris_clock();
  ServerBackupMonth m = daily_backup_compliance("srv-1", november_three_files_a_day(clock), {2026, 11}, clock, d);
  ASSERT_EQ(m.restore_points.size(), 7u);
  EXPECT_EQ(m.restore_points.front().day, day("2026-11-24"));
  EXPECT_EQ(m.restore_points.back().day, day("2026-11-30"));
  EXPECT_EQ(m.restore_points.back().backups.size(), 3u);
  // The day became complete with its databases backup: 30 Nov 02:40 CET = 01:40Z.
  EXPECT_EQ(m.restore_points.back().start, at("2026-11-30T01:40:00Z"));
}

TEST(DailyBackups, K1AnIncompleteDayIsNoRestorePoint) {
  // 27 Nov: the databases backup failed: 24, 25, 26, 28, 29, 30 Nov remain, 6 restore points
  // (20 successful files in the 7 days).
  ContractClock clock = testing::paris_clock();
  std::vector<Backup> all = november_three_files_a_day(clock);
  for (Backup& b : all)
    if (b.id == "2026-11-27-d") b.status = BackupStatus::failed;
  ServerBackupMonth m = daily_backup_compliance("srv-1", all, {2026, 11}, clock, d);
  ASSERT_EQ(m.restore_points.size(), 6u);
  for (const RestorePoint& p : m.restore_points) EXPECT_NE(p.day, day("2026-11-27"));
}

TEST(DailyBackups, K1TwoFullBackupsOnADayAreOneRestorePoint) {
  // 30 Nov holds a second full backup at 03:00: still 7 restore points, the last one with 4 files.
  ContractClock clock = testing::paris_clock();
  std::vector<Backup> all = november_three_files_a_day(clock);
  all.push_back(backup("extra", clock.to_instant(day("2026-11-30"), minutes{180})));
  ServerBackupMonth m = daily_backup_compliance("srv-1", all, {2026, 11}, clock, d);
  EXPECT_EQ(m.restore_points.size(), 7u);
  EXPECT_EQ(m.restore_points.back().backups.size(), 4u);
}

TEST(DailyBackups, K1DaysBeforeTheContractStartAreNotChecked) {
  ContractClock clock = testing::paris_clock();
  ServerBackupMonth m = daily_backup_compliance("srv-1", october(clock), {2026, 10}, clock, d, day("2026-10-20"));
  EXPECT_EQ(m.days_checked, 12);  // 20..31 Oct
  ASSERT_EQ(m.incomplete_days.size(), 1u);
  EXPECT_EQ(m.incomplete_days[0].day, day("2026-10-26"));
}

TEST(DailyBackups, K1NotCheckedWhenTheProfileDoesNotRequireDailyBackups) {
  ContractClock clock = testing::paris_clock();
  const BackupTerms k = testing::kalanda_contract_terms().backups;
  ServerBackupMonth m = daily_backup_compliance("srv-1", october(clock), {2026, 10}, clock, k);
  EXPECT_EQ(m.days_checked, 0);
  EXPECT_TRUE(m.incomplete_days.empty());
}

TEST(BackupHistory, K2BackupsStartedInTheLocalMonth) {
  ContractClock clock = testing::paris_clock();
  Backup other = backup("other", at("2026-10-10T01:00:00Z"));
  other.service_id = "srv-2";
  std::vector<Backup> all = {
      backup("nov", at("2026-10-31T23:00:00Z")),    // 1 Nov 00:00 CET: next month
      backup("last", at("2026-10-31T22:59:59Z")),   // 31 Oct 23:59:59 CET
      backup("first", at("2026-09-30T22:30:00Z")),  // 1 Oct 00:30 CEST
      backup("sep", at("2026-09-30T21:59:59Z")),    // 30 Sep 23:59:59 CEST
      backup("failed", at("2026-10-15T01:00:00Z"), BackupScope::full, "offsite:sbg", BackupStatus::failed),
      other,
  };
  std::vector<Backup> h = backup_history("srv-1", all, {2026, 10}, clock);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].id, "first");
  EXPECT_EQ(h[1].id, "failed");
  EXPECT_EQ(h[2].id, "last");
}

}  // namespace
}  // namespace clause
