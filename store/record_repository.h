// Loaders of the imported records back into model structs: everything (for consistency checks
// and tests), the contract ids a job iterates over, and everything one contract's documents need
// (invariant 4: a document is built from one contract's records only). Ordered by natural key or
// by time, so that loading twice gives equal vectors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract_records.h"
#include "model/data_set.h"
#include "model/time.h"
#include "store/database.h"

namespace clause {

// Every record of every imported table.
DataSet load_data_set(Database& db);
// Inserts or updates (by natural key) every record of `data`, in one transaction, foreign keys
// first: the repository's write path (the generator, tests). No validation beyond the schema's.
void upsert_data_set(Database& db, const DataSet& data);

std::vector<Account> load_accounts(Database& db);
std::optional<Account> load_account(Database& db, const std::string& id);
std::vector<Person> load_people_of_account(Database& db, const std::string& account_id);
std::vector<Contract> load_contracts(Database& db);
std::optional<Contract> load_contract(Database& db, const std::string& id);
// Ids of every contract, sorted: the list a nightly job walks, one contract at a time.
std::vector<std::string> load_contract_ids(Database& db);
// Contracts that start on or before `last` and have not ended before `first` (both inclusive).
std::vector<Contract> load_contracts_active_between(Database& db, Date first, Date last);
// Incidents of a contract contacted in [during.begin, during.end).
std::vector<Incident> load_incidents_between(Database& db, const std::string& contract_id, Interval during);
std::vector<PriceIndex> load_price_indices(Database& db);
// One incident by id; nothing when there is none.
std::optional<Incident> load_incident(Database& db, const std::string& id);
std::vector<Payment> load_payments(Database& db);
// Everything of one contract; nothing when there is no such contract.
std::optional<ContractRecords> load_contract_records(Database& db, const std::string& contract_id);

}  // namespace clause
