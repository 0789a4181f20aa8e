#include "store/personal_data_erasure.h"

#include <algorithm>
#include <cctype>

#include "store/table_rows.h"

namespace clause {
namespace {

// The free-text columns of one table and how its rows of an account are found. Every table of
// sql/*/001_records.sql with a text column a person can be quoted in is listed; ids, enums, dates
// and the ledger's paths and digests are not free text.
struct TextColumns {
  const char* table;
  std::vector<const char*> columns;
  const char* of_account;   // WHERE clause with :account
};

const std::vector<TextColumns>& text_columns() {
  static const std::string contracts = "(SELECT id FROM contracts WHERE account_id = :account)";
  static const std::string services =
      "(SELECT s.id FROM services s JOIN contracts c ON c.id = s.contract_id WHERE c.account_id = :account)";
  static const std::string by_contract = "contract_id IN " + contracts;
  static const std::string by_service = "service_id IN " + services;
  static const std::vector<TextColumns> all = {
      {"accounts", {"name", "address"}, "id = :account"},
      {"people", {"role"}, "account_id = :account"},
      {"services", {"hostname", "label"}, by_contract.c_str()},
      {"incidents", {"summary"}, by_contract.c_str()},
      {"outages", {"summary"}, by_service.c_str()},
      {"interventions", {"quote_reference"}, by_contract.c_str()},
      {"backups", {"checksum", "location"}, by_service.c_str()},
  };
  return all;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string scrub_text(std::string text, const std::vector<std::string>& needles) {
  std::vector<std::string> sorted;
  for (const auto& n : needles)
    if (!n.empty()) sorted.push_back(ascii_lower(n));
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const std::string& needle : sorted) {
    std::string lower = ascii_lower(text);
    std::string out;
    std::size_t from = 0;
    for (std::size_t at; (at = lower.find(needle, from)) != std::string::npos; from = at + needle.size())
      out += text.substr(from, at - from) + std::string{erased_text};
    if (from == 0) continue;
    text = out + text.substr(from);
  }
  return text;
}

std::vector<std::string> quotable_data(const Person& person) {
  std::vector<std::string> out{person.full_name, person.email, person.phone};
  std::string compact;
  for (char c : person.phone)
    if (c != ' ' && c != '.' && c != '-') compact += c;
  if (compact != person.phone) out.push_back(compact);
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& s) { return s.size() < 3; }), out.end());
  return out;
}

ErasureCounts erase_people(Database& db, const std::string& account_id, const std::vector<Person>& people) {
  ErasureCounts counts;
  std::vector<std::string> needles;
  for (const Person& p : people)
    for (auto& n : quotable_data(p)) needles.push_back(n);
  if (!needles.empty()) {
    for (const TextColumns& t : text_columns()) {
      std::string select = "SELECT id";
      for (const char* c : t.columns) select += std::string{", "} + c;
      select += std::string{" FROM "} + t.table + " WHERE " + t.of_account;
      for (const auto& row : select_cells(db, select, t.columns.size() + 1, {{"account", account_id}})) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          if (!row[i + 1]) continue;
          std::string scrubbed = scrub_text(*row[i + 1], needles);
          if (scrubbed == *row[i + 1]) continue;
          db.session() << std::string{"UPDATE "} + t.table + " SET " + t.columns[i] + " = :v WHERE id = :id",
              soci::use(scrubbed, "v"), soci::use(*row[0], "id");
          ++counts.texts_scrubbed;
        }
      }
    }
  }
  for (const Person& p : people) {
    if (p.full_name.empty() && p.email.empty() && p.phone.empty() && p.postal_address.empty()) continue;
    db.session() << db.query("gdpr.erase_person"), soci::use(p.id, "id");
    ++counts.people_erased;
  }
  return counts;
}

}  // namespace clause
