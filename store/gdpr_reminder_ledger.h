// The e-mail side of the G4 reminders (sql/*/010_gdpr_reminder_mail.sql, issue 14): `clause gdpr`
// queues one reminder per account and inactivity period (store/gdpr_ledger.h, record_reminder),
// `clause send` delivers the queued and due ones and records each outcome, queued -> sent |
// deferred -> sent | failed, or cancelled when the period it was for is over. No personal data:
// recipients are counted, never named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/time.h"
#include "store/database.h"

namespace clause {

// One reminder and where its delivery stands.
struct ReminderDelivery {
  std::string account_id;
  Date last_activity{};    // names the inactivity period (the key, with the account)
  Date inactive_on{};      // G1: the day the account becomes inactive
  Date reminded_on{};      // the run date of `clause gdpr` that queued it
  std::string status;      // queued, sent, deferred, failed, cancelled
  std::string message_id;  // "<hash@domain>", the same for every attempt
  int attempts = 0;
  int recipients = 0;
  std::string reply;                    // the relay's last reply, or why it was not sent
  std::optional<Instant> next_attempt;  // deferred: not before
  std::optional<Instant> sent_at;
  std::string path;  // outbox mode: the .eml file (removed by a purge)
};

// The reminders to deliver (queued, or deferred), by account and period.
std::vector<ReminderDelivery> load_pending_reminders(Database& db);
// Every reminder, by account and period (tests, the list).
std::vector<ReminderDelivery> load_reminders(Database& db);
// Writes the delivery fields of `r` (status, Message-ID, attempts, recipients, reply, next
// attempt, sent at, path) on its row; committed at once, as the delivery ledger's outcomes are.
void record_reminder_outcome(Database& db, const ReminderDelivery& r);

}  // namespace clause
