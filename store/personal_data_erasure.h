// Erasing the personal data of an account's people (RULES G3, G5; K Annex 2). Two parts, both in
// the caller's transaction: every free-text column of the account's own rows (its account row,
// people, services, incidents, outages, interventions, backups, its e-mail deliveries' and GDPR
// reminders' relay replies, the audit log's details about it) is searched for each person's full
// name, e-mail, phone and postal address, folded (store/folded_text.h: case, accents, blanks and
// punctuation do not matter), and each occurrence replaced by "[effacé]"; then the people's rows
// keep their id, account and role and lose name, e-mail, phone and postal address (blanked:
// nothing derived from them, no hash, is kept). An account's billing address that is a person's
// postal address (a sole trader billed at home) is erased with it; a company's own address that
// no person gives as theirs stays. Issued invoices and credit notes are never touched (G3).
#pragma once

#include <string>
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace clause {

inline constexpr std::string_view erased_text = "[effacé]";

struct ErasureCounts {
  int people_erased = 0;   // people rows that held personal data and were blanked
  int texts_scrubbed = 0;  // text cells of other rows where a name, e-mail or phone was replaced
  friend bool operator==(const ErasureCounts&, const ErasureCounts&) = default;
};

// `text` with every folded occurrence (store/folded_text.h) of each needle of 3 folded characters
// or more replaced by erased_text; overlapping matches (a name inside an e-mail) become one.
std::string scrub_text(std::string text, const std::vector<std::string>& needles);

// The strings a person's data can be quoted by elsewhere: full name, e-mail, phone, postal address,
// and the phone's national ("0...") and digits-only forms; those folding to under 3 characters dropped.
std::vector<std::string> quotable_data(const Person& person);

// Erases `people` (rows of `account_id`, as they are now in the database) as described above.
ErasureCounts erase_people(Database& db, const std::string& account_id, const std::vector<Person>& people);

}  // namespace clause
