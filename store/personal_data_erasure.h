// Erasing the personal data of an account's people (RULES G3, G5; K Annex 2). Two parts, both in
// the caller's transaction: every free-text column of the account's own rows (its account row,
// people, services, incidents, outages, interventions, backups) is searched for each person's exact
// full name, e-mail and phone, ASCII case-insensitively, and each occurrence replaced by
// "[effacé]"; then the people's rows keep their id, account and role and lose name, e-mail, phone
// and postal address (blanked: nothing derived from them, no hash, is kept). Postal addresses are
// erased where they live (people.postal_address); they are not searched for elsewhere, since a
// person's address is often the company's own billing address, which the invoices need.
#pragma once

#include <string>
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace clause {

inline constexpr std::string_view erased_text = "[effacé]";

struct ErasureCounts {
  int people_erased = 0;     // people rows that held personal data and were blanked
  int texts_scrubbed = 0;    // text cells of other rows where a name, e-mail or phone was replaced
  friend bool operator==(const ErasureCounts&, const ErasureCounts&) = default;
};

// `text` with every ASCII-case-insensitive occurrence of each non-empty needle replaced by
// erased_text (longest needles first, so an e-mail is replaced whole before a name inside it).
std::string scrub_text(std::string text, const std::vector<std::string>& needles);

// The strings a person's data can be quoted by elsewhere: full name, e-mail, phone (as written and
// without its blanks).
std::vector<std::string> quotable_data(const Person& person);

// Erases `people` (rows of `account_id`, as they are now in the database) as described above.
ErasureCounts erase_people(Database& db, const std::string& account_id, const std::vector<Person>& people);

}  // namespace clause
