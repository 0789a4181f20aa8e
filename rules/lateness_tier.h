// Lateness tiers (RULES S2, S4): "lateness >= at_least earns percent of the monthly fee". Shared by
// the intervention (GTI) and restoration (GTR) guarantees, whose tables differ only in figures.
#pragma once

#include <vector>

#include "model/money.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

// The percent of the highest tier whose threshold `lateness` reaches. Thresholds are inclusive
// (S2 Decision: exactly 1 h late gives 10 %); 0 when no tier is reached or the table is empty.
Percent lateness_tier_percent(seconds lateness, const std::vector<LatenessTier>& tiers);

// `percent` of `fee`, rounded half away from zero to the cent (B6).
Money percent_of(Money fee, Percent percent);

}  // namespace clause
