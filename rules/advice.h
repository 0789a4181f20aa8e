// Advice time (RULES I4; K Art. 3.4): advice_per_server_month minutes per managed server and
// month, pooled over the contract's managed servers, unused minutes carried over without limit
// from the contract's start. A negative balance is reported, never billed.
#pragma once

#include <vector>

#include "model/contract.h"
#include "model/operations.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

struct AdviceMonth {
  YearMonth month{};
  long long managed_servers = 0;
  minutes granted{0};
  minutes used{0};
  minutes balance{0};  // running balance at the end of the month (may be negative)
};

struct AdviceBalance {
  std::vector<AdviceMonth> months;  // from the contract's start month through the asked month
  minutes balance{0};               // at the end of the asked month
  bool negative = false;            // reported, not billed
  Trace trace;                      // I4 "advice_balance"
};

// I4 through local month `through`. Managed servers: `services` of kind server with managed set.
// Used time: the contract's `advice` interventions by the local month of their start (started
// minutes). The start month earns a full grant; a deficit carries over like a surplus.
AdviceBalance advice_balance(const Contract& contract, const std::vector<Service>& services,
                             const InterventionTerms& terms, const ContractClock& clock,
                             const std::vector<Intervention>& interventions, YearMonth through);

}  // namespace clause
