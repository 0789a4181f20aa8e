#include "store/personal_data_erasure.h"

#include <algorithm>

#include "store/folded_text.h"
#include "store/table_rows.h"

namespace clause {
namespace {

// The free-text columns of one table and how its rows of an account are found. Every table with a
// text column a person can be quoted in is listed (docs/gdpr.md, "Where personal data lives"); ids,
// enums, dates and the ledger's paths and digests are not free text, and the issued documents'
// rows and files are the legal record (G3), never touched. The mail delivery ledger's replies
// (a relay's "550 5.1.1 <claire@...>: unknown user") and the audit log's details are scrubbed too.
struct TextColumns {
  const char* table;
  std::vector<const char*> columns;
  const char* of_account;  // WHERE clause with :account
  const char* key = "id";  // what names one row
};

const std::vector<TextColumns>& text_columns() {
  static const std::string contracts = "(SELECT id FROM contracts WHERE account_id = :account)";
  static const std::string services =
      "(SELECT s.id FROM services s JOIN contracts c ON c.id = s.contract_id WHERE c.account_id = :account)";
  static const std::string by_contract = "contract_id IN " + contracts;
  static const std::string by_service = "service_id IN " + services;
  static const std::string audit_of_account =
      "entity_id = :account OR entity_id IN " + contracts +
      " OR entity_id IN (SELECT r.id FROM reversibility_requests r JOIN contracts c ON c.id = r.contract_id"
      " WHERE c.account_id = :account)";
  static const std::vector<TextColumns> all = {
      {"accounts", {"name", "address"}, "id = :account"},
      {"people", {"role"}, "account_id = :account"},
      {"services", {"hostname", "label"}, by_contract.c_str()},
      {"incidents", {"summary"}, by_contract.c_str()},
      {"outages", {"summary"}, by_service.c_str()},
      {"interventions", {"quote_reference"}, by_contract.c_str()},
      {"backups", {"checksum", "location"}, by_service.c_str()},
      {"deliveries", {"reply"}, "account_id = :account"},
      {"gdpr_reminders", {"reply"}, "account_id = :account", "account_id || '|' || last_activity"},
      {"audit_log", {"detail"}, audit_of_account.c_str()},
  };
  return all;
}

}  // namespace

std::string scrub_text(std::string text, const std::vector<std::string>& needles) {
  const FoldedText folded = fold_text(text);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const auto& n : needles) {
    const std::string key = folded_key(n);
    if (key.size() < 3) continue;  // "Li", "+3": too short to mean anyone
    for (const auto& r : find_folded(folded, key)) ranges.push_back(r);
  }
  if (ranges.empty()) return text;
  // Matches of different needles may overlap (a name inside an e-mail): each region replaced once.
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < ranges.size();) {
    std::size_t begin = ranges[i].first, end = ranges[i].second;
    for (++i; i < ranges.size() && ranges[i].first <= end; ++i) end = std::max(end, ranges[i].second);
    out += text.substr(from, begin - from) + std::string{erased_text};
    from = end;
  }
  return out + text.substr(from);
}

std::vector<std::string> quotable_data(const Person& person) {
  std::vector<std::string> out{person.full_name, person.email, person.phone, person.postal_address};
  // A French number is also written nationally: "+33 6 34 38 42 54" as "06 34 38 42 54" (and
  // "0033 6 ..." holds "+33"'s digits); the blanks and dots do not matter once folded.
  const std::string phone = folded_key(person.phone);
  if (phone.starts_with("+33")) out.push_back("0" + phone.substr(3));
  if (phone.starts_with("+")) out.push_back(phone.substr(1));
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& s) { return folded_key(s).size() < 3; }),
            out.end());
  return out;
}

ErasureCounts erase_people(Database& db, const std::string& account_id, const std::vector<Person>& people) {
  ErasureCounts counts;
  std::vector<std::string> needles;
  for (const Person& p : people)
    for (auto& n : quotable_data(p)) needles.push_back(n);
  if (!needles.empty()) {
    for (const TextColumns& t : text_columns()) {
      std::string select = std::string{"SELECT "} + t.key;
      for (const char* c : t.columns) select += std::string{", "} + c;
      select += std::string{" FROM "} + t.table + " WHERE " + t.of_account;
      for (const auto& row : select_cells(db, select, t.columns.size() + 1, {{"account", account_id}})) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          if (!row[i + 1]) continue;
          std::string scrubbed = scrub_text(*row[i + 1], needles);
          if (scrubbed == *row[i + 1]) continue;
          db.session() << std::string{"UPDATE "} + t.table + " SET " + t.columns[i] + " = :v WHERE " + t.key + " = :id",
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
