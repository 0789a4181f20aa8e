#include "store/billing_ledger.h"

#include <stdexcept>

#include "store/field_codec.h"
#include "store/issued_document_rows.h"
#include "store/table_rows.h"

namespace clause {
namespace {

std::vector<VatAmount> vat_rows(Database& db, const std::string& query, const QueryParams& params) {
  std::vector<VatAmount> out;
  for (const auto& c : select_cells(db, db.query(query), 3, params))
    out.push_back({decode_cell<int>(c[0], "rate_basis_points"), decode_cell<Money>(c[1], "base_ht_cents"),
                   decode_cell<Money>(c[2], "vat_cents")});
  return out;
}

}  // namespace

std::vector<FeeRevision> load_recorded_fee_revisions(Database& db, const std::string& contract_id) {
  return load_records<FeeRevision>(db, "fee_revisions.of_contract", {{"contract", contract_id}});
}

void record_fee_revisions(Database& db, const std::vector<FeeRevision>& revisions) {
  for (const FeeRevision& r : revisions)
    execute_cells(db, db.query("fee_revisions.insert_computed"),
                  {{"service", r.service_id},
                   {"effective", format_date(r.effective)},
                   {"cents", std::to_string(r.period_price.cents)},
                   {"index", r.index_value ? Cell{std::to_string(r.index_value->thousandths)} : Cell{}}});
}

void record_document_vat(Database& db, const std::string& number, const std::vector<VatAmount>& vat) {
  for (const VatAmount& v : vat)
    execute_cells(db, db.query("document_vat.insert"),
                  {{"number", number},
                   {"rate", std::to_string(v.rate_basis_points)},
                   {"base", std::to_string(v.base_ht.cents)},
                   {"vat", std::to_string(v.vat.cents)}});
}

std::vector<VatAmount> load_document_vat(Database& db, const std::string& number) {
  return vat_rows(db, "document_vat.of_number", {{"number", number}});
}

std::vector<VatAmount> load_vat_credited_against(Database& db, const std::string& invoice_number) {
  return vat_rows(db, "document_vat.credited_against", {{"invoice", invoice_number}});
}

void record_credit_note_correction(Database& db, const std::string& credit_note_number, const std::string& contract_id,
                                   const std::string& invoice_number) {
  execute_cells(db, db.query("credit_note_corrections.insert"),
                {{"credit_note", credit_note_number}, {"contract", contract_id}, {"invoice", invoice_number}});
}

void record_deductions(Database& db, const std::string& invoice_number,
                       const std::vector<std::string>& credit_note_numbers) {
  for (const std::string& n : credit_note_numbers)
    execute_cells(db, db.query("credit_note_deductions.insert"), {{"credit_note", n}, {"invoice", invoice_number}});
}

std::vector<CreditNoteEntry> load_credit_notes_of_contract(Database& db, const std::string& contract_id) {
  std::vector<CreditNoteEntry> out;
  for (const auto& c : select_cells(db, db.query("credit_notes.of_contract"), 9, {{"contract", contract_id}})) {
    CreditNoteEntry e;
    e.number = c[0].value_or("");
    e.period = c[1].value_or("");
    e.issued_on = decode_cell<Date>(c[2], "issued_on");
    e.total_ht = decode_cell<Money>(c[3], "ht_cents");
    e.total_vat = decode_cell<Money>(c[4], "vat_cents");
    e.total_ttc = decode_cell<Money>(c[5], "ttc_cents");
    e.corrects_number = c[6].value_or("");
    e.corrects_issued_on = decode_cell<Date>(c[7], "invoice issued_on");
    e.deducted_by = c[8];
    out.push_back(std::move(e));
  }
  return out;
}

Money deducted_from_invoice(Database& db, const std::string& invoice_number) {
  auto rows = select_cells(db, db.query("credit_note_deductions.total_of_invoice"), 1, {{"invoice", invoice_number}});
  return rows.empty() ? Money{} : decode_cell<Money>(rows.front()[0], "deducted total");
}

std::vector<std::string> contracts_with_uncredited_months(Database& db) {
  std::vector<std::string> out;
  for (const auto& c : select_cells(db, db.query("service_credits.contracts_without_credit_note"), 1))
    out.push_back(c[0].value_or(""));
  return out;
}

std::vector<IssuedDocument> load_issued_documents_of_kind(Database& db, DocumentKind kind,
                                                          std::optional<Date> issued_on) {
  QueryParams params{{"kind", std::string{to_word(kind)}}};
  if (issued_on) params.push_back({"issued_on", format_date(*issued_on)});
  std::vector<IssuedDocument> out;
  for (const auto& c :
       select_cells(db, db.query(issued_on ? "issued_documents.of_kind_on" : "issued_documents.of_kind"), 12, params)) {
    out.push_back(issued_document_from_cells(c));
  }
  return out;
}

}  // namespace clause
