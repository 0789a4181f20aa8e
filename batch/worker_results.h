// What one work item's processing collected (issue 16), as the JSON its worker stores in the item's
// row and its coordinator adds up, in seq order, into the outcome a single run would have had: the
// manifest entries, the skipped contracts, the credits waiting, the corrections, the counts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "batch/invoices_job.h"
#include "batch/statements_job.h"

namespace clause {

// `outcome` and `documents`: one item's only; `left_out`: the contracts it left out quietly (0 or 1).
std::string statements_item_result(const StatementsOutcome& outcome, const nlohmann::ordered_json& documents,
                                   int left_out);
// Adds an item's result to the run's; throws std::runtime_error naming the item when it is not one.
void add_statements_item_result(const std::string& result, StatementsOutcome& outcome,
                                nlohmann::ordered_json& documents, int& left_out);

std::string invoices_item_result(const InvoicesOutcome& outcome, const nlohmann::ordered_json& documents);
void add_invoices_item_result(const std::string& result, InvoicesOutcome& outcome, nlohmann::ordered_json& documents);

}  // namespace clause
