#include "rules/revision.h"

#include "rules/anniversary.h"

namespace clause {

std::optional<PriceIndex> last_published_index(const std::vector<PriceIndex>& indices, const std::string& name,
                                               Date on) {
  std::optional<PriceIndex> best;
  for (const PriceIndex& index : indices) {
    if (index.name != name || index.published > on) continue;
    if (!best || index.month > best->month || (index.month == best->month && index.published > best->published))
      best = index;
  }
  return best;
}

RevisionOutcome revise_on_anniversary(const FeeRevision& in_force, Date anniversary,
                                      const std::vector<PriceIndex>& indices, const BillingTerms& terms) {
  RevisionOutcome out;
  if (!terms.revision) {
    out.trace.add("B3", "price_guaranteed", {{"anniversary", anniversary}, {"price", in_force.period_price}});
    return out;
  }
  std::optional<PriceIndex> latest = last_published_index(indices, terms.revision_index, anniversary);
  if (!latest) {
    out.error =
        "B3: no " + terms.revision_index + " index published on or before the anniversary " + format_date(anniversary);
    out.trace.add("B3", "index_missing", {{"anniversary", anniversary}});
    return out;
  }
  Milli previous = in_force.index_value.value_or(terms.revision_base_index);
  Money price = scale_rounded(in_force.period_price, latest->value.thousandths, previous.thousandths);
  out.revision = FeeRevision{in_force.service_id, anniversary, price, latest->value};
  out.trace.add("B3", "syntec_revision",
                {{"anniversary", anniversary},
                 {"previous_price", in_force.period_price},
                 {"previous_index", previous},
                 {"index", latest->value},
                 {"index_month", format_year_month(latest->month)},
                 {"index_published", latest->published},
                 {"price", price}});
  return out;
}

RevisionChain revisions_through(const Contract& contract, const FeeRevision& initial, Date through,
                                const std::vector<PriceIndex>& indices, const BillingTerms& terms) {
  RevisionChain chain;
  FeeRevision in_force = initial;
  for (int year = 1; anniversary(contract, year) <= through; ++year) {
    RevisionOutcome step = revise_on_anniversary(in_force, anniversary(contract, year), indices, terms);
    chain.trace.steps.insert(chain.trace.steps.end(), step.trace.steps.begin(), step.trace.steps.end());
    if (step.error) {
      chain.error = step.error;
      break;
    }
    if (!step.revision) break;  // price guaranteed: no revision ever
    in_force = *step.revision;
    chain.revisions.push_back(in_force);
  }
  return chain;
}

}  // namespace clause
