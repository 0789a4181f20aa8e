// The fee history of a contract's services as the contract makes it (RULES B3, S7): the prices
// recorded so far, extended by the SYNTEC revisions due at each anniversary up to a date. Statements
// and invoices both read fees through this, so a credit and the invoice it corrects use one price.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct FeeHistory {
  std::vector<FeeRevision> revisions;  // recorded and computed, by service then effective date
  std::vector<FeeRevision> computed;   // the revisions this call added (to be recorded)
  std::optional<std::string> error;    // B3: an index missing at an anniversary (never guessed)
  Trace trace;
};

// For each service of `recorded`, applies revise_on_anniversary at every anniversary after its
// latest recorded revision, up to and including `through` and never after the end of service (N4;
// R4: prices carry over during continuity). Profiles without revision return the recorded history
// unchanged.
FeeHistory fee_history_through(const Contract& contract, const std::vector<FeeRevision>& recorded, Date through,
                               const std::vector<PriceIndex>& indices, const BillingTerms& terms);

}  // namespace clause
