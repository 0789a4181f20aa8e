// Which nights a `clause nightly` run goes through (issue "the nightly run"): the night asked, and
// first every night missed since the last completed one, oldest first, because invoice and
// credit-note numbers must follow their dates (B7): a later night numbered first would leave the
// earlier one unable to number anything. Pure: the run ledger's answer and the date come in.
#pragma once

#include <optional>
#include <vector>

#include "model/time.h"

namespace clause {

struct NightPlan {
  std::vector<Date> nights;  // in date order; the asked night last unless `left_over`
  int left_over = 0;         // missed nights beyond the limit, for the next run
};

// The nights to run for `asked`, given the last completed night (none: Clause's first night) and the
// most nights one run may go through, the asked one included: oldest first, so past the limit the
// asked night waits for the next run (`left_over` says how many wait). `limit` 0 turns catch-up off:
// the asked night alone, the missed ones counted in `left_over`. A night already completed is run
// again alone when asked (it issues nothing new).
NightPlan plan_nights(std::optional<Date> last_completed, Date asked, int limit);

}  // namespace clause
