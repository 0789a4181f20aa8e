// A time zone as the configuration names it and the calendar reads it: a name and a POSIX TZ rule.
// A plain value in model/ so that settings/ (which loads it from [time_zones]) and rules/ (whose
// ContractClock applies it, T1) share it without settings/ depending on rules/.
#pragma once

#include <string>

namespace clause {

// A zone as a POSIX TZ rule in the standard sign convention, as found at the end of a tzdata file:
// Europe/Paris = "CET-1CEST,M3.5.0,M10.5.0/3" (UTC+1, summer UTC+2). The Boost sign reversal
// (TOOLCHAIN.md) is handled inside rules/calendar; callers never see it.
struct TimeZoneRule {
  std::string name;   // "Europe/Paris"
  std::string posix;  // "CET-1CEST,M3.5.0,M10.5.0/3"
};

}  // namespace clause
