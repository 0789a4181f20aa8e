// S1, S2 (K Art. 5, Art. 14).
#include "rules/gti.h"

#include "rules/lateness_tier.h"

namespace clause {

GtiDeadline gti_deadline(Instant contacted, const ServiceLevelTerms& terms, const ContractClock& clock) {
  GtiDeadline out;
  out.contacted = contacted;
  out.contacted_in_ho = clock.is_business_time(contacted);
  if (out.contacted_in_ho) {
    // The HO clock stops outside business hours (Friday 17:30 + 1 h = Monday 09:30).
    out.deadline = clock.add_business_time(contacted, terms.gti_in_ho);
    out.trace.add("S1", "gti_deadline_ho",
                  {{"contacted", contacted}, {"guarantee", terms.gti_in_ho}, {"deadline", out.deadline}});
  } else {
    out.deadline = contacted + terms.gti_in_hno;
    out.trace.add("S1", "gti_deadline_hno",
                  {{"contacted", contacted}, {"guarantee", terms.gti_in_hno}, {"deadline", out.deadline}});
  }
  return out;
}

GtiOutcome gti_outcome(const Incident& incident, Money monthly_fee, const ServiceLevelTerms& terms,
                       const ContractClock& clock) {
  GtiOutcome out;
  out.deadline = gti_deadline(incident.contacted, terms, clock);
  out.trace = out.deadline.trace;
  out.monthly_fee = monthly_fee;
  out.intervention_start = incident.intervention_start;
  if (!incident.intervention_start) {
    out.met = false;
    out.trace.add("S2", "gti_not_started", {{"deadline", out.deadline.deadline}});
    return out;
  }
  const Instant start = *incident.intervention_start;
  out.lateness = start > out.deadline.deadline ? start - out.deadline.deadline : seconds{0};
  out.met = start <= out.deadline.deadline;
  if (out.met) {
    out.trace.add("S2", "gti_on_time", {{"intervention_start", start}, {"deadline", out.deadline.deadline}});
    return out;
  }
  if (!terms.credits) {
    // S10: the lateness is reported; no tier is named where the terms have no credit table (F1).
    out.trace.add("S2", "gti_late_no_credit_table", {{"intervention_start", start}, {"lateness", out.lateness}});
    return out;
  }
  out.percent = lateness_tier_percent(out.lateness, terms.gti_tiers);
  out.credit = percent_of(monthly_fee, out.percent);
  out.trace.add("S2", "gti_late",
                {{"intervention_start", start},
                 {"lateness", out.lateness},
                 {"tier", out.percent},
                 {"monthly_fee", monthly_fee},
                 {"credit", out.credit}});
  return out;
}

}  // namespace clause
