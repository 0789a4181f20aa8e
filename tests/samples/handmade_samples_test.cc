// The hand-made data set in samples/: importable, and holding the facts samples/README.md computes
// its expected figures from (the end-to-end statement test checks the figures themselves).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "csv_table.h"
#include "dataset_checks.h"
#include "model/time.h"
#include "samples/generator/paris_clock.h"

namespace clause {
namespace {

const std::filesystem::path kSamples = std::filesystem::path{CLAUSE_SOURCE_DIR} / "samples";

Instant at(std::string_view text) { return *parse_instant(text); }

// Minutes of the union of `service`'s unplanned outages clipped to [begin, end) (S5, by hand).
long unplanned_minutes(const std::string& service, Instant begin, Instant end) {
  const auto outages = testing::read_csv_table(kSamples / "outages.csv");
  std::vector<Interval> parts;
  for (const auto& row : outages.rows)
    if (row[1] == service && row[4] == "unplanned")
      parts.push_back({std::max(at(row[2]), begin), std::min(at(row[3]), end)});
  std::sort(parts.begin(), parts.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::chrono::seconds total{0};
  Instant reached = begin;
  for (const Interval& p : parts) {
    const Instant from = std::max(p.begin, reached);
    if (p.end > from) total += p.end - from;
    reached = std::max(reached, p.end);
  }
  return long(std::chrono::duration_cast<std::chrono::minutes>(total).count());
}

TEST(HandMadeSamples, HeadersAreTheAgreedColumns) {
  for (const auto& [file, columns] : testing::agreed_columns())
    EXPECT_EQ(testing::read_csv_table(kSamples / (file + ".csv")).header, columns) << file;
}

TEST(HandMadeSamples, EveryFieldParsesAndEveryReferenceResolves) {
  EXPECT_EQ(testing::dataset_problems(kSamples), std::vector<std::string>{});
}

TEST(HandMadeSamples, TheCheckerReportsADanglingReference) {
  const auto dir = std::filesystem::temp_directory_path() / ("clause-samples-dangling-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(kSamples, dir, std::filesystem::copy_options::recursive);
  std::filesystem::remove_all(dir / "generator");
  {
    std::ofstream out(dir / "mail_usage.csv", std::ios::app);
    out << "CTR-NOWHERE,2026-11-30,100\n";
  }
  const auto problems = testing::dataset_problems(dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(problems, std::vector<std::string>{"mail_usage.csv line 124: contract_id CTR-NOWHERE not found"});
}

TEST(HandMadeSamples, HaOutagesOfOctoberAdd447MinutesOutOf44700) {
  // S5 README case: October 2026 lasts 745 h (T1); unplanned union 170 + 105 + 110 (across the
  // DST change) + 42 + 20 (up to midnight of Oct 31) = 447 min -> exactly 99.0 %.
  const Instant oct = paris_instant(YearMonth{2026, 10}.first_day(), {}),
                nov = paris_instant(YearMonth{2026, 11}.first_day(), {});
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::minutes>(nov - oct).count(), 44700);
  EXPECT_EQ(unplanned_minutes("SRV-BR-HA", oct, nov), 447);
}

TEST(HandMadeSamples, HaOutagesOfNovemberAdd44Minutes) {
  // 25 min after midnight of Nov 1 (the outage across the month boundary) + 19 min on Nov 17.
  const Instant nov = paris_instant(YearMonth{2026, 11}.first_day(), {}),
                dec = paris_instant(YearMonth{2026, 12}.first_day(), {});
  EXPECT_EQ(unplanned_minutes("SRV-BR-HA", nov, dec), 44);
}

TEST(HandMadeSamples, DuboisServerLacksACompleteBackupOnFiveDays) {
  // K1 README case: a day is complete with system, files and databases all successful and
  // started 01:00-06:00 local. Expected: 2026-10-07, 10-18, 11-04, 11-12, 11-27.
  const auto backups = testing::read_csv_table(kSamples / "backups.csv");
  std::map<std::string, std::set<std::string>> good_scopes;
  for (const auto& row : backups.rows) {
    if (row[1] != "SRV-DB-SRV" || row[6] != "success") continue;
    const std::string local = format_paris(at(row[4]));
    const std::string time = local.substr(11, 5);
    if (time >= "01:00" && time < "06:00") good_scopes[local.substr(0, 10)].insert(row[2]);
  }
  std::vector<std::string> incomplete;
  for (Date d = YearMonth{2026, 10}.first_day(); d != YearMonth{2026, 12}.first_day();
       d = Date{std::chrono::sys_days{d} + std::chrono::days{1}})
    if (good_scopes[format_date(d)].size() != 3) incomplete.push_back(format_date(d));
  EXPECT_EQ(incomplete,
            (std::vector<std::string>{"2026-10-07", "2026-10-18", "2026-11-04", "2026-11-12", "2026-11-27"}));
}

}  // namespace
}  // namespace clause
