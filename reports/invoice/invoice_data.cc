// Invoice template data. Keys follow templates/fr/invoice.schema.json; a missing optional value
// (buyer's SIREN, due date of a credit note) is "" and a has_* flag tells the template.
#include "reports/invoice/invoice_data.h"

#include <sstream>

namespace clause {
namespace {

using nlohmann::json;

// Address lines, blank lines dropped.
json address_lines(const std::string& address) {
  json lines = json::array();
  std::istringstream in(address);
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    lines.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
  }
  return lines;
}

std::string joined(const json& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : ", ") + l.get<std::string>();
  return out;
}

// 2000 basis points -> "20", 550 -> "5.5" (percent machine form).
std::string percent_of(int basis_points) {
  std::string text = std::to_string(basis_points / 100);
  if (int rest = basis_points % 100; rest != 0) {
    text += '.';
    text += static_cast<char>('0' + rest / 10);
    if (rest % 10) text += static_cast<char>('0' + rest % 10);
  }
  return text;
}

std::string date_or_blank(const std::optional<Date>& d) { return d ? format_date(*d) : ""; }
std::string date_text_or_blank(const std::optional<Date>& d, Language lang) {
  return d ? format_date_text(*d, lang) : "";
}

}  // namespace

std::string template_kind(InvoiceKind kind) { return kind == InvoiceKind::invoice ? "invoice" : "credit_note"; }

json invoice_data(const InvoiceDocument& d, Language lang) {
  const ProviderIdentity& s = d.seller;
  const json seller_lines = address_lines(s.address);
  const json buyer_lines = address_lines(d.buyer.address);
  json data = {
      {"document",
       {{"number", d.number},
        {"issued", format_date(d.issue_date)},
        {"issued_text", format_date_text(d.issue_date, lang)},
        {"has_due", d.due_date.has_value()},
        {"due", date_or_blank(d.due_date)},
        {"due_text", date_text_or_blank(d.due_date, lang)},
        {"period_from", format_date(d.period_from)},
        {"period_to", format_date(d.period_to)},
        {"period_from_text", format_date_text(d.period_from, lang)},
        {"period_to_text", format_date_text(d.period_to, lang)},
        {"contract", d.contract_id}}},
      {"seller",
       {{"name", s.name},
        {"legal_form", s.legal_form},
        {"capital", s.capital},
        {"address_lines", seller_lines},
        {"address_text", joined(seller_lines)},
        {"siren", s.siren},
        {"siret", s.siret},
        {"rcs", s.rcs},
        {"vat_number", s.vat_number},
        {"email", s.email},
        {"phone", s.phone},
        {"iban", s.iban},
        {"bic", s.bic},
        {"has_bank", !s.iban.empty()}}},
      {"buyer",
       {{"name", d.buyer.name},
        {"account", d.buyer.account_id},
        {"address_lines", buyer_lines},
        {"address_text", joined(buyer_lines)},
        {"siren", d.buyer.siren},
        {"vat_number", d.buyer.vat_number}}},
  };
  json lines = json::array();
  for (const auto& l : d.lines) {
    lines.push_back({{"id", l.id},
                     {"description", l.description},
                     {"quantity", format_milli(l.quantity)},
                     // UN/ECE rec. 20 unit of the line, as the templates word it
                     {"in_hours", l.unit_code == "HUR"},
                     {"in_months", l.unit_code == "MON"},
                     {"unit_price", format_money_plain(l.unit_price)},
                     {"vat_rate", percent_of(l.vat_rate_basis_points)},
                     {"total_ht", format_money_plain(l.total_ht)}});
  }
  data["lines"] = lines;
  json vat = json::array();
  for (const auto& v : d.totals.vat) {
    vat.push_back({{"rate", percent_of(v.rate_basis_points)},
                   {"rate_text",
                    format_percent(v.rate_basis_points / 100.0,
                                   v.rate_basis_points % 100 == 0 ? 0 : (v.rate_basis_points % 10 == 0 ? 1 : 2), lang)},
                   {"base_ht", format_money_plain(v.base_ht)},
                   {"base_ht_text", format_money(v.base_ht, lang)},
                   {"vat", format_money_plain(v.vat)}});
  }
  data["vat"] = vat;
  const Money due = amount_due(d);
  data["totals"] = {{"ht", format_money_plain(d.totals.total_ht)},
                    {"vat", format_money_plain(d.totals.total_vat)},
                    {"ttc", format_money_plain(d.totals.total_ttc)},
                    {"ttc_text", format_money(d.totals.total_ttc, lang)},
                    {"due", format_money_plain(due)},
                    {"due_text", format_money(due, lang)}};
  json deductions = json::array();
  for (const auto& x : d.deductions) {
    deductions.push_back({{"number", x.credit_note_number},
                          {"issued", format_date(x.issue_date)},
                          {"issued_text", format_date_text(x.issue_date, lang)},
                          {"amount", format_money_plain(x.amount_ttc)},
                          {"amount_text", format_money(x.amount_ttc, lang)}});
  }
  data["has_deductions"] = !d.deductions.empty();
  data["deductions"] = deductions;
  data["has_corrects"] = d.corrects.has_value();
  data["corrects"] = {{"number", d.corrects ? d.corrects->number : ""},
                      {"issued", d.corrects ? format_date(d.corrects->issue_date) : ""},
                      {"issued_text", d.corrects ? format_date_text(d.corrects->issue_date, lang) : ""}};
  data["credit_reason"] = d.credit_reason;
  data["terms"] = {{"late_penalty", d.late_penalty},
                   {"recovery_indemnity_text", format_money(d.recovery_indemnity, lang)}};
  data["has_notes"] = !d.notes.empty();
  data["notes"] = d.notes;
  return data;
}

}  // namespace clause
