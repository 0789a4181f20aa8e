#include "rules/notices.h"

#include "rules/anniversary.h"
#include "rules/calendar.h"

namespace clause {

Date latest_termination_notice(const Contract& contract, const TermTerms& terms, Date end) {
  return latest_date_before(end, terms.termination_notice, contract.holiday_zone);
}

TerminationOutcome termination_date(const Contract& contract, const TermTerms& terms, Date received,
                                    std::optional<Date> requested) {
  TerminationOutcome out;
  const Date first_renewal = renewal_on_or_after(contract, contract.start);
  if (requested && *requested >= first_renewal) {
    // D Art. 7: once the initial term has passed, any requested date with the notice's delay.
    Date effective = *requested;
    while (latest_termination_notice(contract, terms, effective) < received) effective = add_days(effective, 1);
    out.effective = effective;
    out.latest_notice = latest_termination_notice(contract, terms, effective);
    out.requested_date_kept = effective == *requested;
    out.at_anniversary = renewal_on_or_after(contract, effective) == effective;
    out.trace.add("N1", out.requested_date_kept ? "termination_on_requested_date" : "termination_postponed",
                  {{"received", received},
                   {"requested", *requested},
                   {"latest_notice", out.latest_notice},
                   {"effective", out.effective}});
    return out;
  }
  // At an anniversary: the first renewal date the notice is in time for.
  Date renewal = renewal_on_or_after(contract, received);
  while (latest_termination_notice(contract, terms, renewal) < received)
    renewal = renewal_on_or_after(contract, add_days(renewal, 1));
  out.effective = renewal;
  out.latest_notice = latest_termination_notice(contract, terms, renewal);
  out.requested_date_kept = !requested || *requested == renewal;
  out.trace.add("N1", "termination_at_anniversary",
                {{"received", received}, {"latest_notice", out.latest_notice}, {"effective", out.effective}});
  return out;
}

PriceChangeNotice price_change_notice(Date applies, Date announced, const TermTerms& terms) {
  PriceChangeNotice out{add_months(applies, -terms.price_change_notice_months),
                        add_months(announced, terms.price_change_notice_months),
                        {}};
  out.trace.add("N2", "price_change_notice",
                {{"applies", applies},
                 {"announce_by", out.announce_by},
                 {"announced", announced},
                 {"client_may_terminate_until", out.client_may_terminate_until}});
  return out;
}

std::vector<CureDeadline> breach_cure_deadlines(Date notified, const TermTerms& terms, HolidayZone zone) {
  std::vector<CureDeadline> out;
  for (const Delay& delay : terms.breach_cure) out.push_back({delay, add_delay(notified, delay, zone)});
  return out;
}

Date force_majeure_termination_from(Date notified, const TermTerms& terms) {
  return add_days(notified, terms.force_majeure_termination_days + 1);
}

}  // namespace clause
