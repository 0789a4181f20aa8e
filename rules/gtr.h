// The guaranteed restoration time, GTR (RULES S3, S4; K Art. 14): when it applies, how long the
// restoration took and the credit owed beyond the contract's base GTR.
#pragma once

#include <optional>

#include "model/contract.h"
#include "model/operations.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

// S3: the conditions, each as required by the profile, and the verdict.
struct GtrApplicability {
  bool applies = false;
  Trace trace;  // S3 "gtr_applies" | "gtr_not_applicable" with the three facts
};

// S3: applies when the failure is blocking, its cause is the server and the contract has the
// backup option (each condition only when the profile requires it).
GtrApplicability gtr_applicability(const Incident& incident, const Contract& contract, const ServiceLevelTerms& terms);

struct GtrOutcome {
  bool applies = false;
  bool measured = false;        // intervention start and restoration both known
  seconds restoration_time{0};  // restored - intervention start - backup restore (data loss)
  seconds backup_restore_removed{0};
  minutes base_gtr{0};  // the contract's gtr_hours
  seconds lateness{0};  // restoration_time - base_gtr, 0 when within
  Percent percent{0};
  Money monthly_fee{};
  Money credit{};
  Trace trace;  // S3 step, then S4 "gtr_within" | "gtr_late" | "gtr_not_restored"
};

// S4: the clock starts at the intervention start (not the contact); with data loss the time spent
// restoring backups is removed. gtr_hours = 0 (no base in the annex) means lateness equals the
// whole restoration time. Credit = tier % of `monthly_fee`, 0 when credits are off (S10).
// The measure is reported even when S3 says the guarantee does not apply (credit 0).
GtrOutcome gtr_outcome(const Incident& incident, const Contract& contract, Money monthly_fee,
                       const ServiceLevelTerms& terms);

}  // namespace clause
