// Term, renewal and notices (RULES N1-N3; D Art. 7, 8; K Art. 9, 15). Every delay is a Delay of
// the profile's TermTerms counted by rules/calendar (jours francs, ouvrables, calendar days) in the
// contract's holiday zone.
//
// Decisions where the text is silent: a termination notice too late for an anniversary takes effect
// at the next one (the contract has renewed); once the initial term has passed, a requested date
// reached too late is moved to the first date the notice allows. Force majeure "beyond 30 days"
// allows termination from the 31st day after its notification.
#pragma once

#include <optional>
#include <vector>

#include "model/contract.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct TerminationOutcome {
  Date effective{};                 // the date the contract ends
  Date latest_notice{};             // the last day the notice could reach the provider for it
  bool at_anniversary = true;       // false: a requested date after the initial term
  bool requested_date_kept = true;  // false: the notice was too late for the requested date
  Trace trace;
  friend bool operator==(const TerminationOutcome&, const TerminationOutcome&) = default;
};

// N1: the last day a termination notice may reach the provider for the contract to end on `end`
// (32 jours francs before 2027-03-01 -> 2027-01-27).
Date latest_termination_notice(const Contract& contract, const TermTerms& terms, Date end);

// N1: when a notice received on `received` ends the contract: at the first renewal date it is in
// time for or, when `requested` is after the initial term, on `requested` (or the first date the
// notice allows if it came too late for it).
TerminationOutcome termination_date(const Contract& contract, const TermTerms& terms, Date received,
                                    std::optional<Date> requested = std::nullopt);

struct PriceChangeNotice {
  Date announce_by{};                 // N2: one month before the change applies
  Date client_may_terminate_until{};  // N2: one month after the announcement
  Trace trace;
  friend bool operator==(const PriceChangeNotice&, const PriceChangeNotice&) = default;
};

// N2: the announcement deadline for a less favourable price applying on `applies`, and the end of
// the client's termination window for an announcement made on `announced`.
PriceChangeNotice price_change_notice(Date applies, Date announced, const TermTerms& terms);

struct CureDeadline {
  Delay delay;
  Date deadline{};
  friend bool operator==(const CureDeadline&, const CureDeadline&) = default;
};

// N3: for a breach notified on `notified`, the cure deadline of each of the profile's delays
// (K: 7 and 10 days; D: 7 jours ouvrables), in the profile's order.
std::vector<CureDeadline> breach_cure_deadlines(Date notified, const TermTerms& terms, HolidayZone zone);

// N3: the first day a force majeure notified on `notified` allows termination (its effects having
// lasted more than force_majeure_termination_days).
Date force_majeure_termination_from(Date notified, const TermTerms& terms);

}  // namespace clause
