#include "batch/gdpr_reminder_mail.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "batch/mail_transport.h"
#include "batch/output_paths.h"
#include "reports/format.h"
#include "reports/mail/header_words.h"
#include "store/gdpr_reminder_ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

Instant midnight_utc(Date day) { return Instant{std::chrono::sys_days{day}}; }
Date day_of(Instant t) { return Date{std::chrono::floor<std::chrono::days>(t)}; }

// Why the reminder must not leave any more, if so: its inactivity period is over.
std::optional<std::string> period_over(const ReminderDelivery& r, const Account& a, Date today) {
  const Date since = a.last_activity.value_or(a.created);
  if (since != r.last_activity)
    return "cancelled: the account was active again on " + format_date(since) +
           " (the reminder was for the period "
           "since " +
           format_date(r.last_activity) + ")";
  if (r.inactive_on <= today) return "cancelled: too late, the account is inactive since " + format_date(r.inactive_on);
  return std::nullopt;
}

}  // namespace

std::map<std::string, mail::MailTemplates> load_gdpr_reminder_templates(const Config& config) {
  std::map<std::string, mail::MailTemplates> out;
  for (const char* language : {"fr", "en"})
    out.emplace(language, mail::MailTemplates::load(config.documents.templates / language / "mail" / "gdpr_reminder"));
  return out;
}

void send_gdpr_reminders(Database& db, const Config& config, const MailSettings& mail,
                         const std::optional<std::string>& secret,
                         const std::map<std::string, mail::MailTemplates>& templates, const SendRequest& request,
                         Instant now, SendReport& report) {
  if (request.document || request.run) return;  // a narrowed send is about documents only
  const std::vector<Account> accounts = load_accounts(db);
  for (ReminderDelivery r : load_pending_reminders(db)) {
    if (request.date && r.reminded_on > *request.date) continue;
    const std::string what =
        "account " + r.account_id + ", GDPR reminder (inactive on " + format_date(r.inactive_on) + ")";
    if (r.status == "deferred" && r.next_attempt && *r.next_attempt > now) {
      ++report.waiting;
      report.problems.push_back(what + ": deferred until " + format_instant_utc(*r.next_attempt) + " (" + r.reply +
                                ")");
      continue;
    }
    const auto account =
        std::find_if(accounts.begin(), accounts.end(), [&](const Account& a) { return a.id == r.account_id; });
    if (account == accounts.end()) continue;  // never: the row references the account
    if (auto over = period_over(r, *account, day_of(now))) {
      r.status = "cancelled";
      r.reply = *over;
      r.next_attempt.reset();
      record_reminder_outcome(db, r);
      spdlog::info("{}: {}", what, *over);
      continue;
    }
    const std::string language = account->language == "en" ? "en" : config.documents.default_language;
    const Language lang = language == "en" ? Language::en : Language::fr;
    mail::MailMessage m;
    m.from = {mail.from_name, mail.from_address};
    m.reply_to = mail.reply_to;
    // Isolation (invariant 4): this account's people only, each once.
    for (const Person& p : load_people_of_account(db, r.account_id)) {
      if (p.email.empty()) continue;
      if (auto problem = mail::address_problem(p.email)) {
        report.problems.push_back(what + ": person " + p.id + " skipped: " + *problem);
        continue;
      }
      if (std::none_of(m.to.begin(), m.to.end(), [&](const mail::Mailbox& b) { return b.address == p.email; }))
        m.to.push_back({p.full_name, p.email});
    }
    r.message_id =
        delivery_message_id({"gdpr-reminder|" + r.account_id + "|" + format_date(r.last_activity)}, mail.from_address);
    if (m.to.empty()) {
      r.status = "failed";
      r.reply = "no person of the account has a usable e-mail address (people.csv, column email)";
      record_reminder_outcome(db, r);
      ++report.failed;
      report.problems.push_back(what + ": failed: " + r.reply);
      continue;
    }
    m.message_id = r.message_id;
    m.date = midnight_utc(r.reminded_on);
    const nlohmann::json data = {
        {"client", {{"name", account->name}, {"account", account->id}}},
        {"provider",
         {{"name", config.provider.name}, {"email", config.provider.email}, {"phone", config.provider.phone}}},
        {"since_text", format_date_text(r.last_activity, lang)},
        {"inactive_text", format_date_text(r.inactive_on, lang)}};
    SendOutcome outcome;
    try {
      m.texts = templates.at(language == "en" ? "en" : "fr").render(data);
      if (mail.mode == "outbox") {
        const auto folder = mail.outbox / format_date(r.reminded_on);
        const std::string name = "gdpr-reminder--" + path_segment(r.account_id) + ".eml";
        outcome = write_to_outbox(folder, name, m);
        r.path = (folder / name).string();
      } else {
        outcome = send_by_smtp(mail, secret, m);
      }
    } catch (const std::exception& e) {
      outcome.kind = SendOutcome::Kind::failed;
      outcome.reply = e.what();
    }
    ++r.attempts;
    r.recipients = int(m.to.size());
    r.reply = outcome.reply;
    r.next_attempt.reset();
    switch (outcome.kind) {
      case SendOutcome::Kind::sent:
        r.status = "sent";
        r.sent_at = now;
        ++report.sent;
        spdlog::info("{}, message {}: sent: {}", what, r.message_id, outcome.reply);
        break;
      case SendOutcome::Kind::deferred:
        if (r.attempts >= mail.max_attempts) {
          r.status = "failed";
          r.reply = "gave up after " + std::to_string(r.attempts) + " attempts: " + outcome.reply;
          ++report.failed;
          report.problems.push_back(what + ": failed: " + r.reply);
        } else {
          r.status = "deferred";
          r.next_attempt =
              now + std::chrono::minutes(mail.retry_backoff_minutes) * (1LL << std::min(r.attempts - 1, 20));
          ++report.deferred;
          report.problems.push_back(what + ": deferred to " + format_instant_utc(*r.next_attempt) + ": " +
                                    outcome.reply);
        }
        break;
      case SendOutcome::Kind::failed:
        r.status = "failed";
        ++report.failed;
        report.problems.push_back(what + ": failed: " + outcome.reply);
        break;
    }
    record_reminder_outcome(db, r);
  }
}

}  // namespace clause
