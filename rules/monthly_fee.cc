// S7 fee basis.
#include "rules/monthly_fee.h"

namespace clause {

int months_per_period(BillingPeriod period) {
  switch (period) {
    case BillingPeriod::monthly:
      return 1;
    case BillingPeriod::quarterly:
      return 3;
    case BillingPeriod::annual:
      return 12;
  }
  return 1;
}

namespace {
MonthlyFee make_fee(const FeeRevision& revision, BillingPeriod period) {
  MonthlyFee fee;
  const int divisor = months_per_period(period);
  fee.period_price = revision.period_price;
  fee.monthly = scale_rounded(revision.period_price, 1, divisor);
  fee.effective = revision.effective;
  fee.trace.add("S7", "monthly_fee",
                {{"period_price", fee.period_price},
                 {"divisor", (long long)divisor},
                 {"monthly_fee", fee.monthly},
                 {"effective", fee.effective}});
  return fee;
}
}  // namespace

std::optional<MonthlyFee> monthly_fee_on(const std::vector<FeeRevision>& history, std::string_view service_id, Date on,
                                         BillingPeriod period) {
  const FeeRevision* in_force = nullptr;
  for (const auto& revision : history) {
    if (revision.service_id != service_id || revision.effective > on) continue;
    if (!in_force || revision.effective >= in_force->effective) in_force = &revision;
  }
  if (!in_force) return std::nullopt;
  return make_fee(*in_force, period);
}

std::optional<MonthlyFee> highest_monthly_fee(const std::vector<FeeRevision>& history, std::string_view service_id,
                                              Date first, Date last, BillingPeriod period) {
  // Candidates: the revision in force on `first` and every revision effective inside the range.
  std::optional<MonthlyFee> best = monthly_fee_on(history, service_id, first, period);
  for (const auto& revision : history) {
    if (revision.service_id != service_id || revision.effective <= first || revision.effective > last) continue;
    auto fee = monthly_fee_on(history, service_id, revision.effective, period);
    if (fee && (!best || fee->monthly > best->monthly)) best = std::move(fee);
  }
  return best;
}

}  // namespace clause
