// The agreed CSV layout of an import directory (docs/import.md): one file per entity, columns
// named and ordered as the fields of the model structs, except Incident::backup_restore, written
// as integer minutes in `backup_restore_minutes`.
#pragma once

#include <string_view>
#include <vector>

namespace clause::dataset_columns {

inline const std::vector<std::string_view> kAccounts{"id",    "kind",       "parent_id", "name",          "address",
                                                     "siren", "vat_number", "language",  "last_activity", "created"};
inline const std::vector<std::string_view> kPeople{"id",    "account_id",     "full_name", "email",
                                                   "phone", "postal_address", "role"};
inline const std::vector<std::string_view> kContracts{
    "id",      "account_id",    "terms_profile",     "start",     "end",          "term_months", "tacit_renewal",
    "billing", "backup_option", "high_availability", "gtr_hours", "holiday_zone", "time_zone"};
inline const std::vector<std::string_view> kServices{"id", "contract_id", "kind", "hostname", "label", "managed"};
inline const std::vector<std::string_view> kFeeRevisions{"service_id", "effective", "period_price", "index_value"};
inline const std::vector<std::string_view> kIncidents{
    "id",       "contract_id", "service_id", "contacted", "intervention_start",
    "restored", "blocking",    "cause",      "data_loss", "backup_restore_minutes",
    "summary"};
inline const std::vector<std::string_view> kOutages{"id", "service_id", "start", "end", "kind", "summary"};
inline const std::vector<std::string_view> kInterventions{"id",   "contract_id", "service_id", "incident_id",
                                                          "kind", "start",       "end",        "quote_reference"};
inline const std::vector<std::string_view> kSupportTickets{"id", "contract_id", "opened", "acknowledged"};
inline const std::vector<std::string_view> kRootAccessPeriods{"id", "contract_id", "service_id", "start", "end"};
inline const std::vector<std::string_view> kBackups{"id",     "service_id", "scope",    "kind",     "start",  "end",
                                                    "status", "size_bytes", "checksum", "location", "expires"};
inline const std::vector<std::string_view> kMailUsage{"contract_id", "day", "megabytes"};
inline const std::vector<std::string_view> kPriceIndices{"name", "month", "value", "published"};
inline const std::vector<std::string_view> kPriorInvoices{"number",    "contract_id", "issued",   "period_from",
                                                          "period_to", "total_ht",    "vat_rate", "total_vat"};
inline const std::vector<std::string_view> kPayments{"id", "invoice_number", "paid", "amount"};
inline const std::vector<std::string_view> kReversibilityRequests{
    "id", "contract_id", "requested", "end_of_service", "takeover", "completed"};

}  // namespace clause::dataset_columns
