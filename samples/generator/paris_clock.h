// The Europe/Paris wall clock as a provider's export writes it: local time with its offset,
// "+02:00" in summer and "+01:00" in winter (EU rule: summer time from the last Sunday of March,
// 01:00 UTC, to the last Sunday of October, 01:00 UTC). The generator needs only this one zone;
// the rules layer has its own, configurable, calendar.
#pragma once

#include <chrono>
#include <string>

#include "model/time.h"

namespace clause {

// The offset of Paris local time from UTC at instant t: 60 or 120 minutes.
std::chrono::minutes paris_offset(Instant t);

// "2026-10-25T02:30:00+01:00": t in Paris local time, with its offset.
std::string format_paris(Instant t);

// The instant at which Paris clocks show `time_of_day` on `day`. In the hour repeated in October
// the first (summer) pass is meant; a time skipped in March is read as the winter time (it shows
// one hour later).
Instant paris_instant(Date day, std::chrono::minutes time_of_day);

}  // namespace clause
