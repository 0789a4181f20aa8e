#include "store/delivery_ledger.h"

#include <map>
#include <stdexcept>

#include "store/field_codec.h"
#include "store/table_rows.h"

namespace clause {
namespace {

long long integer_cell(const Cell& c) {
  auto v = c ? parse_integer<long long>(*c) : std::nullopt;
  if (!v) throw std::runtime_error("delivery ledger: \"" + c.value_or("NULL") + "\" is not an integer");
  return *v;
}

const std::string& text_cell(const Cell& c) {
  static const std::string empty;
  return c ? *c : empty;
}

DeliverableDocument document_from_cells(const std::vector<Cell>& c) {
  DeliverableDocument d;
  d.id = integer_cell(c[0]);
  auto kind = from_word<DocumentKind>(text_cell(c[1]));
  if (!kind) throw std::runtime_error("delivery ledger: unknown document kind \"" + text_cell(c[1]) + "\"");
  d.kind = *kind;
  d.number = c[2];
  d.contract_id = text_cell(c[3]);
  d.account_id = text_cell(c[4]);
  d.period = text_cell(c[5]);
  auto issued = parse_date(text_cell(c[6]));
  if (!issued) throw std::runtime_error("delivery ledger: \"" + text_cell(c[6]) + "\" is not a date");
  d.issued_on = *issued;
  d.total_ht = Money::from_cents(integer_cell(c[7]));
  d.total_vat = Money::from_cents(integer_cell(c[8]));
  d.total_ttc = Money::from_cents(integer_cell(c[9]));
  d.run_id = integer_cell(c[10]);
  return d;
}

// Files of the documents selected by `query` (document_id, path, sha256), attached to them.
void attach_files(Database& db, const std::string& query, const QueryParams& params,
                  std::vector<DeliverableDocument>& documents) {
  std::map<long long, DeliverableDocument*> by_id;
  for (auto& d : documents) by_id[d.id] = &d;
  for (const auto& c : select_cells(db, db.query(query), 3, params))
    if (auto found = by_id.find(integer_cell(c[0])); found != by_id.end())
      found->second->files.push_back({text_cell(c[1]), text_cell(c[2])});
}

Delivery delivery_from_cells(const std::vector<Cell>& c) {
  Delivery d;
  d.id = integer_cell(c[0]);
  d.message_id = text_cell(c[1]);
  d.account_id = text_cell(c[2]);
  auto night = parse_date(text_cell(c[3]));
  if (!night) throw std::runtime_error("delivery ledger: \"" + text_cell(c[3]) + "\" is not a date");
  d.night = *night;
  d.part = int(integer_cell(c[4]));
  d.parts = int(integer_cell(c[5]));
  auto status = from_word<DeliveryStatus>(text_cell(c[6]));
  if (!status) throw std::runtime_error("delivery ledger: unknown status \"" + text_cell(c[6]) + "\"");
  d.status = *status;
  d.attempts = int(integer_cell(c[7]));
  d.recipients = int(integer_cell(c[8]));
  d.bytes = integer_cell(c[9]);
  d.reply = text_cell(c[10]);
  if (c[11]) d.next_attempt = parse_instant(*c[11]);
  return d;
}

std::vector<Delivery> load_by(Database& db, const char* query) {
  std::vector<Delivery> out;
  for (const auto& c : select_cells(db, db.query(query), 12)) out.push_back(delivery_from_cells(c));
  return out;
}

}  // namespace

std::vector<DeliverableDocument> load_undelivered_documents(Database& db) {
  std::vector<DeliverableDocument> out;
  for (const auto& c : select_cells(db, db.query("delivery.undelivered_documents"), 11))
    out.push_back(document_from_cells(c));
  attach_files(db, "delivery.files_of_undelivered", {}, out);
  return out;
}

std::vector<DeliverableDocument> load_documents_of_delivery(Database& db, long long delivery_id) {
  const QueryParams params{{"delivery", std::to_string(delivery_id)}};
  std::vector<DeliverableDocument> out;
  for (const auto& c : select_cells(db, db.query("delivery.documents_of_delivery"), 11, params))
    out.push_back(document_from_cells(c));
  attach_files(db, "delivery.files_of_delivery", params, out);
  return out;
}

std::vector<BillingContact> load_billing_contacts(Database& db, const std::string& account_id,
                                                  const std::vector<std::string>& roles) {
  std::vector<BillingContact> out;
  for (const auto& role : roles) {
    for (const auto& c :
         select_cells(db, db.query("delivery.billing_contacts"), 2, {{"account", account_id}, {"role", role}}))
      out.push_back({text_cell(c[0]), text_cell(c[1])});
    if (!out.empty()) break;
  }
  return out;
}

std::optional<AccountHeading> load_account_heading(Database& db, const std::string& account_id) {
  auto rows = select_cells(db, db.query("delivery.account"), 2, {{"account", account_id}});
  if (rows.empty()) return std::nullopt;
  return AccountHeading{text_cell(rows[0][0]), text_cell(rows[0][1])};
}

long long record_delivery(Database& db, const Delivery& d, const std::vector<long long>& document_ids, Instant at,
                          long long run_id) {
  soci::transaction tx(db.session());
  const std::string night = format_date(d.night), status{to_word(d.status)}, when = format_instant_utc(at);
  long long id = 0;
  long long part = d.part, parts = d.parts, recipients = d.recipients, bytes = d.bytes, run = run_id;
  db.session() << db.query("delivery.insert"), soci::use(d.message_id, "message_id"),
      soci::use(d.account_id, "account"), soci::use(night, "night"), soci::use(part, "part"), soci::use(parts, "parts"),
      soci::use(status, "status"), soci::use(recipients, "recipients"), soci::use(bytes, "bytes"),
      soci::use(d.reply, "reply"), soci::use(when, "at"), soci::use(run, "run"), soci::into(id);
  long long position = 0;
  for (long long document : document_ids) {
    ++position;
    db.session() << db.query("delivery.insert_document"), soci::use(document, "document"), soci::use(id, "delivery"),
        soci::use(position, "position");
  }
  tx.commit();
  return id;
}

void record_delivery_outcome(Database& db, const Delivery& d, Instant at, long long run_id) {
  const std::string status{to_word(d.status)}, when = format_instant_utc(at);
  long long attempts = d.attempts, id = d.id, run = run_id;
  std::string next = d.next_attempt ? format_instant_utc(*d.next_attempt) : std::string{};
  soci::indicator next_indicator = d.next_attempt ? soci::i_ok : soci::i_null;
  db.session() << db.query("delivery.update_outcome"), soci::use(status, "status"), soci::use(attempts, "attempts"),
      soci::use(d.reply, "reply"), soci::use(next, next_indicator, "next_attempt"), soci::use(when, "at"),
      soci::use(run, "run"), soci::use(id, "id");
}

std::vector<Delivery> load_deliveries(Database& db) { return load_by(db, "delivery.all"); }
std::vector<Delivery> load_pending_deliveries(Database& db) { return load_by(db, "delivery.pending"); }

}  // namespace clause
