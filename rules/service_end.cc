// N4 end of service, N1 tacit renewal.
#include "rules/service_end.h"

#include "rules/anniversary.h"
#include "rules/calendar.h"

namespace clause {

std::optional<Date> service_end(const Contract& contract) {
  if (contract.end) return contract.end;
  if (contract.tacit_renewal || contract.term_months <= 0) return std::nullopt;
  return add_days(add_months(contract.start, contract.term_months), -1);
}

bool in_service_on(const Contract& contract, Date d) {
  if (d < contract.start) return false;
  const std::optional<Date> end = service_end(contract);
  return !end || d <= *end;
}

std::optional<Date> next_renewal_on_or_after(const Contract& contract, Date d) {
  if (!contract.tacit_renewal) return std::nullopt;
  const Date renewal = renewal_on_or_after(contract, d);
  if (contract.end && *contract.end < renewal) return std::nullopt;
  return renewal;
}

}  // namespace clause
