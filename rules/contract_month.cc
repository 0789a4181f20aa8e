#include "rules/contract_month.h"

#include <algorithm>
#include <map>

#include "rules/service_end.h"

namespace clause {
namespace {

std::vector<AllowanceUse> allowance_uses(const ContractRecords& r, const TermsProfile& terms,
                                         const ContractClock& clock, YearMonth m) {
  const Date last = m.last_day();
  const ContractYear year = contract_year_of(r.contract, last);
  std::map<std::string, int> used;
  for (const auto& i : r.interventions) {
    if (i.kind != InterventionKind::emergency) continue;
    Date d = clock.local_date(i.start);
    if (d >= year.begin && d <= last) ++used[i.service_id];
  }
  std::vector<AllowanceUse> out;
  for (const auto& s : r.services) {
    if (s.kind != ServiceKind::server && s.kind != ServiceKind::ha_cluster) continue;
    AllowanceUse u{s.id, year, used[s.id], terms.interventions.emergencies_per_server_year, 0};
    u.billable = std::max(0, u.used - u.allowance);
    out.push_back(u);
  }
  return out;
}

std::vector<RootAccessInMonth> root_access_in_month(const ContractRecords& r, const Interval& month,
                                                    const std::vector<ServiceMonthCredits>& services) {
  std::vector<RootAccessInMonth> out;
  for (const auto& p : r.root_access_periods) {
    bool overlaps = p.start < month.end && (!p.end || *p.end > month.begin);
    if (!overlaps) continue;
    RootAccessInMonth entry{p, {}};
    for (const auto& s : services)
      for (const auto& line : s.incidents)
        if (line.exclusion.root_access_id == p.id) entry.suspended_incidents.push_back(line.incident_id);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

bool active_in_month(const Contract& contract, YearMonth m) {
  const std::optional<Date> end = service_end(contract);  // N4
  return contract.start <= m.last_day() && (!end || *end >= m.first_day());
}

bool statement_month(const Contract& contract, const std::optional<ContinuityPeriod>& continuity, YearMonth m) {
  return active_in_month(contract, m) || (continuity && continuity_days_in(*continuity, m));
}

ContractMonthFigures compute_contract_month(const ContractRecords& r, const TermsProfile& terms,
                                            const ContractClock& clock, YearMonth m) {
  ContractMonthFigures out;
  out.month = m;
  out.interval = clock.month(m);
  out.continuity = contract_continuity(r, terms.reversibility);
  if (out.continuity) out.continuity_days = continuity_days_in(*out.continuity, m);
  for (const auto& s : r.services) {
    auto credits = compute_service_credits(r.contract, s, terms, clock, m, r.incidents, r.outages,
                                           r.root_access_periods, r.fee_revisions, out.continuity);
    out.total_credit += credits.total;
    out.problems.insert(out.problems.end(), credits.problems.begin(), credits.problems.end());
    out.services.push_back(std::move(credits));
  }
  out.interventions = bill_interventions(r.contract, terms.interventions, clock, r.interventions, out.interval);
  out.allowances = allowance_uses(r, terms, clock, m);
  out.advice = advice_balance(r.contract, r.services, terms.interventions, clock, r.interventions, m);
  out.support = support_ack_rate(r.support_tickets, m, clock, terms.service_levels);
  const Date start = r.contract.start;
  const std::optional<Date> checked_from = start > m.first_day() ? std::optional<Date>(start) : std::nullopt;
  for (const auto& s : r.services) {
    if (s.kind != ServiceKind::server && s.kind != ServiceKind::ha_cluster) continue;
    if (terms.backups.daily_required)
      out.daily_backups.push_back(daily_backup_compliance(s.id, r.backups, m, clock, terms.backups, checked_from));
    if (r.contract.backup_option) out.backup_history.push_back({s.id, backup_history(s.id, r.backups, m, clock)});
  }
  out.root_access = root_access_in_month(r, out.interval, out.services);
  return out;
}

}  // namespace clause
