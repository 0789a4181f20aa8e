// Support acknowledgement rate (RULES S9; K Art. 5 Support): each ticket should be acknowledged
// within support_ack business minutes (HO clock). Reported as a rate; it earns no credit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/operations.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

struct TicketAcknowledgement {
  std::string ticket_id;
  Instant opened{};
  Instant deadline{};  // opened + support_ack on the HO clock
  std::optional<Instant> acknowledged;
  bool on_time = false;  // acknowledged at or before the deadline
};

struct SupportRate {
  std::vector<TicketAcknowledgement> tickets;  // those opened in the local month, by opening
  long long total = 0;
  long long on_time = 0;
  Ppm rate{1'000'000};              // on_time / total, floor; 100 % when no ticket
  ShownPercent shown{0, 0, false};  // F1: one decimal, "—" when no ticket (see shown_rate)
  Trace trace;                      // S9 "support_ack_rate"
};

// F1: `part` of `whole` as printed: one decimal rounded half up ("66,7 %"), the decimal dropped
// when it is 0 ("50 %"), never "100 %" unless all and never "0 %" unless none; unknown when whole = 0.
ShownPercent shown_rate(long long part, long long whole);

// S9: of `tickets` (one contract's), those opened in the local month `m`; unacknowledged ones are late.
SupportRate support_ack_rate(const std::vector<SupportTicket>& tickets, YearMonth m, const ContractClock& clock,
                             const ServiceLevelTerms& terms);

}  // namespace clause
