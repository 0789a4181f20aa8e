#include "rules/mail_quota.h"

#include <algorithm>
#include <map>

#include "rules/calendar.h"

namespace clause {
namespace {

constexpr std::int64_t kMegabytesPerGigabyte = 1000;  // decimal units, as hosting plans count

}  // namespace

std::optional<std::int64_t> quota_first_exceeded_on(const std::vector<MailUsageSample>& samples, Date day,
                                                    const BillingTerms& terms) {
  if (!terms.mail_quota) return std::nullopt;
  const std::int64_t quota = terms.mail_quota_gb * kMegabytesPerGigabyte;
  std::optional<std::int64_t> today, yesterday;  // the highest sample of each day, as mail_overage
  for (const MailUsageSample& s : samples) {
    if (s.day == day) today = std::max(today.value_or(0), s.megabytes);
    if (s.day == add_days(day, -1)) yesterday = std::max(yesterday.value_or(0), s.megabytes);
  }
  if (!today || *today <= quota) return std::nullopt;
  if (yesterday && *yesterday > quota) return std::nullopt;
  return today;
}

int mail_steps(std::int64_t megabytes, const BillingTerms& terms) {
  const std::int64_t quota = terms.mail_quota_gb * kMegabytesPerGigabyte;
  const std::int64_t cap = terms.mail_cap_gb * kMegabytesPerGigabyte;
  const std::int64_t step = terms.mail_step_gb * kMegabytesPerGigabyte;
  std::int64_t above = std::min(megabytes, cap) - quota;
  if (above <= 0 || step <= 0) return 0;
  return static_cast<int>((above + step - 1) / step);
}

MailOverage mail_overage(const std::vector<MailUsageSample>& samples, YearMonth month, const BillingTerms& terms) {
  MailOverage out;
  if (!terms.mail_quota) {
    out.trace.add("B5", "no_mail_quota");
    return out;
  }
  const std::int64_t quota = terms.mail_quota_gb * kMegabytesPerGigabyte;
  const Date month_first = month.first_day();
  const Date month_last = add_days(month.next().first_day(), -1);

  std::map<Date, std::int64_t> by_day;  // the highest sample of a day, if several
  for (const MailUsageSample& s : samples)
    if (s.day <= month_last) by_day[s.day] = std::max(by_day[s.day], s.megabytes);

  int run = 0;  // consecutive days above quota ending at the current day
  std::optional<Date> previous;
  for (const auto& [day, megabytes] : by_day) {
    bool consecutive = previous && add_days(*previous, 1) == day;
    previous = day;
    if (megabytes <= quota) {
      run = 0;
      continue;
    }
    run = consecutive && run > 0 ? run + 1 : 1;
    if (!out.first_exceeded) out.first_exceeded = day;
    // B5 Decision: the first mail_grace_days days above quota are free; the next one is billable.
    if (day < month_first || run <= terms.mail_grace_days) continue;
    if (!out.grace_reached) out.grace_reached = day;
    out.peak_megabytes = std::max(out.peak_megabytes, megabytes);
  }
  if (out.first_exceeded)
    out.trace.add("B5", "quota_first_exceeded",
                  {{"day", *out.first_exceeded}, {"quota_gb", static_cast<long long>(terms.mail_quota_gb)}});
  if (!out.grace_reached) {
    out.trace.add("B5", "not_billed",
                  {{"month", format_year_month(month)}, {"grace_days", static_cast<long long>(terms.mail_grace_days)}});
    return out;
  }
  out.steps = mail_steps(out.peak_megabytes, terms);
  out.amount = Money::from_cents(terms.mail_step_price.cents * out.steps);
  out.trace.add("B5", "quota_surcharge",
                {{"grace_reached", *out.grace_reached},
                 {"peak_megabytes", static_cast<long long>(out.peak_megabytes)},
                 {"cap_gb", static_cast<long long>(terms.mail_cap_gb)},
                 {"steps", static_cast<long long>(out.steps)},
                 {"step_price", terms.mail_step_price},
                 {"amount", out.amount}});
  return out;
}

}  // namespace clause
