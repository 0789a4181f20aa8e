#include "store/record_repository.h"

#include "store/table_rows.h"

namespace clause {

DataSet load_data_set(Database& db) {
  DataSet d;
  for_each_record_kind([&](auto member) {
    using T = RecordOf<decltype(member)>;
    d.*member = load_records<T>(db, entity<T>().table + ".all");
  });
  return d;
}

namespace {

template <typename T>
void upsert_all(Database& db, const std::vector<T>& records) {
  if (records.empty()) return;
  const Entity<T>& e = entity<T>();
  auto upserter = make_upserter(db, e.table, db_columns(e), e.key);
  for (const T& r : records) upserter->add(to_cells(e, r));
  upserter->finish();
}

}  // namespace

void upsert_data_set(Database& db, const DataSet& d) {
  soci::transaction tx(db.session());
  for_each_record_kind([&](auto member) { upsert_all(db, d.*member); });
  tx.commit();
}

std::vector<Account> load_accounts(Database& db) { return load_records<Account>(db, "accounts.all"); }

std::optional<Account> load_account(Database& db, const std::string& id) {
  auto rows = load_records<Account>(db, "accounts.by_id", {{"id", id}});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Person> load_people_of_account(Database& db, const std::string& account_id) {
  return load_records<Person>(db, "people.of_account", {{"account", account_id}});
}

std::vector<Contract> load_contracts(Database& db) { return load_records<Contract>(db, "contracts.all"); }

std::optional<Contract> load_contract(Database& db, const std::string& id) {
  auto rows = load_records<Contract>(db, "contracts.by_id", {{"id", id}});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<std::string> load_contract_ids(Database& db) {
  std::vector<std::string> ids;
  for (auto& row : select_cells(db, db.query("contracts.ids"), 1)) ids.push_back(*row[0]);
  return ids;
}

std::vector<Contract> load_contracts_active_between(Database& db, Date first, Date last) {
  return load_records<Contract>(db, "contracts.active_between",
                                {{"first", format_date(first)}, {"last", format_date(last)}});
}

std::vector<Incident> load_incidents_between(Database& db, const std::string& contract_id, Interval during) {
  return load_records<Incident>(db, "incidents.of_contract_between",
                                {{"contract", contract_id},
                                 {"begin", format_instant_utc(during.begin)},
                                 {"end", format_instant_utc(during.end)}});
}

std::optional<Incident> load_incident(Database& db, const std::string& id) {
  auto rows = load_records<Incident>(db, "incidents.by_id", {{"id", id}});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<PriceIndex> load_price_indices(Database& db) { return load_records<PriceIndex>(db, "price_indices.all"); }

std::vector<Payment> load_payments(Database& db) { return load_records<Payment>(db, "payments.all"); }

std::optional<ContractRecords> load_contract_records(Database& db, const std::string& contract_id) {
  auto contract = load_contract(db, contract_id);
  if (!contract) return std::nullopt;
  ContractRecords r;
  r.contract = *contract;
  r.account = load_account(db, contract->account_id).value();  // a foreign key guarantees it
  if (r.account.parent_id) r.parent = load_account(db, *r.account.parent_id);
  const QueryParams of{{"contract", contract_id}};
  r.services = load_records<Service>(db, "services.of_contract", of);
  r.fee_revisions = load_records<FeeRevision>(db, "fee_revisions.of_contract", of);
  r.incidents = load_records<Incident>(db, "incidents.of_contract", of);
  r.outages = load_records<Outage>(db, "outages.of_contract", of);
  r.interventions = load_records<Intervention>(db, "interventions.of_contract", of);
  r.support_tickets = load_records<SupportTicket>(db, "support_tickets.of_contract", of);
  r.root_access_periods = load_records<RootAccessPeriod>(db, "root_access_periods.of_contract", of);
  r.backups = load_records<Backup>(db, "backups.of_contract", of);
  r.mail_usage = load_records<MailUsageSample>(db, "mail_usage.of_contract", of);
  r.reversibility_requests = load_records<ReversibilityRequest>(db, "reversibility_requests.of_contract", of);
  r.payments = load_records<Payment>(db, "payments.of_contract", of);
  r.prior_invoices = load_records<PriorInvoice>(db, "prior_invoices.of_contract", of);
  return r;
}

}  // namespace clause
