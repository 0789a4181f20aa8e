#include "rules/anniversary.h"

#include <algorithm>

#include "rules/calendar.h"

namespace clause {
namespace {

// The first start + k x months (k >= 1) on or after d.
Date first_step_on_or_after(Date start, int months, Date d) {
  int years_apart = static_cast<int>(d.year()) - static_cast<int>(start.year());
  int k = std::max(1, (years_apart * 12) / months - 1);
  while (k > 1 && add_months(start, (k - 1) * months) >= d) --k;
  while (add_months(start, k * months) < d) ++k;
  return add_months(start, k * months);
}

}  // namespace

Date anniversary(const Contract& contract, int years) { return add_months(contract.start, 12 * years); }

Date anniversary_on_or_after(const Contract& contract, Date d) { return first_step_on_or_after(contract.start, 12, d); }

Date renewal_on_or_after(const Contract& contract, Date d) {
  return first_step_on_or_after(contract.start, contract.term_months > 0 ? contract.term_months : 12, d);
}

}  // namespace clause
