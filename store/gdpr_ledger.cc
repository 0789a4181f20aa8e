#include "store/gdpr_ledger.h"

#include <map>

#include "store/personal_data_erasure.h"
#include "store/table_rows.h"

namespace clause {
namespace {

Date date_of(const Cell& c) { return c ? parse_date(*c).value_or(Date{}) : Date{}; }
int int_of(const Cell& c) { return c ? std::stoi(*c) : 0; }

std::vector<std::string> first_column(Database& db, std::string_view query, const QueryParams& params) {
  std::vector<std::string> out;
  for (const auto& row : select_cells(db, db.query(query), 1, params))
    if (row[0]) out.push_back(*row[0]);
  return out;
}

void exec(Database& db, std::string_view query, const WriteParams& params) {
  execute_cells(db, db.query(query), params);
}

}  // namespace

std::vector<PurgeRecord> load_purges(Database& db) {
  std::vector<PurgeRecord> out;
  for (const auto& r : select_cells(db, db.query("gdpr.purges"), 10)) {
    PurgeRecord p{
        *r[0],        *r[1],        *r[2], date_of(r[3]), date_of(r[4]), r[5].value_or(""), int_of(r[6]), int_of(r[7]),
        int_of(r[8]), int_of(r[9]), {}};
    p.person_ids = first_column(db, "gdpr.purge_people", {{"purge", p.id}});
    out.push_back(std::move(p));
  }
  return out;
}

bool purge_recorded(Database& db, const std::string& purge_id) {
  return !first_column(db, "gdpr.purge_exists", {{"id", purge_id}}).empty();
}

void record_purge(Database& db, const PurgeRecord& p) {
  exec(db, "gdpr.purge_insert",
       {{"id", p.id},
        {"run", p.run_id},
        {"account", p.account_id},
        {"purged_on", format_date(p.purged_on)},
        {"last_activity", format_date(p.last_activity)},
        {"rules", p.rules},
        {"people", std::to_string(p.people_erased)},
        {"texts", std::to_string(p.texts_scrubbed)},
        {"files", std::to_string(p.files_removed)},
        {"reminders", std::to_string(p.reminders_removed)}});
  for (const auto& person : p.person_ids)
    exec(db, "gdpr.erased_person_insert", {{"person", person}, {"account", p.account_id}, {"purge", p.id}});
}

bool purged_for_period(Database& db, const std::string& account_id, Date last_activity) {
  return !first_column(db, "gdpr.purged_for_period",
                       {{"account", account_id}, {"last_activity", format_date(last_activity)}})
              .empty();
}

std::vector<std::string> statement_files_of_account(Database& db, const std::string& account_id) {
  return first_column(db, "gdpr.statement_files_of_account", {{"account", account_id}});
}

void forget_document_files(Database& db, const std::vector<std::string>& paths) {
  for (const auto& p : paths) exec(db, "gdpr.forget_document_file", {{"path", p}});
}

std::optional<ReminderRecord> reminder_of(Database& db, const std::string& account_id, Date last_activity) {
  auto rows = select_cells(db, db.query("gdpr.reminder_of"), 7,
                           {{"account", account_id}, {"last_activity", format_date(last_activity)}});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  ReminderRecord m{*r[0], date_of(r[1]), date_of(r[2]), date_of(r[3]), r[4].value_or(""), r[5].value_or(""), {}};
  if (r[6]) m.sent_on = parse_date(r[6]->substr(0, 10));
  return m;
}

void record_reminder(Database& db, const ReminderRecord& m) {
  exec(db, "gdpr.reminder_insert",
       {{"account", m.account_id},
        {"last_activity", format_date(m.last_activity)},
        {"inactive_on", format_date(m.inactive_on)},
        {"reminded_on", format_date(m.reminded_on)},
        {"path", m.path}});
}

std::vector<std::string> take_reminder_files(Database& db, const std::string& account_id) {
  auto files = first_column(db, "gdpr.reminder_files_of_account", {{"account", account_id}});
  if (!files.empty()) exec(db, "gdpr.reminder_forget_files", {{"account", account_id}});
  return files;
}

void add_pending_file(Database& db, const std::string& path) { exec(db, "gdpr.pending_insert", {{"path", path}}); }
std::vector<std::string> pending_files(Database& db) { return first_column(db, "gdpr.pending_all", {}); }
void remove_pending_file(Database& db, const std::string& path) { exec(db, "gdpr.pending_delete", {{"path", path}}); }

std::vector<RetainedDocument> documents_issued_before(Database& db, Date before) {
  std::vector<RetainedDocument> out;
  for (const auto& r : select_cells(db, db.query("gdpr.documents_issued_before"), 5, {{"before", format_date(before)}}))
    out.push_back({std::stoll(*r[0]), *r[1], r[2].value_or(""), *r[3], date_of(r[4])});
  return out;
}

std::vector<DestroyedDocument> load_destroyed_documents(Database& db) {
  std::vector<DestroyedDocument> out;
  for (const auto& r : select_cells(db, db.query("gdpr.destroyed_all"), 6))
    out.push_back({std::stoll(*r[0]), *r[1], *r[2], date_of(r[3]), date_of(r[4]), *r[5]});
  return out;
}

bool document_destroyed(Database& db, long long document_id) {
  return !first_column(db, "gdpr.destroyed_exists", {{"id", std::to_string(document_id)}}).empty();
}

std::vector<std::string> record_destruction(Database& db, const DestroyedDocument& d) {
  const std::string id = std::to_string(d.document_id);
  auto paths = first_column(db, "gdpr.document_file_paths", {{"id", id}});
  forget_document_files(db, paths);
  exec(db, "gdpr.blank_document", {{"id", id}});
  exec(db, "gdpr.forget_document_vat", {{"number", d.number}});
  exec(db, "gdpr.destroyed_insert",
       {{"id", id},
        {"kind", d.kind},
        {"number", d.number},
        {"issued_on", format_date(d.issued_on)},
        {"destroyed_on", format_date(d.destroyed_on)},
        {"run", d.run_id}});
  return paths;
}

int keep_purged_people_erased(Database& db) {
  std::map<std::string, std::vector<Person>> by_account;
  int count = 0;
  for (const auto& r : select_cells(db, db.query("gdpr.erased_people_with_data"), 7)) {
    by_account[*r[1]].push_back(
        {*r[0], *r[1], r[2].value_or(""), r[3].value_or(""), r[4].value_or(""), r[5].value_or(""), r[6].value_or("")});
    ++count;
  }
  for (const auto& [account, people] : by_account) erase_people(db, account, people);
  return count;
}

}  // namespace clause
