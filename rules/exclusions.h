// Exclusions (RULES S6; K Art. 5, 7; D Art. 5, 6): incidents that earn no GTI/GTR credit even
// when late. Their measures are still reported; only the credit is withheld, with the reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/operations.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct IncidentExclusion {
  bool excluded = false;
  std::string reason;  // "cause_client" | "cause_third_party" | "cause_force_majeure" | "root_access"
  std::optional<std::string> root_access_id;
  Trace trace;  // S6 step naming the reason, or "no_exclusion"
};

// S6: excluded when the cause is the client, a third party or force majeure, or, when the
// profile's root_access_suspends holds, when the incident was contacted during a root-access
// period of the same service ([start, end), open periods never end).
IncidentExclusion incident_exclusion(const Incident& incident, const std::vector<RootAccessPeriod>& root_access,
                                     const ServiceLevelTerms& terms);

}  // namespace clause
