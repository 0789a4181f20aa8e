// I4.
#include "rules/advice.h"

#include <algorithm>
#include <map>

#include "rules/service_end.h"

namespace clause {

AdviceBalance advice_balance(const Contract& contract, const std::vector<Service>& services,
                             const InterventionTerms& terms, const ContractClock& clock,
                             const std::vector<Intervention>& interventions, YearMonth through) {
  AdviceBalance out;
  const long long servers = std::count_if(services.begin(), services.end(), [&](const Service& s) {
    return s.contract_id == contract.id && s.kind == ServiceKind::server && s.managed;
  });
  std::map<YearMonth, minutes> used;
  for (const auto& intervention : interventions) {
    if (intervention.contract_id != contract.id || intervention.kind != InterventionKind::advice) continue;
    used[clock.month_of(intervention.start)] +=
        std::chrono::ceil<minutes>(std::max(seconds{0}, intervention.end - intervention.start));
  }
  YearMonth last = through;
  if (const auto end = service_end(contract))  // N4: no advice minutes granted after the service ends
    last = std::min(last, YearMonth{int(end->year()), unsigned(end->month())});
  minutes balance{0};
  for (YearMonth m{int(contract.start.year()), unsigned(contract.start.month())}; m <= last; m = m.next()) {
    AdviceMonth month{m, servers, terms.advice_per_server_month * servers, used[m], {}};
    balance += month.granted - month.used;
    month.balance = balance;
    out.months.push_back(month);
  }
  out.balance = balance;
  out.negative = balance < minutes{0};
  const AdviceMonth last_month = out.months.empty() ? AdviceMonth{through, servers, {}, {}, {}} : out.months.back();
  out.trace.add("I4", out.negative ? "advice_balance_negative" : "advice_balance",
                {{"managed_servers", servers},
                 {"per_server_month", terms.advice_per_server_month},
                 {"granted", last_month.granted},
                 {"used", last_month.used},
                 {"balance", out.balance}});
  return out;
}

}  // namespace clause
