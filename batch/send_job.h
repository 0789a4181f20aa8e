// `clause send` (issue 13): e-mails each client the issued documents no message carries yet, one
// message per client and night (split over several when they exceed [mail] max_message_bytes,
// never truncated), to the account's billing contacts, from the provider. Every message is recorded
// in the delivery ledger (store/delivery_ledger.h) as queued BEFORE it is handed over, and as sent
// only once the relay accepted its DATA: a crash in between resends it, under the same Message-ID,
// never loses it. Messages deferred earlier (4xx, connection lost) are retried first when due. One
// client's failure never stops the others. Isolation (ARCHITECTURE invariant 4): a message is built
// from the documents of one account only, addressed to that account's contacts only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/time.h"
#include "reports/mail/mime_message.h"
#include "settings/config.h"
#include "store/database.h"

namespace clause {

struct SendRequest {
  std::optional<Date> date;                     // only the documents issued on that day
  std::optional<long long> run;                 // only those issued by that run
  std::optional<std::string> document;          // only that document (its number, e.g. FA-2026-000005)
  std::optional<std::filesystem::path> outbox;  // write .eml files there, whatever [mail] mode says
};

struct SendReport {
  int sent = 0;                       // accepted by the relay (or written to the outbox) in this run
  int deferred = 0;                   // to be retried by a later run
  int failed = 0;                     // refused for good in this run: needs a look
  int waiting = 0;                    // deferred earlier, not yet due again
  int documents_without_contact = 0;  // not sent: the account has no billing contact
  std::vector<std::string> problems;  // one line each, for the log
  bool needs_a_look() const { return deferred + failed + waiting + documents_without_contact > 0 || !problems.empty(); }
};

// Runs the delivery. `now` is the run's clock (next attempts), `run_id` the `send` run of the
// ledger. Throws ConfigError or templates::TemplateError (nothing sent) when the mail templates or
// the relay's secret cannot be used, std::runtime_error when [mail] mode is off and no outbox given.
SendReport run_send_job(Database& db, const Config& config, const SendRequest& request, Instant now, long long run_id);

// The Message-ID of a message carrying these documents: "<hash@domain>", the hash over their
// kinds, references and file SHA-256s, sorted, so that a resend of the same documents carries the
// same id and a client's mail program recognises it.
std::string delivery_message_id(const std::vector<std::string>& document_keys, const std::string& from_address);

// A message from the provider to `account_id`'s contacts of `settings.recipient_roles` (its own
// people only: invariant 4); a contact with an unusable address is skipped and said in `problems`.
// Throws std::runtime_error when no contact is left.
mail::MailMessage message_to_contacts(Database& db, const MailSettings& settings, const std::string& account_id,
                                      std::vector<std::string>& problems);

}  // namespace clause
