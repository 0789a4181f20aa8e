// G1-G4 (K Annex 2, Art. 10): inactive accounts, families, holds and reminders on a run date.
#include "rules/personal_data.h"

#include <gtest/gtest.h>

#include "contract_terms_fixture.h"
#include "terms_fixture.h"

namespace clause {
namespace {

using testing::day;

const PersonalDataTerms g = testing::kalanda_contract_terms().personal_data;  // 24 months, 30 days
const Date run = day("2026-11-01");

Account account(const char* id, std::optional<const char*> last_activity, AccountKind kind = AccountKind::client,
                std::optional<std::string> parent = std::nullopt) {
  Account a;
  a.id = id;
  a.kind = kind;
  a.parent_id = std::move(parent);
  a.created = day("2020-01-01");
  if (last_activity) a.last_activity = day(*last_activity);
  return a;
}

AccountDataStatus status_of(const std::vector<AccountDataStatus>& all, const std::string& id) {
  for (const auto& s : all)
    if (s.account_id == id) return s;
  throw std::invalid_argument("no status for " + id);
}

TEST(PersonalData, G1InactiveOnLastActivityPlus24Months) {
  auto all = classify_accounts({account("A", "2024-10-31"), account("B", "2024-11-01"), account("E", "2024-11-02"),
                                account("L", "2024-02-29"), account("N", std::nullopt)},
                               {}, {}, {}, run, g);
  EXPECT_EQ(status_of(all, "A").status, DataStatus::purge);  // inactive since 2026-10-31
  EXPECT_EQ(status_of(all, "B").status, DataStatus::purge);  // 2026-11-01 <= run date
  EXPECT_EQ(status_of(all, "B").inactive_on, day("2026-11-01"));
  EXPECT_EQ(status_of(all, "E").status, DataStatus::soon_inactive);  // one day left
  EXPECT_EQ(status_of(all, "L").inactive_on, day("2026-02-28"));     // T5: 29 Feb + 24 months
  EXPECT_EQ(status_of(all, "N").inactive_on, day("2022-01-01"));     // never active: from creation
}

TEST(PersonalData, G1LeapDayLastActivityIsInactiveOn28FebruaryNotTheDayBefore) {
  // T5: 2024-02-29 + 24 months = 2026-02-28 (no 29 Feb in 2026): inactive on that day, not on the 27th.
  EXPECT_EQ(classify_accounts({account("L", "2024-02-29")}, {}, {}, {}, day("2026-02-27"), g).at(0).status,
            DataStatus::soon_inactive);
  EXPECT_EQ(classify_accounts({account("L", "2024-02-29")}, {}, {}, {}, day("2026-02-28"), g).at(0).status,
            DataStatus::purge);
}

TEST(PersonalData, G1ExactlyTwentyFourMonthsIsInactive) {
  // last + 24 months <= run date: 2024-06-15 + 24 months = 2026-06-15, inactive that very day.
  EXPECT_EQ(classify_accounts({account("X", "2024-06-15")}, {}, {}, {}, day("2026-06-14"), g).at(0).status,
            DataStatus::soon_inactive);
  EXPECT_EQ(classify_accounts({account("X", "2024-06-15")}, {}, {}, {}, day("2026-06-15"), g).at(0).status,
            DataStatus::purge);
}

TEST(PersonalData, G4SoonInactiveAccountIsListedWithItsDate) {
  // 2024-11-20 + 24 months = 2026-11-20, 19 days after the run date: listed for a reminder.
  const AccountDataStatus s = classify_accounts({account("S", "2024-11-20")}, {}, {}, {}, run, g).at(0);
  EXPECT_EQ(s.status, DataStatus::soon_inactive);
  EXPECT_EQ(s.inactive_on, day("2026-11-20"));
}

TEST(PersonalData, G4ReminderWithinThirtyDays) {
  // run + 30 days = 2026-12-01: inactive on 2026-12-01 is listed, on 2026-12-02 is not yet.
  auto all = classify_accounts({account("C", "2024-12-01"), account("D", "2024-12-02")}, {}, {}, {}, run, g);
  EXPECT_EQ(status_of(all, "C").status, DataStatus::soon_inactive);
  EXPECT_EQ(status_of(all, "C").trace.steps.at(0).rule, "G4");
  EXPECT_EQ(status_of(all, "D").status, DataStatus::active);
}

TEST(PersonalData, G2ResellerWithAnActiveSubAccountIsKept) {
  auto all = classify_accounts(
      {account("R", "2020-01-01", AccountKind::reseller), account("S1", "2026-06-01", AccountKind::sub_account, "R"),
       account("S2", "2023-01-01", AccountKind::sub_account, "R"), account("P", "2020-01-01", AccountKind::reseller),
       account("S3", "2023-01-01", AccountKind::sub_account, "P")},
      {}, {}, {}, run, g);
  EXPECT_EQ(status_of(all, "R").status, DataStatus::kept);
  EXPECT_EQ(status_of(all, "R").holds, (std::vector<Hold>{{HoldReason::active_sub_account, "S1"}}));
  EXPECT_EQ(status_of(all, "R").trace.steps.back().rule, "G2");
  EXPECT_EQ(status_of(all, "S1").status, DataStatus::active);
  EXPECT_EQ(status_of(all, "S2").status, DataStatus::purge);
  EXPECT_EQ(status_of(all, "P").status, DataStatus::purge);  // every sub-account inactive
  EXPECT_EQ(status_of(all, "S3").status, DataStatus::purge);
}

TEST(PersonalData, G3ContractUnpaidInvoiceOrOpenReversibilityHoldsTheAccount) {
  auto contract = [](const char* id, const char* account_id, std::optional<const char*> end) {
    Contract c;
    c.id = id;
    c.account_id = account_id;
    c.start = day("2019-01-01");
    if (end) c.end = day(*end);
    return c;
  };
  std::vector<Contract> contracts = {contract("C-run", "E", std::nullopt), contract("C-old", "F", "2025-12-31"),
                                     contract("C-today", "F2", "2026-11-01"), contract("C-h", "H", "2025-06-30"),
                                     contract("C-i", "I", "2025-06-30")};
  std::vector<ReversibilityRequest> requests = {
      {"REV-1", "C-h", day("2025-03-01"), day("2025-06-30"), std::nullopt, std::nullopt},
      {"REV-2", "C-i", day("2025-03-01"), day("2025-06-30"), std::nullopt, day("2026-10-15")}};
  auto all = classify_accounts({account("E", "2020-01-01"), account("F", "2020-01-01"), account("F2", "2020-01-01"),
                                account("G", "2020-01-01"), account("H", "2020-01-01"), account("I", "2020-01-01")},
                               contracts, {"G"}, requests, run, g);
  EXPECT_EQ(status_of(all, "E").holds, (std::vector<Hold>{{HoldReason::running_contract, "C-run"}}));
  EXPECT_EQ(status_of(all, "F").status, DataStatus::purge);  // contract ended 2025-12-31
  EXPECT_EQ(status_of(all, "F2").status, DataStatus::kept);  // ends on the run date
  EXPECT_EQ(status_of(all, "G").holds, (std::vector<Hold>{{HoldReason::unpaid_invoice, ""}}));
  EXPECT_EQ(status_of(all, "H").holds, (std::vector<Hold>{{HoldReason::open_reversibility, "REV-1"}}));
  EXPECT_EQ(status_of(all, "I").status, DataStatus::purge);  // minutes signed 2026-10-15
}

TEST(PersonalData, N4AContractPastItsTermDoesNotHoldTheAccount) {
  // 36 months from 2019-01-01, no tacit renewal, no recorded end: ended 2021-12-31 (N4).
  Contract c;
  c.id = "C-term";
  c.account_id = "T";
  c.start = day("2019-01-01");
  c.term_months = 36;
  c.tacit_renewal = false;
  auto all = classify_accounts({account("T", "2020-01-01")}, {c}, {}, {}, run, g);
  EXPECT_EQ(status_of(all, "T").status, DataStatus::purge);
  c.tacit_renewal = true;  // renewed tacitly: still running
  all = classify_accounts({account("T", "2020-01-01")}, {c}, {}, {}, run, g);
  EXPECT_EQ(status_of(all, "T").holds, (std::vector<Hold>{{HoldReason::running_contract, "C-term"}}));
}

}  // namespace
}  // namespace clause
