// The months a contract is in force (N4, N1) and the I1 emergency allowance of each managed server
// in the contract year holding the month's end, row by row; figures worked out by hand from
// RULES.md N1, N4 and I1 (4 emergencies per server per contract year, anniversary to anniversary).
#include "rules/contract_month.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::at;
using testing::day;

struct ActiveRow {
  const char* rule;
  const char* start;
  int term_months;
  bool tacit_renewal;
  std::optional<const char*> end;
  YearMonth month;
  bool active;
};

TEST(ContractMonthTable, N4InForceOnSomeDayOfTheMonth) {
  const ActiveRow rows[] = {
      {"N4", "2026-11-17", 12, false, std::nullopt, {2026, 11}, true},   // starts mid-month
      {"N4", "2026-11-17", 12, false, std::nullopt, {2026, 10}, false},  // not started yet
      {"N4", "2026-11-17", 12, false, std::nullopt, {2027, 11}, true},   // ends 2027-11-16
      {"N4", "2026-11-17", 12, false, std::nullopt, {2027, 12}, false},
      {"N4", "2026-01-01", 36, false, std::nullopt, {2028, 12}, true},  // ends 2028-12-31
      {"N4", "2026-01-01", 36, false, std::nullopt, {2029, 1}, false},
      {"N1", "2026-01-01", 12, true, std::nullopt, {2035, 6}, true},   // renewed each anniversary
      {"N4", "2026-01-01", 12, true, "2026-10-01", {2026, 10}, true},  // a recorded end on the 1st
      {"N4", "2026-01-01", 12, true, "2026-10-01", {2026, 11}, false},
      {"N4", "2026-01-01", 12, true, "2026-09-30", {2026, 10}, false},
  };
  for (const auto& row : rows) {
    Contract c;
    c.id = "C-1";
    c.start = day(row.start);
    c.term_months = row.term_months;
    c.tacit_renewal = row.tacit_renewal;
    if (row.end) c.end = day(*row.end);
    EXPECT_EQ(active_in_month(c, row.month), row.active)
        << row.rule << " start " << row.start << " month " << format_year_month(row.month);
  }
}

struct AllowanceRow {
  const char* rule;
  YearMonth month;
  int year_index;
  int used;
  int billable;
};

// A server with six emergencies: 2026-03-10, 04-10, 06-10, 09-10 (year 0, from 2026-01-15), then
// 2026-12-10 and 2027-01-20 (year 1, from 2027-01-15: only the last one).
TEST(ContractMonthTable, I1EmergenciesCountFromTheAnniversary) {
  ContractRecords r;
  r.contract.id = "C-1";
  r.contract.terms_profile = "kalanda-hds";
  r.contract.start = day("2026-01-15");
  r.contract.term_months = 36;
  r.contract.tacit_renewal = false;
  r.services = {{"SRV-1", "C-1", ServiceKind::server, "srv1", "Serveur", true},
                {"MAIL-1", "C-1", ServiceKind::mailbox, "", "Messagerie", false}};
  int n = 0;
  for (const char* start : {"2026-03-10T10:00:00+01:00", "2026-04-10T10:00:00+02:00", "2026-06-10T10:00:00+02:00",
                            "2026-09-10T10:00:00+02:00", "2026-12-10T10:00:00+01:00", "2027-01-20T10:00:00+01:00"})
    r.interventions.push_back({"I-" + std::to_string(++n), "C-1", "SRV-1", std::nullopt, InterventionKind::emergency,
                               at(start), at(start) + std::chrono::hours{1}, std::nullopt});
  TermsProfile terms = testing::kalanda_terms();
  terms.billing = testing::kalanda_contract_terms().billing;
  terms.reversibility = testing::kalanda_contract_terms().reversibility;
  const AllowanceRow rows[] = {
      {"I1", {2026, 2}, 0, 0, 0},  {"I1", {2026, 6}, 0, 3, 0},
      {"I1", {2026, 9}, 0, 4, 0},   // the 4th: still within the allowance
      {"I1", {2026, 12}, 0, 5, 1},  // the 5th of the year is billable
      {"I1", {2027, 1}, 1, 1, 0},   // year 1 from 2027-01-15: only 2027-01-20 counts
  };
  for (const auto& row : rows) {
    const ContractMonthFigures f = compute_contract_month(r, terms, testing::paris_clock(), row.month);
    const std::string where = std::string(row.rule) + " " + format_year_month(row.month);
    ASSERT_EQ(f.allowances.size(), 1u) << where;  // the mailbox has no allowance
    EXPECT_EQ(f.allowances[0].service_id, "SRV-1") << where;
    EXPECT_EQ(f.allowances[0].year.index, row.year_index) << where;
    EXPECT_EQ(f.allowances[0].allowance, 4) << where;
    EXPECT_EQ(f.allowances[0].used, row.used) << where;
    EXPECT_EQ(f.allowances[0].billable, row.billable) << where;
  }
}

}  // namespace
}  // namespace clause
