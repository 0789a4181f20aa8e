#include "batch/prepared_contract.h"

#include "rules/consistency.h"
#include "rules/fee_history.h"
#include "store/record_repository.h"

namespace clause {

ContractPreparer::ContractPreparer(RunContext& context) : ContractPreparer(context, context.database()) {}

ContractPreparer::ContractPreparer(RunContext& context, Database& db) : context_(context), db_(db) {
  for (const auto& [name, p] : context.profiles()) profiles_.insert(name);
  indices_ = load_price_indices(db);
}

std::optional<PreparedContract> ContractPreparer::prepare(const std::string& contract_id, Date fees_through,
                                                          ContractProblem& problem) const {
  auto records = load_contract_records(db_, contract_id);
  if (!records) {
    problem = {"contract " + contract_id, "no such contract"};
    return std::nullopt;
  }
  std::vector<Finding> findings = check_consistency(as_data_set(*records), profiles_);
  if (!findings.empty()) {
    problem = {findings[0].entity + " " + findings[0].id, findings[0].reason};
    return std::nullopt;
  }
  const Contract& c = records->contract;
  if (!context_.config().time_zones.count(c.time_zone)) {
    problem = {"contract " + c.id, "time zone \"" + c.time_zone + "\" is not defined in the configuration"};
    return std::nullopt;
  }
  const TermsProfile& terms = context_.profiles().at(c.terms_profile);
  // S7: the fee in force is the revised one (B3), even before the invoice run records it.
  FeeHistory fees = fee_history_through(c, records->fee_revisions, fees_through, indices_, terms.billing);
  if (fees.error) {
    problem = {"contract " + c.id, *fees.error};
    return std::nullopt;
  }
  records->fee_revisions = std::move(fees.revisions);
  ContractClock clock(context_.config().zone(c.time_zone), c.holiday_zone, terms.business_hours);
  return PreparedContract{std::move(*records), &terms, clock};
}

}  // namespace clause
