// S7.
#include "rules/credit_cap.h"

#include <algorithm>

#include "rules/lateness_tier.h"

namespace clause {

CappedCredit apply_credit_cap(Money subtotal, Money monthly_fee, const ServiceLevelTerms& terms) {
  CappedCredit out;
  out.subtotal = subtotal;
  out.cap = percent_of(monthly_fee, Percent{terms.cap_percent_of_fee});
  // F1: a total equal to the cap has reached it ("plafond atteint"), even with nothing cut.
  out.reached = subtotal > out.cap || (subtotal == out.cap && subtotal > Money{});
  out.total = std::min(subtotal, out.cap);
  const char* key = subtotal > out.cap ? "cap_reached" : out.reached ? "cap_met" : "cap_not_reached";
  out.trace.add("S7", key,
                {{"subtotal", subtotal},
                 {"cap_percent", Percent{terms.cap_percent_of_fee}},
                 {"monthly_fee", monthly_fee},
                 {"cap", out.cap},
                 {"total", out.total}});
  return out;
}

}  // namespace clause
