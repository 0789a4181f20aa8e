#include "rules/backup_compliance.h"

#include <algorithm>

namespace clause {
namespace {

bool is_offsite(const Backup& b) { return b.location.rfind("offsite", 0) == 0; }

bool covers(const Backup& b, BackupScope scope) { return b.scope == scope || b.scope == BackupScope::full; }

std::vector<Backup> sorted_by_start(std::vector<Backup> backups) {
  std::stable_sort(backups.begin(), backups.end(), [](const Backup& a, const Backup& b) { return a.start < b.start; });
  return backups;
}

// One local day's successful backups that count (in the window, off-site when required, of a
// required scope) and the required scopes none of them covers.
struct DayBackups {
  std::vector<Backup> used;          // by start
  std::vector<BackupScope> missing;  // in the order of required_scopes
};

DayBackups day_backups(const std::vector<Backup>& own, Date day, const ContractClock& clock, const BackupTerms& terms) {
  DayBackups out{{}, terms.required_scopes};
  for (const Backup& b : own) {
    LocalTime local = clock.to_local(b.start);
    if (local.date != day || local.time_of_day < terms.window_opens || local.time_of_day >= terms.window_closes)
      continue;
    if (terms.offsite_required && !is_offsite(b)) continue;
    bool required = std::any_of(terms.required_scopes.begin(), terms.required_scopes.end(),
                                [&](BackupScope s) { return covers(b, s); });
    if (!required) continue;
    out.used.push_back(b);
    std::erase_if(out.missing, [&](BackupScope s) { return covers(b, s); });
  }
  return out;
}

}  // namespace

ServerBackupMonth daily_backup_compliance(const std::string& service_id, const std::vector<Backup>& backups,
                                          YearMonth month, const ContractClock& clock, const BackupTerms& terms,
                                          std::optional<Date> checked_from) {
  ServerBackupMonth out;
  out.service_id = service_id;
  const Date month_last = month.last_day();
  // Kept retention_days rolling days: at the month's end, its last retention_days local days.
  const Date retention_first = add_days(month_last, 1 - terms.retention_days);
  const Interval span = clock.month(month);
  const Interval looked_at{std::min(span.begin, clock.to_instant(retention_first, minutes{0})), span.end};
  std::vector<Backup> own;
  for (const Backup& b : backups)
    if (b.service_id == service_id && b.status == BackupStatus::success && looked_at.contains(b.start))
      own.push_back(b);
  own = sorted_by_start(std::move(own));

  if (terms.daily_required) {
    Date day = month.first_day();
    if (checked_from && *checked_from > day) day = *checked_from;
    for (; day <= month_last; day = add_days(day, 1)) {
      ++out.days_checked;
      DayBackups d = day_backups(own, day, clock, terms);
      if (!d.missing.empty()) out.incomplete_days.push_back({day, std::move(d.missing)});
    }
    out.trace.add("K1", "daily_backups",
                  {{"days_checked", static_cast<long long>(out.days_checked)},
                   {"incomplete_days", static_cast<long long>(out.incomplete_days.size())},
                   {"window_opens", terms.window_opens},
                   {"window_closes", terms.window_closes},
                   {"offsite_required", terms.offsite_required}});
  } else {
    out.trace.add("K1", "daily_backups_not_required");
  }

  for (Date day = retention_first; day <= month_last; day = add_days(day, 1)) {
    DayBackups d = day_backups(own, day, clock, terms);
    if (!d.missing.empty() || d.used.empty()) continue;
    out.restore_points.push_back({day, d.used.back().start, std::move(d.used)});
  }
  out.trace.add("K1", "restore_points_at_month_end",
                {{"month_end", span.end},
                 {"retention_days", static_cast<long long>(terms.retention_days)},
                 {"restore_points", static_cast<long long>(out.restore_points.size())}});
  return out;
}

std::vector<Backup> backup_history(const std::string& service_id, const std::vector<Backup>& backups, YearMonth month,
                                   const ContractClock& clock) {
  const Interval span = clock.month(month);
  std::vector<Backup> out;
  for (const Backup& b : backups)
    if (b.service_id == service_id && span.contains(b.start)) out.push_back(b);
  return sorted_by_start(std::move(out));
}

}  // namespace clause
