// Numbers taken ahead of their documents by a `clause worker` (issue 16), so that workers do not
// queue behind one lock for the length of a render. B7 and the single run's numbers: once its
// planning pass (store/document_planning.h) has said which documents it numbers, an item waits for
// its turn (every earlier item of its run, by seq, has reserved its own), then in one short
// transaction of its own connection advances number_sequences, records a number for each
// document's (kind, contract, period) and marks itself numbered: the next item's turn. Its
// documents are then rendered, side by side with other workers', and issue_document records each
// under its reserved number. A worker that dies after reserving leaves the reservations, and
// whoever finishes the item finds them again: no gap. Nothing is installed in a single process:
// issue_document allocates in its own transaction as before.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/document_planning.h"
#include "store/ledger.h"

namespace clause {

// A worker that waited for its turn while an earlier item had no worker (its worker died): the
// item in hand is handed back (its transaction rolls back) so that the earlier one gets claimed.
// Not a std::exception on purpose: the jobs isolate a contract's failures by catching those, and
// this is no failure of the contract; it must reach the worker's loop.
struct TurnHandedBack {
  std::string message;
  const char* what() const noexcept { return message.c_str(); }
};

class NumberReservations {
 public:
  // `db`: a connection used for nothing else (its transactions are short and its own).
  explicit NumberReservations(Database& db) : db_(db) {}
  // The item whose documents are being issued (its run records the reservations).
  void set_item(long long run_id, int seq) {
    run_id_ = run_id;
    seq_ = seq;
  }
  // Waits for the item's turn, then reserves a number for each of `plan` not reserved yet, in
  // order, and marks the item numbered, in one transaction. Throws TurnHandedBack.
  void reserve(const std::vector<PlannedNumber>& plan);
  // The number of the document (kind, contract, period) dated in `year`: the one reserved if any,
  // else (a document the plan did not foresee; said in take_problems()) the next of its sequence.
  std::string number_for(DocumentKind kind, int year, const std::string& contract_id, const std::string& period);
  // Gives `number` back: the document will not be issued. Possible while it is the last number of
  // its sequence; otherwise kept (a gap), false, and said in take_problems().
  bool give_back(DocumentKind kind, int year, const std::string& contract_id, const std::string& period,
                 const std::string& number);
  // What went wrong giving numbers back (a gap to explain), for the worker's log; then forgotten.
  std::vector<std::string> take_problems() { return std::exchange(problems_, {}); }

 private:
  std::optional<std::string> reserved(const std::string& kind, const std::string& contract_id,
                                      const std::string& period);
  void wait_for_turn();
  // The next number of the sequence, recorded for the document, in the caller's transaction.
  std::string take(DocumentKind kind, int year, const std::string& contract_id, const std::string& period);
  Database& db_;
  long long run_id_ = 0;
  int seq_ = 0;
  std::vector<std::string> problems_;
};

// The reservations issue_document uses in this process (a worker installs them), or nullptr.
void install_number_reservations(NumberReservations* reservations);
NumberReservations* installed_number_reservations();

}  // namespace clause
