// S1-S10 assembled per service and month.
#include "rules/service_credits.h"

#include <algorithm>

namespace clause {
namespace {

void append(Trace& to, const Trace& from) { to.steps.insert(to.steps.end(), from.steps.begin(), from.steps.end()); }

// S6 with F1: an excluded incident's lateness stays in its trace, but no tier or amount is named
// for a credit it does not earn ("palier de 25 % = 125,00 €" beside "cause : client" misled).
void withhold_tiers(Trace& trace) {
  for (auto& step : trace.steps) {
    if (step.key != "gti_late" && step.key != "gtr_late") continue;
    step.key += "_excluded";
    std::erase_if(step.figures,
                  [](const Figure& f) { return f.name == "tier" || f.name == "monthly_fee" || f.name == "credit"; });
  }
}

}  // namespace

ServiceMonthCredits compute_service_credits(const Contract& contract, const Service& service, const TermsProfile& terms,
                                            const ContractClock& clock, YearMonth m,
                                            const std::vector<Incident>& incidents, const std::vector<Outage>& outages,
                                            const std::vector<RootAccessPeriod>& root_access,
                                            const std::vector<FeeRevision>& fees,
                                            const std::optional<ContinuityPeriod>& continuity) {
  const ServiceLevelTerms& levels = terms.service_levels;
  ServiceMonthCredits out;
  out.service_id = service.id;
  out.month = m;
  out.credits_enabled = levels.credits;
  if (!levels.credits) out.trace.add("S10", "no_credit_table", {{"profile", terms.name}});

  std::vector<const Incident*> of_month;
  for (const auto& incident : incidents)
    if (incident.service_id == service.id && clock.month_of(incident.contacted) == m) of_month.push_back(&incident);
  std::sort(of_month.begin(), of_month.end(), [](const Incident* a, const Incident* b) {
    return a->contacted < b->contacted || (a->contacted == b->contacted && a->id < b->id);
  });

  Money subtotal{};
  for (const Incident* incident : of_month) {
    IncidentCreditLine line;
    line.incident_id = incident->id;
    line.contacted = incident->contacted;
    line.local_date = clock.local_date(incident->contacted);
    line.trace.add("S8", "incident_month", {{"contacted", incident->contacted}, {"local_date", line.local_date}});
    const auto fee = monthly_fee_on(fees, service.id, line.local_date, contract.billing);
    if (fee) {
      line.monthly_fee = fee->monthly;
      append(line.trace, fee->trace);
    } else {
      out.problems.push_back("no fee in force for service " + service.id + " on " + format_date(line.local_date) +
                             " (incident " + incident->id + ")");
    }
    line.exclusion = incident_exclusion(*incident, root_access, levels);
    append(line.trace, line.exclusion.trace);
    line.gti = gti_outcome(*incident, line.monthly_fee, levels, clock);
    line.gtr = gtr_outcome(*incident, contract, line.monthly_fee, levels);
    if (line.exclusion.excluded) {
      // S6: the measures stay visible; the credits are withheld.
      line.gti.credit = Money{};
      line.gtr.credit = Money{};
      withhold_tiers(line.gti.trace);
      withhold_tiers(line.gtr.trace);
    }
    append(line.trace, line.gti.trace);
    append(line.trace, line.gtr.trace);
    line.credit = line.gti.credit + line.gtr.credit;
    subtotal += line.credit;
    out.incidents.push_back(std::move(line));
  }

  out.month_fee = highest_monthly_fee(fees, service.id, m.first_day(), m.last_day(), contract.billing);
  if (!out.month_fee && (contract.high_availability || !out.incidents.empty()))
    out.problems.push_back("no fee in force for service " + service.id + " in " + format_year_month(m));
  const Money month_fee = out.month_fee ? out.month_fee->monthly : Money{};

  if (contract.high_availability) {
    AvailabilityLine line;
    line.measure = measure_availability(outages, service.id, m, clock, levels.availability_tiers);
    line.credit = availability_credit(line.measure, month_fee, levels);
    subtotal += line.credit.credit;
    out.availability = std::move(line);
  }

  // S7 Decision: a month billed for part of its days at a prorated price (B2 first period, R4
  // continuity) caps at the fee billed for it; the tiers above still used the monthly fee.
  Money cap_base = month_fee;
  if (out.month_fee) {
    const MonthBilling billing = month_billing(contract, terms.billing, m, continuity);
    if (billing.prorated) {
      BilledFee billed = fee_billed_for_month(*out.month_fee, billing);
      cap_base = billed.amount;
      out.prorated_month = true;
      append(out.trace, billed.trace);
    }
  }
  // With no fee for the month the cap is 0: better no credit than an unbounded one; the
  // problem is listed for a human to look at.
  out.cap = apply_credit_cap(subtotal, cap_base, levels);
  out.total = out.cap.total;
  if (levels.credits) append(out.trace, out.cap.trace);  // S10: no cap to speak of without credits
  return out;
}

}  // namespace clause
