// The row codec of issued_documents, shared by the ledger and the billing ledger: one place knows
// the order of the 12 columns the issued_documents.* queries select.
#pragma once

#include <vector>

#include "store/field_codec.h"
#include "store/ledger.h"

namespace clause {

// An issued_documents row (id, kind, number, contract, period, issued_on, path, sha256, ht, vat,
// ttc, run) as the ledger recorded it. Throws std::runtime_error on a value Clause never writes.
IssuedDocument issued_document_from_cells(const std::vector<Cell>& cells);

}  // namespace clause
