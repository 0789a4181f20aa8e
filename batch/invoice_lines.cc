#include "batch/invoice_lines.h"

#include "reports/statement/statement_data.h"
#include "rules/calendar.h"
#include "rules/interventions.h"
#include "rules/mail_quota.h"
#include "rules/monthly_fee.h"
#include "rules/proration.h"

namespace clause {
namespace {

std::string service_name(const ContractRecords& r, const std::string& service_id) {
  for (const auto& s : r.services)
    if (s.id == service_id) return !s.label.empty() ? s.label : !s.hostname.empty() ? s.hostname : s.id;
  return service_id;
}

// The price of `service` in force on `d` (its latest revision effective on or before d).
std::optional<Money> price_on(const ContractRecords& r, const std::string& service_id, Date d) {
  std::optional<Money> price;
  for (const auto& f : r.fee_revisions)
    if (f.service_id == service_id && f.effective <= d) price = f.period_price;
  return price;
}

std::string period_word(BillingPeriod p, const BillingWording& w) {
  switch (p) {
    case BillingPeriod::monthly:
      return w.phrase("period.monthly");
    case BillingPeriod::quarterly:
      return w.phrase("period.quarterly");
    case BillingPeriod::annual:
      return w.phrase("period.annual");
  }
  return "";
}

// " (prorata 12/31 jours)" when the line bills part of its period (B2), else nothing.
std::string prorated(const ProratedPrice& amount, const BillingWording& w) {
  if (amount.days_billed == amount.days_in_period) return "";
  return w.phrase("line.prorated", {{"days", std::to_string(amount.days_billed)},
                                    {"days_in_period", std::to_string(amount.days_in_period)}});
}

// Hours as an exact Milli when the billed minutes allow it (15-minute steps: 1.25 h), so the line
// reads "1,25 h x 129,00"; otherwise nothing and the caller bills one unit of the rule's amount.
std::optional<Milli> exact_hours(long long minutes_billed) {
  if ((minutes_billed * 1000) % 60 != 0) return std::nullopt;
  return Milli{minutes_billed * 1000 / 60};
}

DraftLine intervention_line(const ContractRecords& r, const InterventionLine& l, const InterventionTerms& terms,
                            const ContractClock& clock, const BillingWording& w) {
  const Language lang = w.language();
  std::string text = w.phrase("line.intervention", {{"intervention", l.intervention_id},
                                                    {"date", format_date_text(clock.local_date(l.start), lang)},
                                                    {"service", service_name(r, l.service_id)},
                                                    {"length", format_duration(l.length, lang)}});
  if (l.kind == InterventionKind::client_caused)
    text += w.phrase("line.intervention_client_caused");
  else if (l.kind == InterventionKind::emergency && !l.uses_allowance)
    text += w.phrase("line.intervention_emergency", {{"rank", std::to_string(l.emergency_rank)}});
  if (l.excess_quoted) text += w.phrase("line.intervention_quoted");
  DraftLine line;
  line.input.description = text;
  const long long minutes_billed = l.billed_steps * terms.billing_step.count();
  auto hours = exact_hours(minutes_billed);
  if (hours && scale_rounded(terms.hourly_rate, hours->thousandths, 1000) == l.amount) {
    line.input.quantity = *hours;
    line.input.unit_price = terms.hourly_rate;
    line.unit_code = "HUR";
  } else {
    line.input.quantity = Milli{1000};
    line.input.unit_price = l.amount;
  }
  return line;
}

}  // namespace

std::vector<DraftLine> invoice_lines(const PreparedContract& p, const DuePeriod& due, const BillingWording& w) {
  const ContractRecords& r = p.records;
  const Contract& c = r.contract;
  const TermsProfile& terms = *p.terms;
  const int rate = terms.billing.vat_rate_basis_points;
  const Language lang = w.language();
  std::vector<DraftLine> lines;
  for (const auto& s : r.services) {
    auto price = price_on(r, s.id, due.billed_from);
    if (!price) continue;
    ProratedPrice amount = period_amount(*price, due, terms.billing);
    const std::string text = w.phrase("line.service", {{"period", period_word(c.billing, w)},
                                                       {"service", service_name(r, s.id)},
                                                       {"from", format_date_text(due.billed_from, lang)},
                                                       {"to", format_date_text(due.period.last, lang)}}) +
                             prorated(amount, w);
    lines.push_back({{text, Milli{1000}, amount.amount, rate}, "C62"});
  }
  // The period before this one, from the contract start: its variable lines are billed now.
  const PeriodSpan previous = previous_period(c, terms.billing, due.period);
  if (previous.last < c.start) return lines;
  for (auto& l : variable_lines(p, std::max(previous.first, c.start), previous.last, w)) lines.push_back(std::move(l));
  return lines;
}

std::vector<DraftLine> variable_lines(const PreparedContract& p, Date from, Date to, const BillingWording& w) {
  const ContractRecords& r = p.records;
  const Contract& c = r.contract;
  const TermsProfile& terms = *p.terms;
  const int rate = terms.billing.vat_rate_basis_points;
  const Language lang = w.language();
  std::vector<DraftLine> lines;
  const Interval span{p.clock.to_instant(from, std::chrono::minutes{0}),
                      p.clock.to_instant(add_days(to, 1), std::chrono::minutes{0})};
  InterventionBilling billed = bill_interventions(c, terms.interventions, p.clock, r.interventions, span);
  for (const auto& l : billed.lines)
    if (l.amount > Money{}) {
      DraftLine line = intervention_line(r, l, terms.interventions, p.clock, w);
      line.input.vat_rate_basis_points = rate;
      lines.push_back(std::move(line));
    }
  if (terms.billing.mail_quota) {
    const YearMonth last{int(to.year()), unsigned(to.month())};
    for (YearMonth m{int(from.year()), unsigned(from.month())}; m <= last; m = m.next()) {
      MailOverage overage = mail_overage(r.mail_usage, m, terms.billing);
      if (overage.amount <= Money{}) continue;
      const std::string text =
          w.phrase("line.mail_overage", {{"month", month_label(m, lang)},
                                         {"peak", format_number(double(overage.peak_megabytes) / 1000.0, 1, lang)},
                                         {"step", std::to_string(terms.billing.mail_step_gb)},
                                         {"quota", std::to_string(terms.billing.mail_quota_gb)}});
      lines.push_back({{text, Milli{overage.steps * 1000LL}, terms.billing.mail_step_price, rate}, "C62"});
    }
  }
  return lines;
}

std::vector<DraftLine> continuity_lines(const PreparedContract& p, const ContinuityDue& due, const BillingWording& w) {
  const ContractRecords& r = p.records;
  const TermsProfile& terms = *p.terms;
  const Language lang = w.language();
  std::vector<DraftLine> lines;
  for (const auto& s : r.services) {
    // R4: the price in force carries over (no revision after the end of service, B3).
    const auto fee = monthly_fee_on(r.fee_revisions, s.id, due.billed.first, r.contract.billing);
    if (!fee) continue;
    const ProratedPrice amount = continuity_amount(fee->monthly, due);
    const std::string text = w.phrase("line.continuity", {{"service", service_name(r, s.id)},
                                                          {"from", format_date_text(due.billed.first, lang)},
                                                          {"to", format_date_text(due.billed.last, lang)}}) +
                             prorated(amount, w);
    lines.push_back({{text, Milli{1000}, amount.amount, terms.billing.vat_rate_basis_points}, "C62"});
  }
  return lines;
}

std::vector<DraftLine> credit_note_lines(const PreparedContract& p, const std::vector<ServiceCredit>& credits,
                                         YearMonth month, int vat_rate_basis_points, const BillingWording& w) {
  std::vector<DraftLine> lines;
  for (const auto& credit : credits) {
    if (credit.month != month || credit.amount <= Money{}) continue;
    const std::string text = w.phrase("line.service_credit", {{"service", service_name(p.records, credit.service_id)},
                                                              {"month", month_label(month, w.language())}});
    lines.push_back({{text, Milli{1000}, credit.amount, vat_rate_basis_points}, "C62"});
  }
  return lines;
}

}  // namespace clause
