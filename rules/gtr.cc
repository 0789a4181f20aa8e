// S3, S4 (K Art. 14).
#include "rules/gtr.h"

#include <string>

#include "rules/lateness_tier.h"

namespace clause {

GtrApplicability gtr_applicability(const Incident& incident, const Contract& contract, const ServiceLevelTerms& terms) {
  GtrApplicability out;
  const bool blocking_ok = !terms.gtr_requires_blocking || incident.blocking;
  const bool cause_ok = !terms.gtr_requires_server_cause || incident.cause == IncidentCause::server;
  const bool backup_ok = !terms.gtr_requires_backup_option || contract.backup_option;
  out.applies = blocking_ok && cause_ok && backup_ok;
  out.trace.add("S3", out.applies ? "gtr_applies" : "gtr_not_applicable",
                {{"blocking", incident.blocking},
                 {"cause", std::string(to_word(incident.cause))},
                 {"backup_option", contract.backup_option}});
  return out;
}

GtrOutcome gtr_outcome(const Incident& incident, const Contract& contract, Money monthly_fee,
                       const ServiceLevelTerms& terms) {
  GtrOutcome out;
  const auto applicability = gtr_applicability(incident, contract, terms);
  out.applies = applicability.applies;
  out.trace = applicability.trace;
  out.monthly_fee = monthly_fee;
  out.base_gtr = std::chrono::hours{contract.gtr_hours};
  if (!incident.intervention_start || !incident.restored) {
    out.trace.add("S4", "gtr_not_restored");
    return out;
  }
  out.measured = true;
  const seconds elapsed = *incident.restored - *incident.intervention_start;
  out.backup_restore_removed = incident.data_loss ? seconds{incident.backup_restore} : seconds{0};
  out.restoration_time = std::max(seconds{0}, elapsed - out.backup_restore_removed);
  out.lateness = std::max(seconds{0}, out.restoration_time - seconds{out.base_gtr});
  std::vector<Figure> figures{{"intervention_start", *incident.intervention_start},
                              {"restored", *incident.restored},
                              {"backup_restore_removed", out.backup_restore_removed},
                              {"restoration_time", out.restoration_time},
                              {"base_gtr", out.base_gtr}};
  if (out.lateness == seconds{0}) {
    out.trace.add("S4", "gtr_within", std::move(figures));
    return out;
  }
  figures.push_back({"lateness", out.lateness});
  if (!out.applies || !terms.credits) {
    // F1: no tier is named when S3 ruled the GTR out, nor where the terms have no credit table.
    out.trace.add("S4", out.applies ? "gtr_late_no_credit_table" : "gtr_late_not_applicable", std::move(figures));
    return out;
  }
  out.percent = lateness_tier_percent(out.lateness, terms.gtr_tiers);
  out.credit = percent_of(monthly_fee, out.percent);
  figures.push_back({"tier", out.percent});
  figures.push_back({"monthly_fee", monthly_fee});
  figures.push_back({"credit", out.credit});
  out.trace.add("S4", "gtr_late", std::move(figures));
  return out;
}

}  // namespace clause
