// Retention of issued legal documents (RULES G6, C. com. L123-22): an invoice or a credit note is
// kept `legal_retention_years` (10) from the END of the year of its date, then listed for
// destruction. A document dated 2016-06-30 is kept through 2026-12-31 and may be destroyed from
// 2027-01-01 on. Pure: the run date is a parameter.
#pragma once

#include "model/terms.h"
#include "model/time.h"

namespace clause {

// The first day a document dated `issued_on` may be destroyed: 1 January of year + years + 1.
Date retention_ends(Date issued_on, const PersonalDataTerms& terms);

// G6: whether a document dated `issued_on` is past its retention on `run_date`.
bool past_retention(Date issued_on, Date run_date, const PersonalDataTerms& terms);

}  // namespace clause
