// The one description of each imported record: its table and CSV file, its columns in model field
// order (CSV name, database name, codec), its natural key, the ids it refers to and the checks its
// table enforces. The CSV import, the database writers and the loaders all read this description,
// so a column cannot be added in one place and forgotten in another.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/operations.h"
#include "store/field_codec.h"

namespace clause {

// An id is at most this many bytes ("column id: at most 80 bytes").
inline constexpr std::size_t max_id_bytes = 80;

template <typename T>
struct Column {
  std::string csv_name;      // header of the CSV column: the model field name
  std::string db_name;       // column of the table (suffixed _cents, _milli, _minutes where stored so)
  bool required = true;      // an empty CSV field is an error ("required value is empty")
  bool identifier = false;   // an id or a reference to one: at most max_id_bytes (output paths hold ids)
  bool line_breaks = false;  // free text that may span lines (addresses, summaries): LF and CR allowed
  // CSV text -> field; returns the reason when the text is not a value of the field.
  std::function<std::optional<std::string>(std::string_view, T&)> parse;
  std::function<Cell(const T&)> store;
  std::function<bool(const Cell&, T&)> load;
};

// "the value of `column` is the id of a row of `table`" (a foreign key).
struct Reference {
  std::string column;  // CSV/db column name (the same for every reference)
  std::string table;   // referenced table; its key column is "id"
  std::string noun;    // "contract": for "unknown contract "C-9""
};

// A problem with one column of a row (the column is a CSV name).
struct ColumnError {
  std::string column;
  std::string reason;
};

template <typename T>
struct Entity {
  std::string table;  // also the CSV file stem
  std::vector<Column<T>> columns;
  std::vector<std::string> key;  // natural key columns, unique in the table
  std::vector<Reference> references;
  // The row-level CHECK constraints of the schema (end >= start...), so that the import reports
  // them as messages before the database would refuse the row.
  std::function<std::vector<ColumnError>(const T&)> row_check;

  std::string file() const { return table + ".csv"; }
};

// The description of each record type; defined in entity_tables.cc.
template <typename T>
const Entity<T>& entity();
template <>
const Entity<Account>& entity<Account>();
template <>
const Entity<Person>& entity<Person>();
template <>
const Entity<Contract>& entity<Contract>();
template <>
const Entity<Service>& entity<Service>();
template <>
const Entity<FeeRevision>& entity<FeeRevision>();
template <>
const Entity<Incident>& entity<Incident>();
template <>
const Entity<Outage>& entity<Outage>();
template <>
const Entity<Intervention>& entity<Intervention>();
template <>
const Entity<SupportTicket>& entity<SupportTicket>();
template <>
const Entity<RootAccessPeriod>& entity<RootAccessPeriod>();
template <>
const Entity<Backup>& entity<Backup>();
template <>
const Entity<MailUsageSample>& entity<MailUsageSample>();
template <>
const Entity<PriceIndex>& entity<PriceIndex>();
template <>
const Entity<Payment>& entity<Payment>();
template <>
const Entity<PriorInvoice>& entity<PriorInvoice>();
template <>
const Entity<ReversibilityRequest>& entity<ReversibilityRequest>();

// "id, kind, parent_id": the database columns of an entity in field order, for SELECT lists.
template <typename T>
std::string column_list(const Entity<T>& e) {
  std::string out;
  for (const auto& c : e.columns) out += (out.empty() ? "" : ", ") + ("\"" + c.db_name + "\"");
  return out;
}

// The row as database cells, in column order.
template <typename T>
std::vector<Cell> to_cells(const Entity<T>& e, const T& record) {
  std::vector<Cell> out;
  out.reserve(e.columns.size());
  for (const auto& c : e.columns) out.push_back(c.store(record));
  return out;
}

// Cells in column order -> record; throws std::runtime_error naming table and column when a
// stored value is not one of the field's type (a database edited by hand).
template <typename T>
T from_cells(const Entity<T>& e, const std::vector<Cell>& cells) {
  T record{};
  for (size_t i = 0; i < e.columns.size(); ++i)
    if (!e.columns[i].load(cells[i], record))
      throw std::runtime_error(e.table + "." + e.columns[i].db_name + ": stored value " +
                               quote_value(cells[i].value_or("NULL")) + " is not valid");
  return record;
}

}  // namespace clause
