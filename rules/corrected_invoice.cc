// B4, B6: the invoice a credit note corrects and its VAT rate (corrected_invoice.h).
#include "rules/corrected_invoice.h"

#include <algorithm>

namespace clause {

std::optional<CorrectedInvoice> choose_invoice_to_correct(const std::vector<CorrectedInvoice>& clause_invoices,
                                                          const std::vector<PriorInvoice>& prior, YearMonth month,
                                                          Date contract_start) {
  for (const CorrectedInvoice& invoice : clause_invoices)
    if (!invoice.vat.empty()) return invoice;
  // Billed before Clause: the former invoice whose period holds the month's first day of service.
  const Date served = std::max(month.first_day(), contract_start);
  for (const PriorInvoice& p : prior)
    if (p.period_from <= served && served <= p.period_to)  // percent in thousandths -> basis points
      return CorrectedInvoice{p.number, p.issued, {{int(p.vat_rate.thousandths / 10), p.total_ht, p.total_vat}}};
  return std::nullopt;
}

int credit_note_vat_rate(const std::vector<VatAmount>& invoice_vat, int terms_rate_basis_points) {
  return invoice_vat.size() == 1 ? invoice_vat.front().rate_basis_points : terms_rate_basis_points;
}

InvoiceTotals recorded_totals(const std::vector<VatAmount>& vat) {
  InvoiceTotals t;
  t.vat = vat;
  for (const VatAmount& v : vat) {
    t.total_ht += v.base_ht;
    t.total_vat += v.vat;
  }
  t.total_ttc = t.total_ht + t.total_vat;
  return t;
}

}  // namespace clause
