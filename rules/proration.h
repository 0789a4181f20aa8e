// Proration of a first, partial billing period (RULES B2, K Art. 8.3): a K contract starting inside
// a period pays price x remaining days / days in the period, rounded half away from zero to the
// cent. D never prorates: its periods start on the contract date (prorate_first_period = false).
#pragma once

#include "model/money.h"
#include "model/terms.h"
#include "rules/billing_period.h"
#include "rules/trace.h"

namespace clause {

struct ProratedPrice {
  Money amount;
  int days_billed = 0;  // billed_from .. period.last, both included
  int days_in_period = 0;
  Trace trace;
  friend bool operator==(const ProratedPrice&, const ProratedPrice&) = default;
};

// B2: the amount due for `due` given the full `period_price`; the full price when the period is
// whole or the profile does not prorate.
ProratedPrice period_amount(Money period_price, const DuePeriod& due, const BillingTerms& terms);

}  // namespace clause
