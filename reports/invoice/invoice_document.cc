// Invoice document helpers: type codes, line numbering, the amount due and the issue checks.
#include "reports/invoice/invoice_document.h"

namespace clause {

std::string type_code(InvoiceKind kind) { return kind == InvoiceKind::invoice ? "380" : "381"; }

std::vector<InvoiceLine> numbered_lines(const InvoiceTotals& totals) {
  std::vector<InvoiceLine> lines;
  int n = 0;
  for (const auto& amount : totals.lines) {
    lines.push_back(InvoiceLine{std::to_string(++n), amount.line.description, amount.line.quantity,
                                amount.line.unit_price, amount.line.vat_rate_basis_points, amount.total_ht, "C62"});
  }
  return lines;
}

Money amount_due(const InvoiceDocument& document) {
  Money due = document.totals.total_ttc;
  for (const auto& deduction : document.deductions) due -= deduction.amount_ttc;
  return due;
}

std::string document_problem(const InvoiceDocument& d) {
  const std::string what = d.kind == InvoiceKind::invoice ? "invoice " : "credit note ";
  if (d.number.empty()) return "document without a number";
  if (d.lines.empty()) return what + d.number + " without lines";
  if (d.lines.size() != d.totals.lines.size())
    return what + d.number + ": " + std::to_string(d.lines.size()) + " lines but " +
           std::to_string(d.totals.lines.size()) + " line totals";
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    if (d.lines[i].total_ht != d.totals.lines[i].total_ht)
      return what + d.number + ": line " + d.lines[i].id + " total differs from its computed total";
  }
  if (d.seller.name.empty() || d.seller.vat_number.empty())
    return what + d.number + ": seller name and VAT number are required (B8)";
  if (d.buyer.name.empty()) return what + d.number + ": buyer without a name";
  if (d.kind == InvoiceKind::credit_note) {
    if (!d.corrects) return what + d.number + " without the invoice it corrects";
    if (!d.deductions.empty()) return what + d.number + " cannot deduct other credit notes";
  } else {
    if (d.corrects) return what + d.number + " cannot correct an invoice (use a credit note)";
    if (!d.due_date) return what + d.number + " without a due date (B8)";
    if (amount_due(d) < Money{}) return what + d.number + ": deductions exceed the total TTC";
  }
  return "";
}

}  // namespace clause
