// The reference of a monthly statement, "RM-<contract>-<month>" ("RM-CTR-K-GARNIER-2026-11"), and
// of its n-th corrective statement, "RM-CTR-K-GARNIER-2026-11-R1": printed on the statement and
// cited by the credit notes of its credits (K Art. 14). Built here only, so that both say the same.
#pragma once

#include <string>

#include "model/time.h"

namespace clause {

// "RM-<contract>-<YYYY-MM>", or with "-R<revision>" for the revision-th corrective statement.
inline std::string statement_reference(const std::string& contract_id, YearMonth month, int revision = 0) {
  std::string reference = "RM-" + contract_id + "-" + format_year_month(month);
  if (revision > 0) reference += "-R" + std::to_string(revision);
  return reference;
}

}  // namespace clause
