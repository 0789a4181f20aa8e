// End of service (RULES N4, K Art. 9; N1, D Art. 7). A contract's service ends on its recorded `end`
// when one is known. Otherwise a contract without tacit renewal ("résilié de plein droit à son
// échéance", K Art. 9) ends the day before start + term_months (T5 month arithmetic); a tacitly
// renewed one (D) renews for the same term at each anniversary until an `end` is recorded.
// The contract record's own term_months and tacit_renewal are what was signed (the profile's [term]
// values are the defaults a new contract takes), so these read the contract only.
#pragma once

#include <optional>

#include "model/contract.h"
#include "model/time.h"

namespace clause {

// N4: the last day of service: `end` when recorded; else start + term_months - 1 day without tacit
// renewal (2026-01-01 + 36 months - 1 day = 2028-12-31); nothing for a tacitly renewed contract
// with no `end`.
std::optional<Date> service_end(const Contract& contract);

// N4: whether `d` is a day of service (start <= d <= service_end).
bool in_service_on(const Contract& contract, Date d);

// N1: the date a tacitly renewed contract next renews on or after `d` (start + k x term_months,
// k >= 1). Nothing without tacit renewal, or when the service ends before that date.
std::optional<Date> next_renewal_on_or_after(const Contract& contract, Date d);

}  // namespace clause
