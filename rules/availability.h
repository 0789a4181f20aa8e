// High-availability measure and credit (RULES S5; K Art. 14, HA annex). Availability of a local
// month = 1 - unavailable / month length, where unavailable is the union of the service's outages
// attributable to the provider (kind unplanned) clipped to the month. The tier decision compares
// integers exactly (no floating point); ppm figures are for display and floor toward 0.
#pragma once

#include <string_view>
#include <vector>

#include "model/money.h"
#include "model/operations.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

// One local day of the month, for the statement's chart.
struct DailyAvailability {
  Date day{};
  seconds length{0};  // 23, 24 or 25 h
  seconds unavailable{0};
  Ppm availability{};  // floor
};

struct AvailabilityMeasure {
  Interval month{};
  seconds month_length{0};
  seconds unavailable{0};                    // union of attributable outages, clipped
  Ppm availability{};                        // floor((length - unavailable) * 1e6 / length)
  ShownPercent shown{};                      // F1: floored, with the decimals that keep its tier visible
  std::vector<std::string> counted_outages;  // ids of the outages in the union
  std::vector<DailyAvailability> days;
  Trace trace;  // S5 "availability_measured"
};

// S5: the measure of `service_id` over the local month `m` (only `unplanned` outages count;
// overlapping outages are counted once); `tiers` decide how many decimals it is shown with (F1).
AvailabilityMeasure measure_availability(const std::vector<Outage>& outages, std::string_view service_id, YearMonth m,
                                         const ContractClock& clock, const std::vector<AvailabilityTier>& tiers = {});

// F1: availability floored to 3 decimals of percent, or more when 3 would print a tier boundary
// the exact figure is above (99.90046 % is "99,9004 %", not "99,900 %"); exactly a boundary prints
// it ("99,9 %" for 43 min 12 s down in 30 days is "99,900 %").
ShownPercent shown_availability(seconds available, seconds length, const std::vector<AvailabilityTier>& tiers);

// S5: does the measure reach `tier` (>= min_ppm, or > when !inclusive), exactly:
// (length - unavailable) * 1e6 compared with min_ppm * length.
bool reaches(const AvailabilityMeasure& measure, const AvailabilityTier& tier);

struct AvailabilityCredit {
  Percent percent{0};
  Money monthly_fee{};
  Money credit{};
  Trace trace;  // S5 "availability_tier"
};

// S5: the first tier (profile order, best first) the measure reaches earns its percent of
// `monthly_fee`; no tier reached, or credits off (S10), gives 0.
AvailabilityCredit availability_credit(const AvailabilityMeasure& measure, Money monthly_fee,
                                       const ServiceLevelTerms& terms);

}  // namespace clause
