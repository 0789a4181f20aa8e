// I1-I3.
#include "rules/interventions.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace clause {

ContractYear contract_year_of(const Contract& contract, Date on) {
  // Anniversaries come from the start date itself (start + 12k months), not from the previous
  // anniversary, so that a 29 February start keeps its day in leap years.
  int k = std::max(0, int(on.year()) - int(contract.start.year()) - 1);
  while (add_months(contract.start, 12 * (k + 1)) <= on) ++k;
  while (k > 0 && add_months(contract.start, 12 * k) > on) --k;
  return ContractYear{k, add_months(contract.start, 12 * k), add_months(contract.start, 12 * (k + 1))};
}

long long started_steps(minutes time, minutes step) {
  if (time <= minutes{0} || step <= minutes{0}) return 0;
  return (time.count() + step.count() - 1) / step.count();
}

Money price_of_steps(long long steps, minutes step, Money hourly_rate) {
  return scale_rounded(hourly_rate, steps * step.count(), 60);
}

InterventionBilling bill_interventions(const Contract& contract, const InterventionTerms& terms,
                                       const ContractClock& clock, const std::vector<Intervention>& interventions,
                                       Interval period) {
  std::vector<const Intervention*> ordered;
  for (const auto& intervention : interventions)
    if (intervention.contract_id == contract.id && intervention.start < period.end) ordered.push_back(&intervention);
  std::sort(ordered.begin(), ordered.end(), [](const Intervention* a, const Intervention* b) {
    return std::tie(a->start, a->id) < std::tie(b->start, b->id);
  });

  InterventionBilling out;
  std::map<std::pair<std::string, int>, int> emergencies;  // (server, contract year) -> count so far
  for (const Intervention* intervention : ordered) {
    InterventionLine line;
    line.intervention_id = intervention->id;
    line.service_id = intervention->service_id;
    line.kind = intervention->kind;
    line.start = intervention->start;
    line.end = intervention->end;
    line.length = std::chrono::ceil<minutes>(std::max(seconds{0}, intervention->end - intervention->start));
    line.year = contract_year_of(contract, clock.local_date(intervention->start));
    if (intervention->kind == InterventionKind::emergency)
      line.emergency_rank = ++emergencies[{intervention->service_id, line.year.index}];
    if (!period.contains(intervention->start)) continue;  // counted towards the allowance only

    bool billed = false;
    switch (intervention->kind) {
      case InterventionKind::emergency:
        line.uses_allowance = line.emergency_rank <= terms.emergencies_per_server_year;
        billed = !line.uses_allowance;
        line.trace.add("I1", line.uses_allowance ? "emergency_in_allowance" : "emergency_beyond_allowance",
                       {{"rank", (long long)line.emergency_rank},
                        {"allowance", (long long)terms.emergencies_per_server_year},
                        {"year_begin", line.year.begin},
                        {"year_end", line.year.end}});
        break;
      case InterventionKind::client_caused:
        billed = true;
        line.trace.add("I3", "client_caused_billed");
        break;
      case InterventionKind::scheduled:
      case InterventionKind::advice:
        line.trace.add("I1", std::string("not_billed_") + std::string(to_word(intervention->kind)));
        break;
    }
    const bool limited =
        intervention->kind == InterventionKind::emergency || intervention->kind == InterventionKind::client_caused;
    if (limited) {
      line.covered = std::min(line.length, terms.max_length);
      line.excess = line.length - line.covered;
      line.excess_quoted = intervention->quote_reference.has_value();
      line.excess_not_billed = line.excess > minutes{0} && !line.excess_quoted;
      std::vector<Figure> figures{{"length", line.length}, {"max_length", terms.max_length}, {"excess", line.excess}};
      if (intervention->quote_reference) figures.push_back({"quote", *intervention->quote_reference});
      line.trace.add("I2",
                     line.excess == minutes{0} ? "within_length"
                     : line.excess_quoted      ? "excess_quoted"
                                               : "excess_quote_required",
                     std::move(figures));
      line.billed_time = (billed ? line.covered : minutes{0}) + (line.excess_quoted ? line.excess : minutes{0});
    }
    line.billed_steps = started_steps(line.billed_time, terms.billing_step);
    line.amount = price_of_steps(line.billed_steps, terms.billing_step, terms.hourly_rate);
    if (line.amount > Money{})
      line.trace.add("I1", "billed_steps",
                     {{"billed_time", line.billed_time},
                      {"step", terms.billing_step},
                      {"steps", line.billed_steps},
                      {"hourly_rate", terms.hourly_rate},
                      {"amount", line.amount}});
    out.total += line.amount;
    out.lines.push_back(std::move(line));
  }
  out.trace.add("I1", "interventions_total", {{"lines", (long long)out.lines.size()}, {"total", out.total}});
  return out;
}

}  // namespace clause
