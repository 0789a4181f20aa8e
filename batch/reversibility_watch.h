// The `reversibility` step of `clause nightly` (issue 15, RULES R3, R4): warns, in the log, before
// the dates a provider must not miss on an open reversibility: the delivery deadline of the dossier
// (R3, 10 jours ouvrés after the start) and the end of continuity (R4, take-over date or day 90),
// from kReversibilityWarningDays before the date to the date itself; and, every night after it, a
// delivery deadline passed with no signed minutes recorded (R5). The dates are the échéancier's
// (batch/schedule_entries.h), so both always agree.
// Decision: these are warnings, the night's exit code stays 0: nothing was refused or left undone
// by the batch, and a late dossier is the team's to hand over, not a failure of the run (a cron
// under -q still mails the warning lines).
#pragma once

#include "batch/run_context.h"
#include "model/time.h"

namespace clause {

// How many days before an R3 or R4 date the nightly starts warning.
inline constexpr int kReversibilityWarningDays = 7;

// Logs the warnings due on `night`; returns their number.
int warn_reversibility_dates(RunContext& context, Date night);

}  // namespace clause
