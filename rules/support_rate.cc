// S9.
#include "rules/support_rate.h"

#include <algorithm>

namespace clause {

ShownPercent shown_rate(long long part, long long whole) {
  if (whole <= 0) return {0, 0, false};
  long long tenths = (part * 2000 + whole) / (2 * whole);  // round(part * 1000 / whole), half up
  if (tenths == 1000 && part < whole) tenths = 999;
  if (tenths == 0 && part > 0) tenths = 1;
  if (tenths % 10 == 0) return {tenths / 10, 0, true};
  return {tenths, 1, true};
}

SupportRate support_ack_rate(const std::vector<SupportTicket>& tickets, YearMonth m, const ContractClock& clock,
                             const ServiceLevelTerms& terms) {
  SupportRate out;
  const Interval month = clock.month(m);
  for (const auto& ticket : tickets) {
    if (!month.contains(ticket.opened)) continue;
    TicketAcknowledgement line{ticket.id, ticket.opened, clock.add_business_time(ticket.opened, terms.support_ack),
                               ticket.acknowledged, false};
    line.on_time = ticket.acknowledged && *ticket.acknowledged <= line.deadline;
    out.tickets.push_back(std::move(line));
  }
  std::sort(out.tickets.begin(), out.tickets.end(), [](const auto& a, const auto& b) {
    return a.opened < b.opened || (a.opened == b.opened && a.ticket_id < b.ticket_id);
  });
  out.total = static_cast<long long>(out.tickets.size());
  out.on_time = std::count_if(out.tickets.begin(), out.tickets.end(), [](const auto& t) { return t.on_time; });
  if (out.total > 0) out.rate = Ppm{long(out.on_time * 1'000'000 / out.total)};
  out.shown = shown_rate(out.on_time, out.total);
  if (out.total == 0)
    out.trace.add("S9", "support_no_ticket", {{"guarantee", terms.support_ack}});
  else
    out.trace.add(
        "S9", "support_ack_rate",
        {{"guarantee", terms.support_ack}, {"tickets", out.total}, {"on_time", out.on_time}, {"rate", out.shown}});
  return out;
}

}  // namespace clause
