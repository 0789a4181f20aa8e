// Mail storage quota (RULES B5, D Art. 6.1): 25 GB per contract. Once usage has stayed above the
// quota for 30 days in a row, each month is billed 10.00 EUR HT per started 5 GB above the quota,
// usage counted up to the 35 GB cap (at most 2 steps). The client is warned at the first exceedance.
// Sizes are decimal: 1 GB = 1000 MB. Every figure comes from the profile's BillingTerms.
//
// B5 Decision ("si après 30 jours, le Client reste toujours au-delà"): the first mail_grace_days
// (30) consecutive days above quota are a free grace period; the 31st is the first billable day; a
// month holding a billable day is billed once, on the highest usage of its billable days (grace
// days never count). Where D Art. 6.1 is silent: a day without a sample breaks the run (usage above
// quota is not proven), and a day back at or under the quota restarts the 30 days.
#pragma once

#include <optional>
#include <vector>

#include "model/billing_facts.h"
#include "model/terms.h"
#include "model/time.h"
#include "rules/trace.h"

namespace clause {

struct MailOverage {
  std::optional<Date> first_exceeded;  // first day above quota up to the month's end (warning)
  std::optional<Date> grace_reached;   // first billable day in the month (31st day above quota on)
  std::int64_t peak_megabytes = 0;     // highest billable usage of the month, before the cap
  int steps = 0;                       // started steps above the quota, capped
  Money amount;                        // steps x mail_step_price
  Trace trace;
  friend bool operator==(const MailOverage&, const MailOverage&) = default;
};

// B5: the quota surcharge of `month` from one contract's daily samples (which must reach back
// mail_grace_days before the month for a run that started earlier). Nothing billed when the
// profile has no mail quota.
MailOverage mail_overage(const std::vector<MailUsageSample>& samples, YearMonth month, const BillingTerms& terms);

// B5 warning: the usage of `day` is above the quota and the day before was not (at or under it, or
// no sample: the same run rule as the grace), so the client is warned of this exceedance once, on
// the night after `day`. The megabytes of `day` when so, nothing otherwise.
std::optional<std::int64_t> quota_first_exceeded_on(const std::vector<MailUsageSample>& samples, Date day,
                                                    const BillingTerms& terms);

// B5: the started steps above the quota for a usage, after the cap (31 GB -> 2, 30 GB -> 1).
int mail_steps(std::int64_t megabytes, const BillingTerms& terms);

}  // namespace clause
