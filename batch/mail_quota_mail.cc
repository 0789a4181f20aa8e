#include "batch/mail_quota_mail.h"

#include <spdlog/spdlog.h>

#include "batch/mail_transport.h"
#include "batch/output_paths.h"
#include "reports/format.h"
#include "reports/mail/header_words.h"
#include "reports/mail/mail_templates.h"
#include "store/record_repository.h"

namespace clause {
namespace {

// The message of warning `w`, or an exception saying why it cannot be built.
mail::MailMessage compose(Database& db, const Config& config, const MailSettings& settings, const MailQuotaWarning& w,
                          SendReport& report) {
  const auto heading = load_account_heading(db, w.account_id);
  if (!heading) throw std::runtime_error("no account " + w.account_id);
  const std::string language = heading->language == "en"                   ? "en"
                               : config.documents.default_language == "en" ? "en"
                                                                           : "fr";
  const Language lang = language == "en" ? Language::en : Language::fr;
  const auto templates = mail::MailTemplates::load(config.documents.templates / language / "mail_quota");
  // Isolation (invariant 4): the contacts of the contract's own account only.
  mail::MailMessage m = message_to_contacts(db, settings, w.account_id, report.problems);
  m.message_id = w.message_id;
  m.date = Instant{std::chrono::sys_days{w.night}};
  const nlohmann::json data = {
      {"client", {{"name", heading->name}, {"account", w.account_id}}},
      {"provider",
       {{"name", config.provider.name}, {"email", config.provider.email}, {"phone", config.provider.phone}}},
      {"contract", w.contract_id},
      {"day_text", format_date_text(w.exceeded_on, lang)},
      {"used_text", mail_size_text(w.megabytes, lang)},
      {"quota_gb", w.quota_gb},
      {"grace_days", w.grace_days},
      {"step_gb", w.step_gb},
      {"step_price_text", format_money(w.step_price, lang)}};
  m.texts = templates.render(data);
  return m;
}

}  // namespace

std::string mail_quota_message_id(const std::string& contract_id, Date exceeded_on, const std::string& from_address) {
  return delivery_message_id({"mail_quota|" + contract_id + "|" + format_date(exceeded_on)}, from_address);
}

std::string mail_size_text(std::int64_t megabytes, Language language) {
  const std::int64_t hundredths = (megabytes % 1000) / 10;
  return std::to_string(megabytes / 1000) + (language == Language::en ? "." : ",") + (hundredths < 10 ? "0" : "") +
         std::to_string(hundredths) + (language == Language::en ? " GB" : " Go");
}

void send_mail_quota_warnings(Database& db, const Config& config, const MailSettings& settings,
                              const std::optional<std::string>& secret, const SendRequest& request,
                              SendReport& report) {
  if (request.run || request.document) return;  // those name issued documents; a warning is none
  for (MailQuotaWarning w : load_mail_quota_warnings(db)) {
    if (w.status != DeliveryStatus::queued && w.status != DeliveryStatus::deferred) continue;
    if (request.date && w.night != *request.date) continue;
    const std::string what = "account " + w.account_id + ", mail quota warning of " + w.contract_id + " (" +
                             format_date(w.exceeded_on) + ")";
    SendOutcome outcome;
    try {
      const mail::MailMessage message = compose(db, config, settings, w, report);
      const std::string name = path_segment(w.account_id) + "-mail-quota-" + path_segment(w.contract_id) + ".eml";
      outcome = settings.mode == "outbox" ? write_to_outbox(settings.outbox / format_date(w.night), name, message)
                                          : send_by_smtp(settings, secret, message);
    } catch (const std::exception& e) {
      outcome.kind = SendOutcome::Kind::failed;
      outcome.reply = e.what();
    }
    ++w.attempts;
    w.reply = outcome.reply;
    if (outcome.kind == SendOutcome::Kind::sent) {
      w.status = DeliveryStatus::sent;
      ++report.sent;
      spdlog::info("{}: sent: {}", what, outcome.reply);
    } else if (outcome.kind == SendOutcome::Kind::deferred && w.attempts < settings.max_attempts) {
      // Retried by the next `clause send` (the nightly's send step), under the same Message-ID.
      w.status = DeliveryStatus::deferred;
      ++report.deferred;
      report.problems.push_back(what + ": deferred: " + outcome.reply);
    } else {
      w.status = DeliveryStatus::failed;
      ++report.failed;
      report.problems.push_back(what + ": failed: " + outcome.reply);
    }
    record_mail_quota_warning_outcome(db, w);
  }
}

}  // namespace clause
