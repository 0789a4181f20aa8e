// Which SYNTEC revisions an invoice records (RULES B3): the revisions computed through the run date
// that the ledger does not hold yet are recorded, with their index, in the invoice's transaction,
// so that the price a later invoice bills is the one this invoice recorded. Pure.
#pragma once

#include <vector>

#include "model/contract.h"

namespace clause {

// B3: the revisions of `computed` (recorded and computed through the run date, in order) whose
// (service, effective day) is not among `recorded`.
std::vector<FeeRevision> revisions_to_record(const std::vector<FeeRevision>& computed,
                                             const std::vector<FeeRevision>& recorded);

}  // namespace clause
