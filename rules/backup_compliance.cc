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

}  // namespace

ServerBackupMonth daily_backup_compliance(const std::string& service_id, const std::vector<Backup>& backups,
                                          YearMonth month, const ContractClock& clock, const BackupTerms& terms,
                                          std::optional<Date> checked_from) {
  ServerBackupMonth out;
  out.service_id = service_id;
  std::vector<Backup> own;
  for (const Backup& b : backups)
    if (b.service_id == service_id && b.status == BackupStatus::success) own.push_back(b);
  own = sorted_by_start(std::move(own));

  if (terms.daily_required) {
    const Date month_last = add_days(month.next().first_day(), -1);
    Date day = month.first_day();
    if (checked_from && *checked_from > day) day = *checked_from;
    for (; day <= month_last; day = add_days(day, 1)) {
      ++out.days_checked;
      std::vector<BackupScope> missing = terms.required_scopes;
      for (const Backup& b : own) {
        LocalTime local = clock.to_local(b.start);
        if (local.date != day || local.time_of_day < terms.window_opens || local.time_of_day >= terms.window_closes)
          continue;
        if (terms.offsite_required && !is_offsite(b)) continue;
        std::erase_if(missing, [&](BackupScope s) { return covers(b, s); });
      }
      if (!missing.empty()) out.incomplete_days.push_back({day, std::move(missing)});
    }
    out.trace.add("K1", "daily_backups",
                  {{"days_checked", static_cast<long long>(out.days_checked)},
                   {"incomplete_days", static_cast<long long>(out.incomplete_days.size())},
                   {"window_opens", terms.window_opens}, {"window_closes", terms.window_closes},
                   {"offsite_required", terms.offsite_required}});
  } else {
    out.trace.add("K1", "daily_backups_not_required");
  }

  const Instant month_end = clock.month(month).end;
  const Instant oldest = month_end - std::chrono::days{terms.retention_days};
  for (const Backup& b : own)
    if (b.start < month_end && b.start >= oldest) out.restore_points.push_back(b);
  out.trace.add("K1", "restore_points_at_month_end",
                {{"month_end", month_end}, {"retention_days", static_cast<long long>(terms.retention_days)},
                 {"restore_points", static_cast<long long>(out.restore_points.size())}});
  return out;
}

std::vector<Backup> backup_history(const std::string& service_id, const std::vector<Backup>& backups,
                                   YearMonth month, const ContractClock& clock) {
  const Interval span = clock.month(month);
  std::vector<Backup> out;
  for (const Backup& b : backups)
    if (b.service_id == service_id && span.contains(b.start)) out.push_back(b);
  return sorted_by_start(std::move(out));
}

}  // namespace clause
