// build_invoice() and build_credit_note() (invoice_builder.h): the fields common to both set once,
// in assemble(), then each kind's own.
#include "reports/invoice/invoice_builder.h"

#include <algorithm>

#include "reports/statement/statement_data.h"
#include "rules/calendar.h"

namespace clause {
namespace {

// The fields both kinds share: number, date, parties, period, totals and their lines, terms (B8).
InvoiceDocument assemble(InvoiceKind kind, const BillingParties& p, Date from, Date to, const InvoiceTotals& totals) {
  InvoiceDocument d;
  d.kind = kind;
  d.number = p.number;
  d.issue_date = p.issued_on;
  d.seller = p.seller;
  d.buyer = buyer_of(p.buyer);
  d.contract_id = p.contract_id;
  d.period_from = from;
  d.period_to = to;
  d.totals = totals;
  d.lines = numbered_lines(totals);
  d.late_penalty = p.terms.late_penalty;
  d.recovery_indemnity = p.terms.recovery_indemnity;
  return d;
}

}  // namespace

InvoiceBuyer buyer_of(const Account& account) {
  InvoiceBuyer b;
  b.account_id = account.id;
  b.name = account.name;
  b.address = account.address;
  b.siren = account.siren;
  b.vat_number = account.vat_number;
  return b;
}

InvoiceDocument build_invoice(const InvoiceInputs& in) {
  InvoiceDocument d = assemble(InvoiceKind::invoice, in.parties, in.period_from, in.period_to, in.totals);
  d.due_date = add_days(in.parties.issued_on, in.parties.terms.payment_days);
  for (std::size_t i = 0; i < d.lines.size() && i < in.unit_codes.size(); ++i) d.lines[i].unit_code = in.unit_codes[i];
  for (const CreditNoteBalance& n : in.deductions) d.deductions.push_back({n.number, n.issued_on, n.total_ttc});
  d.notes = in.notes;
  return d;
}

InvoiceDocument build_credit_note(const CreditNoteInputs& in, const BillingWording& wording) {
  // The month's days of service: from the later of its 1st and the contract start, to its last day.
  InvoiceDocument d = assemble(InvoiceKind::credit_note, in.parties, std::max(in.month.first_day(), in.contract_start),
                               add_days(in.month.next().first_day(), -1), in.totals.totals);
  d.corrects = in.corrects;
  const std::string month = month_label_of(in.month, wording.language());
  d.credit_reason = in.corrective
                        ? wording.phrase("reason.further_credit",
                                         {{"month", month}, {"reference", *in.corrective}, {"statement", in.statement}})
                        : wording.phrase("reason.credit", {{"month", month}, {"statement", in.statement}});
  return d;
}

}  // namespace clause
