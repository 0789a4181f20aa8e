// Personal data retention (RULES G1-G4, K Annex 2, Art. 10). On a run date each account is:
//   active         - used the services less than inactivity_months ago (T5 months);
//   soon_inactive  - becomes inactive within reminder_days: listed for a reminder (G4);
//   purge          - inactive (last activity + 24 months <= run date) and nothing holds it (G1);
//   kept           - inactive but held: an active sub-account (G2), a running contract, an unpaid
//                    invoice or an open reversibility (G3); `reasons` says which.
// Decisions: an account never active counts from its creation date; "active sub-account" means
// not inactive by G1; a contract is running until its end date (none = running); a reversibility
// is open until its minutes are signed (completed) on or before the run date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/enum_text.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

enum class DataStatus { active, soon_inactive, purge, kept };
template <>
struct EnumWords<DataStatus> {
  static constexpr std::array words{std::pair{DataStatus::active, std::string_view{"active"}},
                                    std::pair{DataStatus::soon_inactive, std::string_view{"soon_inactive"}},
                                    std::pair{DataStatus::purge, std::string_view{"purge"}},
                                    std::pair{DataStatus::kept, std::string_view{"kept"}}};
};

enum class HoldReason { active_sub_account, running_contract, unpaid_invoice, open_reversibility };
template <>
struct EnumWords<HoldReason> {
  static constexpr std::array words{std::pair{HoldReason::active_sub_account, std::string_view{"active_sub_account"}},
                                    std::pair{HoldReason::running_contract, std::string_view{"running_contract"}},
                                    std::pair{HoldReason::unpaid_invoice, std::string_view{"unpaid_invoice"}},
                                    std::pair{HoldReason::open_reversibility, std::string_view{"open_reversibility"}}};
};

// Why an account is kept: the reason and the record behind it (sub-account, contract or request
// id; empty for an unpaid invoice).
struct Hold {
  HoldReason reason = HoldReason::running_contract;
  std::string because_of;
  friend bool operator==(const Hold&, const Hold&) = default;
};

struct AccountDataStatus {
  std::string account_id;
  DataStatus status = DataStatus::active;
  Date inactive_on{};       // last activity (or creation) + inactivity_months
  std::vector<Hold> holds;  // filled for soon_inactive and kept accounts
  Trace trace;
  friend bool operator==(const AccountDataStatus&, const AccountDataStatus&) = default;
};

// G1-G4: the status of every account on `run_date`, in the order of `accounts`.
// `accounts_with_unpaid` lists the ids of accounts with at least one unpaid invoice.
std::vector<AccountDataStatus> classify_accounts(const std::vector<Account>& accounts,
                                                 const std::vector<Contract>& contracts,
                                                 const std::vector<std::string>& accounts_with_unpaid,
                                                 const std::vector<ReversibilityRequest>& reversibility, Date run_date,
                                                 const PersonalDataTerms& terms);

}  // namespace clause
