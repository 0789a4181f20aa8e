#include "rules/document_retention.h"

namespace clause {

Date retention_ends(Date issued_on, const PersonalDataTerms& terms) {
  // "10 ans à compter de la clôture de l'exercice": the year ends on 31 December; the tenth
  // anniversary of that closing is still inside the retention, the next day is not.
  return Date{issued_on.year() + std::chrono::years{terms.legal_retention_years + 1}, std::chrono::January,
              std::chrono::day{1}};
}

bool past_retention(Date issued_on, Date run_date, const PersonalDataTerms& terms) {
  return run_date >= retention_ends(issued_on, terms);
}

}  // namespace clause
