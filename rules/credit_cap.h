// The monthly cap on credits (RULES S7; K Art. 14): all credits of one service in one month
// (GTI + GTR + HA) never exceed cap_percent_of_fee of that service's monthly fee.
#pragma once

#include "model/money.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct CappedCredit {
  Money subtotal{};  // before the cap
  Money cap{};
  Money total{};         // min(subtotal, cap)
  bool reached = false;  // subtotal >= cap (F1: equal is "reached"); cut only when >
  Trace trace;           // S7 "cap_reached" (cut) | "cap_met" (equal) | "cap_not_reached"
};

// S7: cap = cap_percent_of_fee % of `monthly_fee` (rounded to the cent); total = min(subtotal, cap).
CappedCredit apply_credit_cap(Money subtotal, Money monthly_fee, const ServiceLevelTerms& terms);

}  // namespace clause
