// SYNTEC price revision (RULES B3, K Art. 8.2). At each anniversary the price becomes
//   current price x last published index / index of the previous revision
// (the profile's revision_base_index, 268.5, at the first revision), rounded to the cent at each
// step. "Last published" is the most recent index published on or before the anniversary. The
// index used is stored in the new FeeRevision, so the next revision finds its divisor there.
// D Art. 8: the price is guaranteed (revision = false): no revision is produced.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct RevisionOutcome {
  std::optional<FeeRevision> revision;  // nothing when the price is guaranteed or on error
  std::optional<std::string> error;     // a missing index: never guessed
  Trace trace;
  friend bool operator==(const RevisionOutcome&, const RevisionOutcome&) = default;
};

struct RevisionChain {
  std::vector<FeeRevision> revisions;  // one per anniversary, oldest first (not the initial)
  std::optional<std::string> error;    // the first anniversary that could not be revised
  Trace trace;
  friend bool operator==(const RevisionChain&, const RevisionChain&) = default;
};

// B3: the index `name` that is "last published" on `on`: greatest month among those published on
// or before `on` (a later publication of the same month wins).
std::optional<PriceIndex> last_published_index(const std::vector<PriceIndex>& indices, const std::string& name,
                                               Date on);

// B3: the revision at `anniversary` of the price `in_force` (its index_value, or the base index
// when it has none, is the divisor).
RevisionOutcome revise_on_anniversary(const FeeRevision& in_force, Date anniversary,
                                      const std::vector<PriceIndex>& indices, const BillingTerms& terms);

// B3: every revision of `initial` (the contract's first price) at the anniversaries of `contract`
// up to and including `through`, chained; stops at the first missing index.
RevisionChain revisions_through(const Contract& contract, const FeeRevision& initial, Date through,
                                const std::vector<PriceIndex>& indices, const BillingTerms& terms);

}  // namespace clause
