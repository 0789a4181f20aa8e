#include "dataset_checks.h"

#include <functional>
#include <set>

#include "csv_table.h"
#include "model/account.h"
#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/decimal.h"
#include "model/money.h"
#include "model/operations.h"

namespace clause::testing {
namespace {

using Check = std::function<bool(std::string_view)>;

bool is_int(std::string_view v) {
  if (v.empty()) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}
bool is_instant(std::string_view v) { return v.size() == 25 && parse_instant(v).has_value(); }  // offset required
template <typename E>
Check word() {
  return [](std::string_view v) { return from_word<E>(v).has_value(); };
}
Check optional(Check check) {
  return [check](std::string_view v) { return v.empty() || check(v); };
}
const Check kText = [](std::string_view) { return true; };
const Check kRequired = [](std::string_view v) { return !v.empty(); };
const Check kDate = [](std::string_view v) { return parse_date(v).has_value(); };
const Check kInstant = is_instant;
const Check kBool = [](std::string_view v) { return v == "true" || v == "false"; };
const Check kInt = is_int;
const Check kMoney = [](std::string_view v) { return parse_money(v).has_value(); };
const Check kMilli = [](std::string_view v) { return parse_milli(v).has_value(); };
const Check kMonth = [](std::string_view v) { return parse_year_month(v).has_value(); };

struct Column {
  std::string name;
  Check check;
};

// Shape of each column, in the agreed order.
const std::map<std::string, std::vector<Column>>& schema() {
  static const std::map<std::string, std::vector<Column>> kSchema{
      {"accounts",
       {{"id", kRequired},
        {"kind", word<AccountKind>()},
        {"parent_id", kText},
        {"name", kRequired},
        {"address", kText},
        {"siren", kText},
        {"vat_number", kText},
        {"language", [](std::string_view v) { return v == "fr" || v == "en"; }},
        {"last_activity", optional(kDate)},
        {"created", kDate}}},
      {"people",
       {{"id", kRequired},
        {"account_id", kRequired},
        {"full_name", kRequired},
        {"email", kText},
        {"phone", kText},
        {"postal_address", kText},
        {"role", kText}}},
      {"contracts",
       {{"id", kRequired},
        {"account_id", kRequired},
        {"terms_profile", kRequired},
        {"start", kDate},
        {"end", optional(kDate)},
        {"term_months", kInt},
        {"tacit_renewal", kBool},
        {"billing", word<BillingPeriod>()},
        {"backup_option", kBool},
        {"high_availability", kBool},
        {"gtr_hours", kInt},
        {"holiday_zone", word<HolidayZone>()},
        {"time_zone", kRequired}}},
      {"services",
       {{"id", kRequired},
        {"contract_id", kRequired},
        {"kind", word<ServiceKind>()},
        {"hostname", kText},
        {"label", kRequired},
        {"managed", kBool}}},
      {"fee_revisions",
       {{"service_id", kRequired}, {"effective", kDate}, {"period_price", kMoney}, {"index_value", optional(kMilli)}}},
      {"incidents",
       {{"id", kRequired},
        {"contract_id", kRequired},
        {"service_id", kRequired},
        {"contacted", kInstant},
        {"intervention_start", optional(kInstant)},
        {"restored", optional(kInstant)},
        {"blocking", kBool},
        {"cause", word<IncidentCause>()},
        {"data_loss", kBool},
        {"backup_restore_minutes", kInt},
        {"summary", kText}}},
      {"outages",
       {{"id", kRequired},
        {"service_id", kRequired},
        {"start", kInstant},
        {"end", kInstant},
        {"kind", word<OutageKind>()},
        {"summary", kText}}},
      {"interventions",
       {{"id", kRequired},
        {"contract_id", kRequired},
        {"service_id", kRequired},
        {"incident_id", kText},
        {"kind", word<InterventionKind>()},
        {"start", kInstant},
        {"end", kInstant},
        {"quote_reference", kText}}},
      {"support_tickets",
       {{"id", kRequired}, {"contract_id", kRequired}, {"opened", kInstant}, {"acknowledged", optional(kInstant)}}},
      {"root_access_periods",
       {{"id", kRequired},
        {"contract_id", kRequired},
        {"service_id", kRequired},
        {"start", kInstant},
        {"end", optional(kInstant)}}},
      {"backups",
       {{"id", kRequired},
        {"service_id", kRequired},
        {"scope", word<BackupScope>()},
        {"kind", word<BackupKind>()},
        {"start", kInstant},
        {"end", optional(kInstant)},
        {"status", word<BackupStatus>()},
        {"size_bytes", kInt},
        {"checksum", kText},
        {"location", kText},
        {"expires", optional(kDate)}}},
      {"mail_usage", {{"contract_id", kRequired}, {"day", kDate}, {"megabytes", kInt}}},
      {"price_indices", {{"name", kRequired}, {"month", kMonth}, {"value", kMilli}, {"published", kDate}}},
      {"prior_invoices",
       {{"number", kRequired},
        {"contract_id", kRequired},
        {"issued", kDate},
        {"period_from", kDate},
        {"period_to", kDate},
        {"total_ht", kMoney},
        {"vat_rate", kMilli},
        {"total_vat", kMoney}}},
      {"payments", {{"id", kRequired}, {"invoice_number", kRequired}, {"paid", kDate}, {"amount", kMoney}}},
      {"reversibility_requests",
       {{"id", kRequired},
        {"contract_id", kRequired},
        {"requested", kDate},
        {"end_of_service", kDate},
        {"takeover", optional(kDate)},
        {"completed", optional(kDate)}}},
  };
  return kSchema;
}

struct Reference {
  std::string file, column, target;  // target file whose `id` the column names (empty value allowed)
};
const std::vector<Reference> kReferences{{"accounts", "parent_id", "accounts"},
                                         {"people", "account_id", "accounts"},
                                         {"contracts", "account_id", "accounts"},
                                         {"services", "contract_id", "contracts"},
                                         {"fee_revisions", "service_id", "services"},
                                         {"incidents", "contract_id", "contracts"},
                                         {"incidents", "service_id", "services"},
                                         {"outages", "service_id", "services"},
                                         {"interventions", "contract_id", "contracts"},
                                         {"interventions", "service_id", "services"},
                                         {"interventions", "incident_id", "incidents"},
                                         {"support_tickets", "contract_id", "contracts"},
                                         {"root_access_periods", "contract_id", "contracts"},
                                         {"root_access_periods", "service_id", "services"},
                                         {"backups", "service_id", "services"},
                                         {"mail_usage", "contract_id", "contracts"},
                                         {"prior_invoices", "contract_id", "contracts"},
                                         {"reversibility_requests", "contract_id", "contracts"}};

// (file, first, second): second, when present, is not before first.
const std::vector<std::array<std::string, 3>> kOrdered{{"contracts", "start", "end"},
                                                       {"incidents", "contacted", "intervention_start"},
                                                       {"incidents", "intervention_start", "restored"},
                                                       {"outages", "start", "end"},
                                                       {"interventions", "start", "end"},
                                                       {"support_tickets", "opened", "acknowledged"},
                                                       {"root_access_periods", "start", "end"},
                                                       {"backups", "start", "end"},
                                                       {"reversibility_requests", "requested", "end_of_service"},
                                                       {"prior_invoices", "period_from", "period_to"}};

std::string where(const std::string& file, std::size_t row) {
  return file + ".csv line " + std::to_string(row + 2);  // 1-based, after the header
}

// Dates compare as text; instants after conversion to UTC.
bool before(std::string_view a, std::string_view b) {
  if (a.size() == 25) return *parse_instant(b) < *parse_instant(a);
  return b < a;
}

}  // namespace

const std::map<std::string, std::vector<std::string>>& agreed_columns() {
  static const std::map<std::string, std::vector<std::string>> kColumns{
      {"accounts",
       {"id", "kind", "parent_id", "name", "address", "siren", "vat_number", "language", "last_activity", "created"}},
      {"people", {"id", "account_id", "full_name", "email", "phone", "postal_address", "role"}},
      {"contracts",
       {"id", "account_id", "terms_profile", "start", "end", "term_months", "tacit_renewal", "billing", "backup_option",
        "high_availability", "gtr_hours", "holiday_zone", "time_zone"}},
      {"services", {"id", "contract_id", "kind", "hostname", "label", "managed"}},
      {"fee_revisions", {"service_id", "effective", "period_price", "index_value"}},
      {"incidents",
       {"id", "contract_id", "service_id", "contacted", "intervention_start", "restored", "blocking", "cause",
        "data_loss", "backup_restore_minutes", "summary"}},
      {"outages", {"id", "service_id", "start", "end", "kind", "summary"}},
      {"interventions", {"id", "contract_id", "service_id", "incident_id", "kind", "start", "end", "quote_reference"}},
      {"support_tickets", {"id", "contract_id", "opened", "acknowledged"}},
      {"root_access_periods", {"id", "contract_id", "service_id", "start", "end"}},
      {"backups",
       {"id", "service_id", "scope", "kind", "start", "end", "status", "size_bytes", "checksum", "location",
        "expires"}},
      {"mail_usage", {"contract_id", "day", "megabytes"}},
      {"price_indices", {"name", "month", "value", "published"}},
      {"prior_invoices",
       {"number", "contract_id", "issued", "period_from", "period_to", "total_ht", "vat_rate", "total_vat"}},
      {"payments", {"id", "invoice_number", "paid", "amount"}},
      {"reversibility_requests", {"id", "contract_id", "requested", "end_of_service", "takeover", "completed"}}};
  return kColumns;
}

std::map<std::string, std::size_t> dataset_row_counts(const std::filesystem::path& dir) {
  std::map<std::string, std::size_t> counts;
  for (const auto& [file, columns] : agreed_columns()) counts[file] = read_csv_table(dir / (file + ".csv")).rows.size();
  return counts;
}

std::vector<std::string> dataset_problems(const std::filesystem::path& dir) {
  std::vector<std::string> problems;
  std::map<std::string, CsvTable> tables;
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [file, columns] : agreed_columns()) {
    CsvTable table = read_csv_table(dir / (file + ".csv"));
    if (table.header != columns) {
      problems.push_back(file + ".csv: header differs from the agreed columns");
      continue;
    }
    const std::vector<Column>& shape = schema().at(file);
    const bool has_id = columns.front() == "id";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (row.size() != columns.size()) {
        problems.push_back(where(file, r) + ": " + std::to_string(row.size()) + " fields");
        continue;
      }
      for (std::size_t c = 0; c < row.size(); ++c)
        if (!shape[c].check(row[c]))
          problems.push_back(where(file, r) + ": bad " + shape[c].name + " '" + row[c] + "'");
      if (has_id && !ids[file].insert(row[0]).second) problems.push_back(where(file, r) + ": duplicate id " + row[0]);
    }
    tables.emplace(file, std::move(table));
  }
  if (!problems.empty()) return problems;
  for (const Reference& ref : kReferences) {
    const CsvTable& table = tables.at(ref.file);
    const std::size_t c = table.column(ref.column);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::string& value = table.rows[r][c];
      if (!value.empty() && !ids[ref.target].count(value))
        problems.push_back(where(ref.file, r) + ": " + ref.column + " " + value + " not found");
    }
  }
  for (const auto& [file, first, second] : kOrdered) {
    const CsvTable& table = tables.at(file);
    const std::size_t a = table.column(first), b = table.column(second);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      if (!table.rows[r][a].empty() && !table.rows[r][b].empty() && before(table.rows[r][a], table.rows[r][b]))
        problems.push_back(where(file, r) + ": " + second + " before " + first);
  }
  // A service named by an incident, intervention or root-access period belongs to its contract;
  // an intervention's incident belongs to the same contract.
  std::map<std::string, std::string> contract_of_service, contract_of_incident;
  for (const auto& row : tables.at("services").rows) contract_of_service[row[0]] = row[1];
  for (const auto& row : tables.at("incidents").rows) contract_of_incident[row[0]] = row[1];
  for (const std::string file : {"incidents", "interventions", "root_access_periods"}) {
    const CsvTable& table = tables.at(file);
    const std::size_t contract = table.column("contract_id"), service = table.column("service_id");
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      if (contract_of_service[table.rows[r][service]] != table.rows[r][contract])
        problems.push_back(where(file, r) + ": service of another contract");
  }
  const CsvTable& interventions = tables.at("interventions");
  for (std::size_t r = 0; r < interventions.rows.size(); ++r) {
    const auto& row = interventions.rows[r];
    if (!row[3].empty() && contract_of_incident[row[3]] != row[1])
      problems.push_back(where("interventions", r) + ": incident of another contract");
  }
  for (std::size_t r = 0; r < tables.at("accounts").rows.size(); ++r) {
    const auto& row = tables.at("accounts").rows[r];
    if ((row[1] == "sub_account") != !row[2].empty())
      problems.push_back(where("accounts", r) + ": parent_id only for sub-accounts");
  }
  return problems;
}

}  // namespace clause::testing
