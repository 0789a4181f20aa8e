// The dates that follow from the two imported term facts (issue 12; RULES N2, N3): a less
// favourable price change (D Art. 8) and a notified breach (K Art. 9, 15; D Art. 7). The delays
// are those of the terms profile (rules/notices.h counts them): N2 one month before the change
// applies and one month after the announcement; N3 the cure period of the article the notification
// invokes, in calendar days (K) or jours ouvrables (D, rules/calendar.h, holidays of the zone).
//
// Decisions where the text is silent: an announcement made after the deadline is flagged late and
// the change cannot bind the client before one month after it (the earliest application); a breach
// cured on or before its deadline has no deadline left to watch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract.h"
#include "model/term_notices.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

struct PriceChangeDates {
  Date announce_by{};  // N2: applies - 1 month, the last day to announce it
  bool announced = false;
  bool late = false;                               // announced after announce_by
  int late_days = 0;                               // announced - announce_by, when late
  std::optional<Date> client_may_terminate_until;  // N2: announced + 1 month, when announced
  std::optional<Date> earliest_application;        // announced + 1 month, when late
  Trace trace;
  friend bool operator==(const PriceChangeDates&, const PriceChangeDates&) = default;
};

// N2 for `change` under `terms` (price_change_notice_months): applies 2027-03-01 -> announce by
// 2027-02-01; announced 2026-11-16 for 2026-12-15 -> 1 day late, may terminate until 2026-12-16.
PriceChangeDates price_change_dates(const PriceChange& change, const TermTerms& terms);

struct BreachCureDates {
  bool known = false;          // false: the profile has no cure period for the article
  Delay delay{};               // the article's cure period
  Date deadline{};             // notified + delay (N3)
  bool cured_in_time = false;  // cured on or before the deadline
  Trace trace;
  friend bool operator==(const BreachCureDates&, const BreachCureDates&) = default;
};

// N3 for `notice` under `terms`: the cure period is terms.breach_cure[i] where articles[i] (the
// profile's `article` of each row, settings/term_extras.h) is the notice's article; counted in the
// contract's holiday zone: K Art. 15 notified 2026-11-25 -> 2026-12-05; D Art. 7 notified
// 2026-12-18 -> 2026-12-28.
BreachCureDates breach_cure_dates(const BreachNotice& notice, const TermTerms& terms, const std::vector<int>& articles,
                                  HolidayZone zone);

// "9, 15": the articles that have a cure period, for a message naming them.
std::string breach_cure_article_list(const std::vector<int>& articles);

}  // namespace clause
