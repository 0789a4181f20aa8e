// The guaranteed intervention time, GTI (RULES S1, S2; K Art. 5, Art. 14): how soon after an
// emergency request the provider must start working, and the credit owed when it starts late.
#pragma once

#include <optional>

#include "model/operations.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

// S1: the deadline of a request contacted at `contacted`.
struct GtiDeadline {
  Instant contacted{};
  bool contacted_in_ho = false;
  Instant deadline{};
  Trace trace;  // S1 "gti_deadline_ho" | "gti_deadline_hno"
};

// S1: in HO, contacted + gti_in_ho business minutes (HO clock); in HNO, + gti_in_hno elapsed.
GtiDeadline gti_deadline(Instant contacted, const ServiceLevelTerms& terms, const ContractClock& clock);

// S2: how late the intervention started and what it earns.
struct GtiOutcome {
  GtiDeadline deadline;
  std::optional<Instant> intervention_start;  // none: not started, nothing measured
  seconds lateness{0};                        // elapsed, 0 when on time
  bool met = true;                            // started at or before the deadline
  Percent percent{0};                         // tier reached (0 when credits are off, S10)
  Money monthly_fee{};
  Money credit{};
  Trace trace;  // S1 step then S2 "gti_on_time" | "gti_late" | "gti_not_started"
};

// S2: lateness = intervention start - deadline (elapsed); tiers inclusive; credit = tier % of
// `monthly_fee`. With terms.credits false (S10) the lateness is measured and the credit is 0.
// An incident never started is reported "gti_not_started" and earns nothing here.
GtiOutcome gti_outcome(const Incident& incident, Money monthly_fee, const ServiceLevelTerms& terms,
                       const ContractClock& clock);

}  // namespace clause
