// A worker's planning pass over one work item (issue 16): the item's documents issued once in one
// transaction that is rolled back, without rendering or publishing anything, to learn which
// invoices and credit notes it will number, in order, before the turn to reserve those numbers
// (store/number_reservation.h). It runs the single run's code: each issue_document becomes a
// savepoint of the planning transaction (so that a later document of the contract sees an earlier
// one, as in the run), numbered with a placeholder unique to the process; the renderer
// (batch/billing_output.cc) and the publication (batch/document_publication.cc) skip their work
// while planning_documents() is true. One item at a time per process.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "store/ledger.h"

namespace clause {

// A numbered document an item will issue: the reservation's key.
struct PlannedNumber {
  DocumentKind kind = DocumentKind::invoice;
  int year = 0;
  std::string contract_id;
  std::string period;
  friend bool operator==(const PlannedNumber&, const PlannedNumber&) = default;
};

class DocumentPlanning {
 public:
  // Begins the planning transaction on `db` (the connection the job's code issues through).
  explicit DocumentPlanning(Database& db);
  // Rolls it back: nothing planned stays.
  ~DocumentPlanning();
  DocumentPlanning(const DocumentPlanning&) = delete;
  DocumentPlanning& operator=(const DocumentPlanning&) = delete;
  // The numbered documents issued so far while planning, in order.
  const std::vector<PlannedNumber>& planned() const { return planned_; }

  // issue_document's side: the number a planned document bears ("FA-2026-P<pid>-<n>": no real
  // number's shape, unique across processes), and the document recorded.
  std::string placeholder_number(DocumentKind kind, int year);
  void note(const IssuedDocument& document);

 private:
  Database& db_;
  std::vector<PlannedNumber> planned_;
  long long placeholders_ = 0;
};

// The planning under way in this process, or nullptr.
DocumentPlanning* active_document_planning();
inline bool planning_documents() { return active_document_planning() != nullptr; }

}  // namespace clause
