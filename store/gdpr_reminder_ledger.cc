#include "store/gdpr_reminder_ledger.h"

#include "store/table_rows.h"

namespace clause {
namespace {

std::vector<ReminderDelivery> load_by(Database& db, std::string_view query) {
  std::vector<ReminderDelivery> out;
  for (const auto& c : select_cells(db, db.query(query), 12)) {
    ReminderDelivery r;
    r.account_id = c[0].value_or("");
    r.last_activity = parse_date(c[1].value_or("")).value_or(Date{});
    r.inactive_on = parse_date(c[2].value_or("")).value_or(Date{});
    r.reminded_on = parse_date(c[3].value_or("")).value_or(Date{});
    r.status = c[4].value_or("");
    r.message_id = c[5].value_or("");
    r.attempts = c[6] ? std::stoi(*c[6]) : 0;
    r.recipients = c[7] ? std::stoi(*c[7]) : 0;
    r.reply = c[8].value_or("");
    if (c[9]) r.next_attempt = parse_instant(*c[9]);
    if (c[10]) r.sent_at = parse_instant(*c[10]);
    r.path = c[11].value_or("");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<ReminderDelivery> load_pending_reminders(Database& db) { return load_by(db, "gdpr_mail.pending"); }
std::vector<ReminderDelivery> load_reminders(Database& db) { return load_by(db, "gdpr_mail.all"); }

void record_reminder_outcome(Database& db, const ReminderDelivery& r) {
  const std::string last = format_date(r.last_activity);
  long long attempts = r.attempts, recipients = r.recipients;
  std::string next = r.next_attempt ? format_instant_utc(*r.next_attempt) : std::string{};
  std::string sent = r.sent_at ? format_instant_utc(*r.sent_at) : std::string{};
  soci::indicator next_indicator = r.next_attempt ? soci::i_ok : soci::i_null;
  soci::indicator sent_indicator = r.sent_at ? soci::i_ok : soci::i_null;
  db.session() << db.query("gdpr_mail.update_outcome"), soci::use(r.status, "status"),
      soci::use(r.message_id, "message_id"), soci::use(attempts, "attempts"), soci::use(recipients, "recipients"),
      soci::use(r.reply, "reply"), soci::use(next, next_indicator, "next_attempt"),
      soci::use(sent, sent_indicator, "sent_at"), soci::use(r.path, "path"), soci::use(r.account_id, "account"),
      soci::use(last, "last_activity");
}

}  // namespace clause
