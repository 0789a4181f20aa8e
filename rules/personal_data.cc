#include "rules/personal_data.h"

#include <algorithm>

#include "rules/calendar.h"
#include "rules/service_end.h"

namespace clause {
namespace {

Date inactive_on(const Account& a, const PersonalDataTerms& terms) {
  return add_months(a.last_activity.value_or(a.created), terms.inactivity_months);
}

std::vector<Hold> holds_of(const Account& account, const std::vector<Account>& accounts,
                           const std::vector<Contract>& contracts, const std::vector<std::string>& accounts_with_unpaid,
                           const std::vector<ReversibilityRequest>& reversibility, Date run_date,
                           const PersonalDataTerms& terms) {
  std::vector<Hold> holds;
  for (const Account& sub : accounts)  // G2: a parent stays while one of its sub-accounts is active
    if (sub.parent_id == account.id && inactive_on(sub, terms) > run_date)
      holds.push_back({HoldReason::active_sub_account, sub.id});
  for (const Contract& c : contracts) {  // G3; N4: a term that ended without renewal is not running
    const std::optional<Date> end = service_end(c);
    if (c.account_id == account.id && (!end || *end >= run_date)) holds.push_back({HoldReason::running_contract, c.id});
  }
  if (std::find(accounts_with_unpaid.begin(), accounts_with_unpaid.end(), account.id) != accounts_with_unpaid.end())
    holds.push_back({HoldReason::unpaid_invoice, ""});
  for (const ReversibilityRequest& r : reversibility) {
    if (r.completed && *r.completed <= run_date) continue;
    for (const Contract& c : contracts)
      if (c.id == r.contract_id && c.account_id == account.id) holds.push_back({HoldReason::open_reversibility, r.id});
  }
  return holds;
}

}  // namespace

std::vector<AccountDataStatus> classify_accounts(const std::vector<Account>& accounts,
                                                 const std::vector<Contract>& contracts,
                                                 const std::vector<std::string>& accounts_with_unpaid,
                                                 const std::vector<ReversibilityRequest>& reversibility, Date run_date,
                                                 const PersonalDataTerms& terms) {
  std::vector<AccountDataStatus> out;
  for (const Account& account : accounts) {
    AccountDataStatus s;
    s.account_id = account.id;
    s.inactive_on = inactive_on(account, terms);
    const Date since = account.last_activity.value_or(account.created);
    if (s.inactive_on > add_days(run_date, terms.reminder_days)) {
      s.trace.add("G1", "active", {{"last_activity", since}, {"inactive_on", s.inactive_on}});
      out.push_back(std::move(s));
      continue;
    }
    s.holds = holds_of(account, accounts, contracts, accounts_with_unpaid, reversibility, run_date, terms);
    if (s.inactive_on > run_date) {
      s.status = DataStatus::soon_inactive;
      s.trace.add("G4", "reminder",
                  {{"last_activity", since},
                   {"inactive_on", s.inactive_on},
                   {"reminder_days", static_cast<long long>(terms.reminder_days)}});
    } else {
      s.status = s.holds.empty() ? DataStatus::purge : DataStatus::kept;
      s.trace.add("G1", "inactive",
                  {{"last_activity", since},
                   {"inactive_on", s.inactive_on},
                   {"inactivity_months", static_cast<long long>(terms.inactivity_months)}});
    }
    for (const Hold& h : s.holds)
      s.trace.add(h.reason == HoldReason::active_sub_account ? "G2" : "G3", std::string{to_word(h.reason)},
                  {{"because_of", h.because_of}});
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace clause
