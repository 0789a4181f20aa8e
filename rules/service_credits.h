// A service's credits for one local month (RULES S1-S10 together): one line per incident of the
// month (S8) with its GTI and GTR outcomes and exclusion, the HA availability line when the
// contract has the HA annex, then the S7 cap. This is what a statement shows for a service, and
// each line carries the trace `clause explain` prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract.h"
#include "model/operations.h"
#include "model/terms.h"
#include "rules/availability.h"
#include "rules/billed_month.h"
#include "rules/calendar.h"
#include "rules/continuity.h"
#include "rules/credit_cap.h"
#include "rules/exclusions.h"
#include "rules/gti.h"
#include "rules/gtr.h"
#include "rules/monthly_fee.h"
#include "rules/trace.h"

namespace clause {

struct IncidentCreditLine {
  std::string incident_id;
  Instant contacted{};
  Date local_date{};  // S7: the fee in force on this date
  Money monthly_fee{};
  IncidentExclusion exclusion;  // S6: excluded lines keep their measures, credit 0
  GtiOutcome gti;               // S1, S2
  GtrOutcome gtr;               // S3, S4 (gtr.applies false: measure only)
  Money credit{};               // gti.credit + gtr.credit, or 0 when excluded / credits off
  Trace trace;                  // S8, S7 fee, S6, S1, S2, S3, S4 steps in order
};

struct AvailabilityLine {
  AvailabilityMeasure measure;
  AvailabilityCredit credit;
};

struct ServiceMonthCredits {
  std::string service_id;
  YearMonth month{};
  bool credits_enabled = true;                   // S10: false for profiles without a credit table
  std::vector<IncidentCreditLine> incidents;     // the month's incidents of this service, by contact
  std::optional<AvailabilityLine> availability;  // only with the HA annex (S5)
  std::optional<MonthlyFee> month_fee;           // S7: highest monthly fee in force in the month
  bool prorated_month = false;                   // S7 Decision: billed for part of its days; cap = the fee billed
  CappedCredit cap;                              // subtotal, cap, total
  Money total{};                                 // == cap.total: what the credit note grants for this service
  std::vector<std::string> problems;             // data problems (no fee in force...), reported, never thrown
  Trace trace;                                   // S8 month, S10 when off, then the S7 cap step
};

// S1-S10 for `service` of `contract` in local month `m`. `incidents`, `outages`, `root_access` and
// `fees` may hold other services' or months' records: they are filtered here (service id; S8 local
// month of the contact). Incident lines use the fee in force on the incident's local date; the HA
// credit and the cap use the highest monthly fee in force during the month, except that the cap of
// a prorated month (S7 Decision: B2 first period, R4 continuity from `continuity`, see
// billed_month.h) is the fee billed for the month.
ServiceMonthCredits compute_service_credits(const Contract& contract, const Service& service, const TermsProfile& terms,
                                            const ContractClock& clock, YearMonth m,
                                            const std::vector<Incident>& incidents, const std::vector<Outage>& outages,
                                            const std::vector<RootAccessPeriod>& root_access,
                                            const std::vector<FeeRevision>& fees,
                                            const std::optional<ContinuityPeriod>& continuity = std::nullopt);

}  // namespace clause
