// Backup compliance (RULES K1, D Art. 4) and backup history (K2, K Annex 1).
// K1: each local day of the month needs a successful backup of every required scope (system, files,
// databases; a `full` backup covers them all) started inside the local window [01:00, 06:00), stored
// off-site when required (location starting "offsite"). A restore point is a complete day (every
// required scope successful, in the window, off-site when required) among the last retention_days
// local days of the month: at most retention_days (7), never a count of backup files.
// K2: the backups started in the local month, for the history the statement lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/backup.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

// A day without a complete backup and the scopes it lacks.
struct IncompleteBackupDay {
  Date day{};
  std::vector<BackupScope> missing;  // in the order of BackupTerms.required_scopes
  friend bool operator==(const IncompleteBackupDay&, const IncompleteBackupDay&) = default;
};

// K1: a complete day still held at month end, and the backups that make it complete.
struct RestorePoint {
  Date day{};
  Instant start{};              // the latest start among `backups`: when the day became complete
  std::vector<Backup> backups;  // the day's backups of a required scope, in the window, by start
  friend bool operator==(const RestorePoint&, const RestorePoint&) = default;
};

struct ServerBackupMonth {
  std::string service_id;
  int days_checked = 0;
  std::vector<IncompleteBackupDay> incomplete_days;
  std::vector<RestorePoint> restore_points;  // complete days held at month end, oldest first
  Trace trace;
  friend bool operator==(const ServerBackupMonth&, const ServerBackupMonth&) = default;
};

// K1: the month of one server: the local days of `month` from `checked_from` on (the contract
// start, when inside the month) without a complete backup, and the restore points at month end
// (the complete days among the month's last retention_days local days, whatever `checked_from`).
// `backups` may hold other servers' backups; only `service_id`'s count. No day is checked when
// the profile does not require daily backups.
ServerBackupMonth daily_backup_compliance(const std::string& service_id, const std::vector<Backup>& backups,
                                          YearMonth month, const ContractClock& clock, const BackupTerms& terms,
                                          std::optional<Date> checked_from = std::nullopt);

// K2: the backups of `service_id` started in the local `month`, oldest first, whatever their status.
std::vector<Backup> backup_history(const std::string& service_id, const std::vector<Backup>& backups, YearMonth month,
                                   const ContractClock& clock);

}  // namespace clause
