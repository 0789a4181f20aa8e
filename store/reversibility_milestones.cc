// Reversibility milestones and the dossier's ledger reads (store/reversibility_milestones.h).
#include "store/reversibility_milestones.h"

#include <soci/soci.h>

#include "store/field_codec.h"
#include "store/table_rows.h"

namespace clause {
namespace {

std::string text_of(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

ReversibilityMilestones milestones_from_cells(const std::vector<Cell>& c) {
  ReversibilityMilestones m;
  m.request_id = c[0].value_or("");
  m.contract_id = c[1].value_or("");
  m.requested = decode_cell<Date>(c[2], "requested");
  m.end_of_service = decode_cell<Date>(c[3], "end_of_service");
  m.request_deadline = decode_cell<Date>(c[4], "request_deadline");
  m.late = c[5].value_or("0") == "1";
  m.start = decode_cell<std::optional<Date>>(c[6], "start");
  m.delivery_deadline = decode_cell<std::optional<Date>>(c[7], "delivery_deadline");
  m.continuity_limit = decode_cell<Date>(c[8], "continuity_limit");
  m.services_until = decode_cell<Date>(c[9], "services_until");
  m.dossier_date = decode_cell<Date>(c[10], "dossier_date");
  m.dossier_sha256 = c[11].value_or("");
  m.pv_signed = decode_cell<std::optional<Date>>(c[12], "pv_signed");
  m.destroyed = decode_cell<std::optional<Date>>(c[13], "destroyed");
  return m;
}

}  // namespace

void save_reversibility_schedule(Database& db, const ReversibilityMilestones& m) {
  std::string requested = format_date(m.requested), end = format_date(m.end_of_service),
              deadline = format_date(m.request_deadline), start = text_of(m.start),
              delivery = text_of(m.delivery_deadline), limit = format_date(m.continuity_limit),
              until = format_date(m.services_until), dossier = format_date(m.dossier_date);
  int late = m.late ? 1 : 0;
  soci::indicator start_ind = m.start ? soci::i_ok : soci::i_null;
  soci::indicator delivery_ind = m.delivery_deadline ? soci::i_ok : soci::i_null;
  db.session() << db.query("reversibility_milestones.upsert"), soci::use(m.request_id, "request"),
      soci::use(m.contract_id, "contract"), soci::use(requested, "requested"), soci::use(end, "end_of_service"),
      soci::use(deadline, "request_deadline"), soci::use(late, "late"), soci::use(start, start_ind, "start"),
      soci::use(delivery, delivery_ind, "delivery_deadline"), soci::use(limit, "continuity_limit"),
      soci::use(until, "services_until"), soci::use(dossier, "dossier_date"),
      soci::use(m.dossier_sha256, "dossier_sha256");
}

std::optional<ReversibilityMilestones> find_reversibility_milestones(Database& db, const std::string& request_id) {
  auto rows = select_cells(db, db.query("reversibility_milestones.find"), 14, {{"request", request_id}});
  if (rows.empty()) return std::nullopt;
  return milestones_from_cells(rows.front());
}

std::vector<ReversibilityMilestones> load_reversibility_milestones(Database& db) {
  std::vector<ReversibilityMilestones> out;
  for (const auto& row : select_cells(db, db.query("reversibility_milestones.all"), 14))
    out.push_back(milestones_from_cells(row));
  return out;
}

void record_reversibility_pv(Database& db, const std::string& request_id, Date date) {
  std::string d = format_date(date);
  db.session() << db.query("reversibility_milestones.record_pv"), soci::use(d, "date"),
      soci::use(request_id, "request");
}

void record_reversibility_destruction(Database& db, const std::string& request_id, const std::string& contract_id,
                                      Date date, const AuditEntry& audit) {
  soci::transaction tx(db.session());
  std::string d = format_date(date);
  db.session() << db.query("reversibility_milestones.record_destruction"), soci::use(d, "date"),
      soci::use(request_id, "request");
  db.session() << db.query("reversibility.forget_statement_files"), soci::use(contract_id, "contract");
  append_audit_entry(db, audit);
  tx.commit();
}

std::vector<ContractDocumentFile> load_contract_document_files(Database& db, const std::string& contract_id) {
  std::vector<ContractDocumentFile> out;
  for (const auto& c :
       select_cells(db, db.query("reversibility.document_files_of_contract"), 10, {{"contract", contract_id}})) {
    ContractDocumentFile f;
    f.document_id = decode_cell<long long>(c[0], "id");
    f.kind = decode_cell<DocumentKind>(c[1], "kind");
    f.number = c[2];
    f.period = c[3].value_or("");
    f.issued_on = decode_cell<Date>(c[4], "issued_on");
    f.total_ht = decode_cell<Money>(c[5], "ht_cents");
    f.total_vat = decode_cell<Money>(c[6], "vat_cents");
    f.total_ttc = decode_cell<Money>(c[7], "ttc_cents");
    f.path = c[8].value_or("");
    f.sha256 = c[9].value_or("");
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace clause
