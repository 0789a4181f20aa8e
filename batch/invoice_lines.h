// The lines of the documents the invoices job issues, before arithmetic: the service fees of the
// period billed in advance (B1, B2, B3), the variable lines of the previous period (I1-I3
// interventions, B5 mail overage) and the service credits of a month (B4). Amounts come from the
// rules; this file only chooses quantity and unit so that quantity x unit price gives back exactly
// the rule's amount (B6 rounds each line again), and fills the phrases of templates/<lang>/billing.json.
#pragma once

#include <string>
#include <vector>

#include "batch/prepared_contract.h"
#include "reports/format.h"
#include "reports/invoice/billing_wording.h"
#include "rules/billing_period.h"
#include "rules/continuity.h"
#include "rules/invoice_arithmetic.h"
#include "store/ledger.h"

namespace clause {

// An invoice line with its UN/ECE rec. 20 unit (C62 one, HUR hour).
struct DraftLine {
  InvoiceLineInput input;
  std::string unit_code = "C62";
};

// B1-B3: one line per service with a price in force on due.billed_from, prorated (B2).
// I1-I3, B5: the billable interventions and mail overage of the period before due.period
// (Decision: variable lines are billed on the next periodic invoice; for D, the annual one).
std::vector<DraftLine> invoice_lines(const PreparedContract& contract, const DuePeriod& due,
                                     const BillingWording& wording);

// I1-I3, B5: the billable interventions and mail overage of the days [from, to] (mail by whole
// months), e.g. the last period of an ended contract (its final settlement).
std::vector<DraftLine> variable_lines(const PreparedContract& contract, Date from, Date to,
                                      const BillingWording& wording);

// R4, B2: one line per service with a price in force on the first billed day of `due`: the
// monthly price (S7: period price / 1, 3 or 12) x continuity days billed / days in the month.
std::vector<DraftLine> continuity_lines(const PreparedContract& contract, const ContinuityDue& due,
                                        const BillingWording& wording);

// B4: one line per service credited in `month` (amounts > 0), at `vat_rate_basis_points`.
std::vector<DraftLine> credit_note_lines(const PreparedContract& contract, const std::vector<ServiceCredit>& credits,
                                         YearMonth month, int vat_rate_basis_points, const BillingWording& wording);

}  // namespace clause
