// Contract years and renewal dates (RULES N1, B3, T5). An anniversary is the start date plus whole
// years, each computed from the start (T5 clamping), so a contract signed on 2024-02-29 has its
// anniversaries on 2025-02-28, 2026-02-28, 2027-02-28 and 2028-02-29.
#pragma once

#include "model/contract.h"
#include "model/time.h"

namespace clause {

// The `years`-th anniversary of the contract (years >= 1; 0 gives the start).
Date anniversary(const Contract& contract, int years);
// The first anniversary (years >= 1) on or after `d`.
Date anniversary_on_or_after(const Contract& contract, Date d);
// N1: the first end of a term (start + k x term_months, k >= 1) on or after `d`: the date the
// contract renews tacitly unless terminated.
Date renewal_on_or_after(const Contract& contract, Date d);

}  // namespace clause
