// The delivery ledger (issue 13, sql/DIALECT/006_delivery.sql): which issued documents still wait
// for their e-mail, who an account's billing contacts are, and every message Clause built with its
// documents and its fate (queued, sent with the relay's reply, deferred with the reason and the next
// attempt, failed with the reason). A document is in at most one message (a primary key), so a
// rerun never delivers it twice; the recipients' addresses are never stored (G3), only counted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/enum_text.h"
#include "model/money.h"
#include "model/time.h"
#include "store/database.h"
#include "store/ledger.h"

namespace clause {

// An issued document as a message carries it: what it is, whose it is and its files (PDF, XLSX).
struct DeliverableDocument {
  long long id = 0;
  DocumentKind kind = DocumentKind::statement;
  std::optional<std::string> number;
  std::string contract_id;
  std::string account_id;  // the contract's account: the message's client (isolation)
  std::string period;
  Date issued_on{};
  Money total_ht, total_vat, total_ttc;
  long long run_id = 0;
  std::vector<DocumentFile> files;  // by path
  friend bool operator==(const DeliverableDocument&, const DeliverableDocument&) = default;
};

// The issued documents no message carries yet, by account, date and id.
std::vector<DeliverableDocument> load_undelivered_documents(Database& db);

// A contact of an account who receives its documents (people.role, an e-mail address set).
struct BillingContact {
  std::string full_name;
  std::string email;
};
// The people of `account_id` with an e-mail address and the first of `roles` that has any (by id):
// ["billing", "legal"] gives the billing contacts, or the legal one when there is none.
std::vector<BillingContact> load_billing_contacts(Database& db, const std::string& account_id,
                                                  const std::vector<std::string>& roles);

// The account's name and language ("fr", "en"), or nothing when there is no such account.
struct AccountHeading {
  std::string name;
  std::string language;
};
std::optional<AccountHeading> load_account_heading(Database& db, const std::string& account_id);

enum class DeliveryStatus { queued, sent, deferred, failed };
template <>
struct EnumWords<DeliveryStatus> {
  static constexpr std::array words{std::pair{DeliveryStatus::queued, std::string_view{"queued"}},
                                    std::pair{DeliveryStatus::sent, std::string_view{"sent"}},
                                    std::pair{DeliveryStatus::deferred, std::string_view{"deferred"}},
                                    std::pair{DeliveryStatus::failed, std::string_view{"failed"}}};
};

// One message of the ledger.
struct Delivery {
  long long id = 0;
  std::string message_id;  // "<...@...>", derived from its documents
  std::string account_id;
  Date night{};             // the issue date of its documents, its Date header
  int part = 1, parts = 1;  // a night's documents split over several messages (size limit)
  DeliveryStatus status = DeliveryStatus::queued;
  int attempts = 0;
  int recipients = 0;
  long long bytes = 0;  // the message's size as last built
  std::string reply;    // the relay's last reply, or why it failed
  std::optional<Instant> next_attempt;
  friend bool operator==(const Delivery&, const Delivery&) = default;
};

// Records `delivery` (status queued or failed) with its documents in order, in one transaction;
// returns its id. Throws soci::soci_error when a document already belongs to another message.
long long record_delivery(Database& db, const Delivery& delivery, const std::vector<long long>& document_ids,
                          Instant at, long long run_id);
// Writes a message's new status, attempts, reply and next attempt.
void record_delivery_outcome(Database& db, const Delivery& delivery, Instant at, long long run_id);

std::vector<Delivery> load_deliveries(Database& db);
// The messages still to send (queued or deferred), by id.
std::vector<Delivery> load_pending_deliveries(Database& db);
// The documents of message `delivery_id`, in their order, with their files.
std::vector<DeliverableDocument> load_documents_of_delivery(Database& db, long long delivery_id);

}  // namespace clause
