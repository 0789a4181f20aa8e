#include "rules/unpaid.h"

#include <algorithm>

#include "rules/anniversary.h"
#include "rules/calendar.h"

namespace clause {

std::optional<Date> settled_on(const IssuedInvoice& invoice, const std::vector<Payment>& payments) {
  if (invoice.total_ttc <= Money{}) return invoice.issued;  // nothing to pay
  std::vector<Payment> own;
  for (const Payment& p : payments)
    if (p.invoice_number == invoice.number) own.push_back(p);
  std::stable_sort(own.begin(), own.end(), [](const Payment& a, const Payment& b) { return a.paid < b.paid; });
  Money paid;
  for (const Payment& p : own) {
    paid += p.amount;
    if (paid >= invoice.total_ttc) return p.paid;
  }
  return std::nullopt;
}

namespace {

bool settled_by(const IssuedInvoice& invoice, const std::vector<Payment>& payments, Date d) {
  std::optional<Date> settled = settled_on(invoice, payments);
  return settled && *settled <= d;
}

}  // namespace

std::vector<IssuedInvoice> overdue_on(const std::vector<IssuedInvoice>& invoices, const std::vector<Payment>& payments,
                                      Date d) {
  std::vector<IssuedInvoice> out;
  for (const IssuedInvoice& invoice : invoices)
    if (invoice.due < d && !settled_by(invoice, payments, d)) out.push_back(invoice);
  return out;
}

std::vector<IssuedInvoice> outstanding_on(const std::vector<IssuedInvoice>& invoices,
                                          const std::vector<Payment>& payments, Date d) {
  std::vector<IssuedInvoice> out;
  for (const IssuedInvoice& invoice : invoices)
    if (invoice.issued <= d && !settled_by(invoice, payments, d)) out.push_back(invoice);
  return out;
}

UnpaidConsequences unpaid_consequences(const Contract& contract, const BillingTerms& terms,
                                       const IssuedInvoice& invoice, std::optional<Date> formal_notice) {
  UnpaidConsequences out;
  out.invoice_number = invoice.number;
  out.wording = terms.unpaid_consequences;
  if (terms.periods_from_contract_start) {
    // D Art. 8: the unpaid invoice is the renewal of the period starting at the anniversary.
    Date anniversary =
        invoice.issued == contract.start ? contract.start : anniversary_on_or_after(contract, invoice.issued);
    out.renewal_refused = true;
    out.service_stops = anniversary;
    out.definitive_suspension = add_delay(anniversary, terms.unpaid_suspension, contract.holiday_zone);
    out.trace.add("B9", "no_renewal_suspension",
                  {{"invoice", invoice.number},
                   {"anniversary", anniversary},
                   {"delay_days", static_cast<long long>(terms.unpaid_suspension.days)},
                   {"definitive_suspension", *out.definitive_suspension}});
    return out;
  }
  // K Art. 8.3: immediate exigibility, interventions suspended, termination after formal notice.
  out.all_sums_due_now = true;
  out.interventions_suspended = true;
  if (formal_notice) {
    out.termination_from = add_delay(*formal_notice, terms.unpaid_suspension, contract.holiday_zone);
    out.trace.add("B9", "termination_after_formal_notice",
                  {{"invoice", invoice.number},
                   {"formal_notice", *formal_notice},
                   {"delay_days", static_cast<long long>(terms.unpaid_suspension.days)},
                   {"termination_from", *out.termination_from}});
  } else {
    out.trace.add("B9", "all_sums_due_interventions_suspended", {{"invoice", invoice.number}, {"due", invoice.due}});
  }
  return out;
}

}  // namespace clause
