// One contract made ready for the rules: its records (fees extended by the revisions due, B3), its
// terms profile and its clock (zone, holidays, business hours). Shared by every job and by
// `clause explain`, so that an explanation is computed exactly as the document was.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "batch/run_context.h"
#include "model/contract_records.h"
#include "rules/calendar.h"

namespace clause {

struct PreparedContract {
  ContractRecords records;
  const TermsProfile* terms = nullptr;
  ContractClock clock;
};

// Why a contract cannot be prepared: the record at fault and the reason, for the operator.
struct ContractProblem {
  std::string record;  // "incident I-7", "contract C-3"
  std::string reason;
};

class ContractPreparer {
 public:
  // Loads what every contract shares (terms names, price indices) once, from `db` (the
  // context's database by default; batch/contract_prefetch.h reads on a connection of its own).
  explicit ContractPreparer(RunContext& context);
  ContractPreparer(RunContext& context, Database& db);
  // The contract with fees revised through `fees_through`, or the first problem found
  // (consistency findings, unknown zone, a missing price index).
  std::optional<PreparedContract> prepare(const std::string& contract_id, Date fees_through,
                                          ContractProblem& problem) const;

 private:
  RunContext& context_;
  Database& db_;
  std::set<std::string> profiles_;
  std::vector<PriceIndex> indices_;
};

}  // namespace clause
