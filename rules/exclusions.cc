// S6.
#include "rules/exclusions.h"

namespace clause {

IncidentExclusion incident_exclusion(const Incident& incident, const std::vector<RootAccessPeriod>& root_access,
                                     const ServiceLevelTerms& terms) {
  IncidentExclusion out;
  const std::string cause{to_word(incident.cause)};
  switch (incident.cause) {
    case IncidentCause::client:
    case IncidentCause::third_party:
    case IncidentCause::force_majeure:
      out.excluded = true;
      out.reason = "cause_" + cause;
      out.trace.add("S6", out.reason, {{"cause", cause}});
      return out;
    case IncidentCause::server:
    case IncidentCause::unknown:  // not proven external: the guarantee stands
      break;
  }
  if (terms.root_access_suspends) {
    for (const auto& period : root_access) {
      if (period.service_id != incident.service_id) continue;
      const bool after_start = period.start <= incident.contacted;
      const bool before_end = !period.end || incident.contacted < *period.end;
      if (after_start && before_end) {
        out.excluded = true;
        out.reason = "root_access";
        out.root_access_id = period.id;
        std::vector<Figure> figures{{"contacted", incident.contacted}, {"root_access_start", period.start}};
        if (period.end) figures.push_back({"root_access_end", *period.end});
        out.trace.add("S6", "root_access", std::move(figures));
        return out;
      }
    }
  }
  out.trace.add("S6", "no_exclusion", {{"cause", cause}});
  return out;
}

}  // namespace clause
