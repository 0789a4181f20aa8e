#include "batch/night_plan.h"

#include "rules/calendar.h"

namespace clause {

NightPlan plan_nights(std::optional<Date> last_completed, Date asked, int limit) {
  NightPlan plan;
  if (!last_completed || *last_completed >= asked) {
    plan.nights.push_back(asked);
    return plan;
  }
  const int missed = int((std::chrono::sys_days{asked} - std::chrono::sys_days{*last_completed}).count()) - 1;
  if (limit <= 0) {  // no catch-up: the missed nights are reported, never run
    plan.nights.push_back(asked);
    plan.left_over = missed;
    return plan;
  }
  for (Date night = add_days(*last_completed, 1); night <= asked; night = add_days(night, 1)) {
    if (int(plan.nights.size()) == limit)
      ++plan.left_over;
    else
      plan.nights.push_back(night);
  }
  return plan;
}

}  // namespace clause
