#include "rules/fee_history.h"

#include <algorithm>
#include <map>

#include "rules/anniversary.h"
#include "rules/revision.h"
#include "rules/service_end.h"

namespace clause {

FeeHistory fee_history_through(const Contract& contract, const std::vector<FeeRevision>& recorded, Date through,
                               const std::vector<PriceIndex>& indices, const BillingTerms& terms) {
  FeeHistory out;
  out.revisions = recorded;
  if (terms.revision) {
    std::map<std::string, FeeRevision> latest;
    for (const auto& r : recorded) {
      auto it = latest.find(r.service_id);
      if (it == latest.end() || it->second.effective < r.effective) latest[r.service_id] = r;
    }
    // R4: after the end of service (N4) the price carries over through continuity: no revision.
    const std::optional<Date> end = service_end(contract);
    for (auto& [service, in_force] : latest) {
      for (int year = 1;; ++year) {
        Date a = anniversary(contract, year);
        if (a > through || (end && a > *end)) break;
        if (a <= in_force.effective) continue;
        RevisionOutcome r = revise_on_anniversary(in_force, a, indices, terms);
        out.trace.steps.insert(out.trace.steps.end(), r.trace.steps.begin(), r.trace.steps.end());
        if (!r.revision) {
          if (r.error && !out.error) out.error = *r.error + " (service " + service + ")";
          break;
        }
        in_force = *r.revision;
        out.computed.push_back(in_force);
        out.revisions.push_back(in_force);
      }
    }
  }
  std::stable_sort(out.revisions.begin(), out.revisions.end(), [](const FeeRevision& a, const FeeRevision& b) {
    return a.service_id != b.service_id ? a.service_id < b.service_id : a.effective < b.effective;
  });
  return out;
}

}  // namespace clause
