// N2 and N3 from the imported facts: the dates come from rules/notices and rules/calendar, this
// file adds what the échéancier and `clause explain` need (lateness, the article's delay, traces).
#include "rules/term_notices.h"

#include "rules/calendar.h"
#include "rules/notices.h"

namespace clause {

PriceChangeDates price_change_dates(const PriceChange& change, const TermTerms& terms) {
  PriceChangeDates out;
  const int months = terms.price_change_notice_months;
  out.announce_by = add_months(change.applies, -months);
  out.trace.add("N2", "price_change_announce_by",
                {{"applies", change.applies},
                 {"notice_months", static_cast<long long>(months)},
                 {"announce_by", out.announce_by}});
  if (!change.announced) {
    out.trace.add("N2", "price_change_not_announced", {{"announce_by", out.announce_by}});
    return out;
  }
  out.announced = true;
  const Date announced = *change.announced;
  const PriceChangeNotice notice = price_change_notice(change.applies, announced, terms);
  out.client_may_terminate_until = notice.client_may_terminate_until;
  if (announced > out.announce_by) {
    out.late = true;
    out.late_days = int((to_days(announced) - to_days(out.announce_by)).count());
    out.earliest_application = add_months(announced, months);
    out.trace.add("N2", "price_change_announced_late",
                  {{"announced", announced},
                   {"announce_by", out.announce_by},
                   {"late_days", static_cast<long long>(out.late_days)},
                   {"earliest_application", *out.earliest_application}});
  } else {
    out.trace.add("N2", "price_change_announced_in_time", {{"announced", announced}, {"announce_by", out.announce_by}});
  }
  out.trace.add("N2", "price_change_termination_window",
                {{"announced", announced},
                 {"notice_months", static_cast<long long>(months)},
                 {"client_may_terminate_until", *out.client_may_terminate_until}});
  return out;
}

BreachCureDates breach_cure_dates(const BreachNotice& notice, const TermTerms& terms, const std::vector<int>& articles,
                                  HolidayZone zone) {
  BreachCureDates out;
  for (std::size_t i = 0; i < terms.breach_cure.size() && i < articles.size(); ++i) {
    if (articles[i] != notice.article) continue;
    out.known = true;
    out.delay = terms.breach_cure[i];
    break;
  }
  if (!out.known) return out;
  out.deadline = add_delay(notice.notified, out.delay, zone);
  out.cured_in_time = notice.cured && *notice.cured <= out.deadline;
  out.trace.add("N3", "breach_cure_deadline",
                {{"article", static_cast<long long>(notice.article)},
                 {"party", std::string(to_word(notice.party))},
                 {"notified", notice.notified},
                 {"delay_days", static_cast<long long>(out.delay.days)},
                 {"day_count", std::string(to_word(out.delay.count))},
                 {"deadline", out.deadline}});
  if (notice.cured)
    out.trace.add("N3", out.cured_in_time ? "breach_cured_in_time" : "breach_cured_late",
                  {{"cured", *notice.cured}, {"deadline", out.deadline}});
  return out;
}

std::string breach_cure_article_list(const std::vector<int>& articles) {
  std::string out;
  for (int article : articles)
    if (article > 0) out += (out.empty() ? "" : ", ") + std::to_string(article);
  return out;
}

}  // namespace clause
