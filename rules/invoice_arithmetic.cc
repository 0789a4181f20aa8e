#include "rules/invoice_arithmetic.h"

#include <algorithm>
#include <map>

namespace clause {
namespace {

constexpr std::int64_t kBasisPoints = 10000;  // 2000 basis points = 20 %
constexpr std::int64_t kMilli = 1000;

std::string rate_text(int basis_points) {
  std::string text = std::to_string(basis_points / 100);
  if (basis_points % 100 != 0) {
    std::string frac = std::to_string(basis_points % 100);
    if (frac.size() < 2) frac = "0" + frac;
    if (frac.back() == '0') frac.pop_back();
    text += "." + frac;
  }
  return text + " %";
}

Money vat_on(Money base, int basis_points) { return scale_rounded(base, basis_points, kBasisPoints); }

}  // namespace

InvoiceTotals invoice_totals(const std::vector<InvoiceLineInput>& lines) {
  InvoiceTotals out;
  std::map<int, Money> base_by_rate;
  for (const InvoiceLineInput& line : lines) {
    Money total = scale_rounded(line.unit_price, line.quantity.thousandths, kMilli);
    out.lines.push_back({line, total});
    base_by_rate[line.vat_rate_basis_points] += total;
    out.total_ht += total;
    out.trace.add("B6", "line_rounded",
                  {{"description", line.description},
                   {"quantity", line.quantity},
                   {"unit_price", line.unit_price},
                   {"total_ht", total}});
  }
  for (const auto& [rate, base] : base_by_rate) {
    Money vat = vat_on(base, rate);
    out.vat.push_back({rate, base, vat});
    out.total_vat += vat;
    out.trace.add("B6", "vat_per_rate",
                  {{"rate_basis_points", static_cast<long long>(rate)}, {"base_ht", base}, {"vat", vat}});
  }
  out.total_ttc = out.total_ht + out.total_vat;
  out.trace.add("B6", "totals",
                {{"total_ht", out.total_ht}, {"total_vat", out.total_vat}, {"total_ttc", out.total_ttc}});
  return out;
}

CreditNoteTotals credit_note_totals(const std::vector<InvoiceLineInput>& lines, const InvoiceTotals& invoice,
                                    const std::vector<VatAmount>& already_credited) {
  CreditNoteTotals out{invoice_totals(lines), std::nullopt};
  out.totals.total_vat = Money{};
  for (VatAmount& credited : out.totals.vat) {
    auto invoiced = std::find_if(invoice.vat.begin(), invoice.vat.end(),
                                 [&](const VatAmount& v) { return v.rate_basis_points == credited.rate_basis_points; });
    if (invoiced == invoice.vat.end()) {
      out.error = "B6: the credit note has VAT rate " + rate_text(credited.rate_basis_points) +
                  ", which the corrected invoice does not have";
      return out;
    }
    Money earlier_base, earlier_vat;
    for (const VatAmount& e : already_credited)
      if (e.rate_basis_points == credited.rate_basis_points) {
        earlier_base += e.base_ht;
        earlier_vat += e.vat;
      }
    if (credited.base_ht + earlier_base > invoiced->base_ht) {
      out.error = "B6: credit at " + rate_text(credited.rate_basis_points) + " of " +
                  format_money_plain(credited.base_ht) + " HT (" + format_money_plain(earlier_base) +
                  " already credited) exceeds the invoice base " + format_money_plain(invoiced->base_ht) + " HT";
      return out;
    }
    // Mirror the invoice: crediting the whole remaining base returns exactly the remaining VAT, and
    // rounding never lets the credited VAT pass what the invoice charged.
    Money remaining_vat = invoiced->vat - earlier_vat;
    if (credited.base_ht + earlier_base == invoiced->base_ht || credited.vat > remaining_vat) {
      credited.vat = remaining_vat;
      out.totals.trace.add(
          "B6", "credit_vat_mirrors_invoice",
          {{"rate_basis_points", static_cast<long long>(credited.rate_basis_points)}, {"vat", credited.vat}});
    }
    out.totals.total_vat += credited.vat;
  }
  out.totals.total_ttc = out.totals.total_ht + out.totals.total_vat;
  out.totals.trace.add(
      "B6", "credit_note_totals",
      {{"total_ht", out.totals.total_ht}, {"total_vat", out.totals.total_vat}, {"total_ttc", out.totals.total_ttc}});
  return out;
}

}  // namespace clause
