// The échéancier (issue 12): what falls due for a contract in a window of days [from, from + days),
// each item dated, with its rule id and the trace that produced the date. From the data Clause has:
//   N1 a tacitly renewed contract: the last day to give notice before each renewal (32 jours francs,
//      T4: renewal - 33 days) and the renewal itself;
//   N4 the last day of service (rules/service_end.h);
//   R1-R4 the latest reversibility request: request deadline, start (or its wait for payment),
//      delivery deadline (10 jours ouvrés), end of continuity (take-over date or day 90);
//   B9 invoices left unpaid (as far as the recorded payments tell): K the first day overdue (all
//      sums due, interventions suspended); D the definitive suspension 15 days after the anniversary.
//   N2 a less favourable price change (price_changes.csv): the last day to announce it while it is
//      not announced, else the last day the client may terminate (rules/term_notices.h);
//   N3 a notified breach not yet cured (breach_notices.csv): its cure deadline.
// B9's K termination is not scheduled: it runs from a formal notice date the data does not hold.
// Pure: the window is a parameter, nothing reads the clock.
#pragma once

#include <string>
#include <vector>

#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/enum_text.h"
#include "model/term_notices.h"
#include "model/terms.h"
#include "rules/trace.h"
#include "rules/unpaid.h"

namespace clause {

// The days an échéancier covers: `from` included, `from + days` excluded (60 from 2026-11-01 ends
// on 2026-12-30).
struct ScheduleWindow {
  Date from{};
  int days = 60;
  Date until() const;  // from + days, the first day not covered
  bool contains(Date d) const { return d >= from && d < until(); }
};

// What an item is: a stable word that reports/ or batch/ words per language.
enum class ScheduleEvent {
  notice_deadline,                 // N1: last day for a termination notice before `renewal`
  renewal,                         // N1: the contract renews tacitly
  service_end,                     // N4: last day of service
  reversibility_request_deadline,  // R1
  reversibility_start,             // R2
  reversibility_awaits_payment,    // R2: at the end of service, invoices still unpaid
  reversibility_delivery,          // R3
  continuity_end,                  // R4: day 90 after the end (no take-over date, or a later one)
  takeover,                        // R4: the take-over date the client notified
  unpaid_overdue,                  // B9 (K): all sums due, interventions suspended
  unpaid_definitive_suspension,    // B9 (D): no renewal, definitive suspension
  price_change_announce_by,        // N2: last day to announce a price change not yet announced
  price_change_termination,        // N2: last day the client may terminate after the announcement
  breach_cure_deadline,            // N3: last day to cure a notified breach
};
template <>
struct EnumWords<ScheduleEvent> {
  static constexpr std::array words{
      std::pair{ScheduleEvent::notice_deadline, std::string_view{"notice_deadline"}},
      std::pair{ScheduleEvent::renewal, std::string_view{"renewal"}},
      std::pair{ScheduleEvent::service_end, std::string_view{"service_end"}},
      std::pair{ScheduleEvent::reversibility_request_deadline, std::string_view{"reversibility_request_deadline"}},
      std::pair{ScheduleEvent::reversibility_start, std::string_view{"reversibility_start"}},
      std::pair{ScheduleEvent::reversibility_awaits_payment, std::string_view{"reversibility_awaits_payment"}},
      std::pair{ScheduleEvent::reversibility_delivery, std::string_view{"reversibility_delivery"}},
      std::pair{ScheduleEvent::continuity_end, std::string_view{"continuity_end"}},
      std::pair{ScheduleEvent::takeover, std::string_view{"takeover"}},
      std::pair{ScheduleEvent::unpaid_overdue, std::string_view{"unpaid_overdue"}},
      std::pair{ScheduleEvent::unpaid_definitive_suspension, std::string_view{"unpaid_definitive_suspension"}},
      std::pair{ScheduleEvent::price_change_announce_by, std::string_view{"price_change_announce_by"}},
      std::pair{ScheduleEvent::price_change_termination, std::string_view{"price_change_termination"}},
      std::pair{ScheduleEvent::breach_cure_deadline, std::string_view{"breach_cure_deadline"}}};
};

// One date of the échéancier. `figures` are what the one-line wording of `event` names
// ("renewal" for notice_deadline, "invoice" for B9, ...); `trace` is how the date was found.
struct ScheduleItem {
  Date date{};
  std::string contract_id;
  std::string rule;  // "N1" .. "N4", "R1" .. "R4", "B9"
  ScheduleEvent event = ScheduleEvent::service_end;
  std::vector<Figure> figures;
  Trace trace;
  friend bool operator==(const ScheduleItem&, const ScheduleItem&) = default;
};

// Everything one contract's échéancier reads.
struct ScheduleFacts {
  Contract contract{};
  std::vector<ReversibilityRequest> reversibility_requests{};  // of this contract
  std::vector<IssuedInvoice> invoices{};                       // issued by Clause, total = what the buyer owes (B4)
  std::vector<Payment> payments{};                             // against those invoices
  std::vector<PriceChange> price_changes{};                    // issue 12: N2, of this contract
  std::vector<BreachNotice> breach_notices{};                  // issue 12: N3, of this contract
  std::vector<int> breach_cure_articles{};  // issue 12: the article of each of the profile's breach_cure
};

// The items of `facts.contract` dated inside `window`, under `terms` (its profile), in the order
// N1, N2, N3, N4, R1-R4, B9 and by date within each. N2 is scheduled only under a profile with a
// price-change notice (price_change_notice_months > 0: D Art. 8), N3 only for an article the
// profile gives a cure period (load_schedule lists the others as skipped).
std::vector<ScheduleItem> contract_schedule(const ScheduleFacts& facts, const TermsProfile& terms,
                                            ScheduleWindow window);

// Sorts an échéancier of several contracts by date, then contract id, keeping each contract's
// rule order on a same day.
void sort_schedule(std::vector<ScheduleItem>& items);

}  // namespace clause
