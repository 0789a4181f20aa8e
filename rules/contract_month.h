// All the measures of one contract for one local month (RULES S, I, K): what a monthly statement
// shows and what the ledger records. Pure: computed from one ContractRecords, so a statement can
// only ever hold its own contract's data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract_records.h"
#include "model/terms.h"
#include "rules/advice.h"
#include "rules/backup_compliance.h"
#include "rules/calendar.h"
#include "rules/continuity.h"
#include "rules/interventions.h"
#include "rules/service_credits.h"
#include "rules/support_rate.h"

namespace clause {

// I1: emergencies used on one server in the contract year holding the month's end.
struct AllowanceUse {
  std::string service_id;
  ContractYear year;
  int used = 0;       // emergencies started in the year up to the month's end
  int allowance = 0;  // emergencies_per_server_year
  int billable = 0;   // used beyond the allowance
};

// S6: a root-access period overlapping the month and the incidents whose guarantees it suspended.
struct RootAccessInMonth {
  RootAccessPeriod period;
  std::vector<std::string> suspended_incidents;
};

// K2: the month's backup history of one server.
struct BackupHistory {
  std::string service_id;
  std::vector<Backup> backups;
};

struct ContractMonthFigures {
  YearMonth month{};
  Interval interval{};                           // the local month in UTC (T1)
  std::vector<ServiceMonthCredits> services;     // every service of the contract, by id
  Money total_credit{};                          // sum of the services' capped totals (S7)
  InterventionBilling interventions;             // I1-I3, interventions starting in the month
  std::vector<AllowanceUse> allowances;          // I1, per managed server
  AdviceBalance advice;                          // I4
  SupportRate support;                           // S9
  std::vector<ServerBackupMonth> daily_backups;  // K1 (profiles requiring daily backups)
  std::vector<BackupHistory> backup_history;     // K2 (contracts with the backup option)
  std::vector<RootAccessInMonth> root_access;    // S6
  std::optional<ContinuityPeriod> continuity;    // R4: from the contract's reversibility request
  std::optional<PeriodSpan> continuity_days;     // R4: its days in this month (a continuity month)
  std::vector<std::string> problems;             // data problems found while computing, reported not thrown
};

// Everything of `records` for local month `m`. `clock` is the contract's clock.
ContractMonthFigures compute_contract_month(const ContractRecords& records, const TermsProfile& terms,
                                            const ContractClock& clock, YearMonth m);

// Whether the contract is in force on some day of the local month `m` (start <= last day and
// no end of service, N4 service_end, before the first day).
bool active_in_month(const Contract& contract, YearMonth m);

// Whether the local month `m` gets a statement: the contract is in force on one of its days, or
// it holds days of reversibility continuity (R4 Decision: continuity months get statements).
bool statement_month(const Contract& contract, const std::optional<ContinuityPeriod>& continuity, YearMonth m);

}  // namespace clause
