// Consistency checks over imported records: facts that each row may hold alone but that contradict
// each other or the configuration (an unknown terms profile, a restoration before the intervention
// started, overlapping root-access periods, a negative price...). Pure: the caller loads the
// DataSet and the profile names; the findings are reported, and a contract with findings can be
// skipped by the batch.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/data_set.h"

namespace clause {

// One inconsistency, naming the record it was found on.
struct Finding {
  std::string entity;  // "contract", "incident", "service"...: the record type, singular
  std::string id;      // the record's natural key ("S-1" for a service's fee revisions)
  std::string reason;  // a sentence for the operator
  friend bool operator==(const Finding&, const Finding&) = default;
};

// Every finding of `data`, grouped by check in a fixed order, records in their DataSet order.
// `known_profiles` are the terms profiles the configuration defines (config/terms/*.toml).
std::vector<Finding> check_consistency(const DataSet& data, const std::set<std::string>& known_profiles);

}  // namespace clause
