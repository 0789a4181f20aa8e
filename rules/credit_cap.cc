// S7.
#include "rules/credit_cap.h"

#include <algorithm>

#include "rules/lateness_tier.h"

namespace clause {

CappedCredit apply_credit_cap(Money subtotal, Money monthly_fee, const ServiceLevelTerms& terms) {
  CappedCredit out;
  out.subtotal = subtotal;
  out.cap = percent_of(monthly_fee, Percent{terms.cap_percent_of_fee});
  out.reached = subtotal > out.cap;
  out.total = std::min(subtotal, out.cap);
  out.trace.add("S7", out.reached ? "cap_reached" : "cap_not_reached",
                {{"subtotal", subtotal}, {"cap_percent", Percent{terms.cap_percent_of_fee}},
                 {"monthly_fee", monthly_fee}, {"cap", out.cap}, {"total", out.total}});
  return out;
}

}  // namespace clause
