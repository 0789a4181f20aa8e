// B3: the revisions an invoice records (revisions_due.h).
#include "rules/revisions_due.h"

#include <set>
#include <string>
#include <utility>

namespace clause {

std::vector<FeeRevision> revisions_to_record(const std::vector<FeeRevision>& computed,
                                             const std::vector<FeeRevision>& recorded) {
  std::set<std::pair<std::string, Date>> held;
  for (const FeeRevision& r : recorded) held.insert({r.service_id, r.effective});
  std::vector<FeeRevision> out;
  for (const FeeRevision& r : computed)
    if (!held.count({r.service_id, r.effective})) out.push_back(r);
  return out;
}

}  // namespace clause
