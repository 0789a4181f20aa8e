#include "batch/send_job.h"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>

#include "batch/gdpr_reminder_mail.h"
#include "batch/mail_quota_mail.h"  // issue 12
#include "batch/mail_transport.h"
#include "batch/output_paths.h"
#include "model/whole_file.h"
#include "reports/format.h"
#include "reports/mail/header_words.h"
#include "reports/mail/mail_templates.h"
#include "reports/pdf/sha256.h"
#include "settings/toml_reader.h"
#include "store/delivery_ledger.h"

namespace clause {
namespace {

// Room kept in a message for its headers and its two text parts (quoted-printable, a few lines
// per document): 8 KiB, and 1 KiB more per document; the attachments get the rest.
long long text_allowance(std::size_t documents) { return 8192 + 1024 * (long long)documents; }

std::string hex(const std::array<unsigned char, 32>& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) out += {digits[b >> 4], digits[b & 15]};
  return out;
}

std::string read_bytes(const std::filesystem::path& file) {
  auto bytes = read_whole_file(file);
  if (!bytes) throw std::runtime_error("missing file " + file.string());
  return std::move(*bytes);
}

std::string reference_of(const DeliverableDocument& d) { return d.number ? *d.number : d.contract_id + " " + d.period; }

std::string key_of(const DeliverableDocument& d) {
  std::string key = std::string(to_word(d.kind)) + "|" + d.contract_id + "|" + d.period + "|" + d.number.value_or("");
  for (const auto& f : d.files) key += "|" + f.sha256;
  return key;
}

std::string references(const std::vector<DeliverableDocument>& documents) {
  std::string out;
  for (const auto& d : documents) out += (out.empty() ? "" : ", ") + reference_of(d);
  return out;
}

long long file_size(const DocumentFile& f) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(f.path, ec);
  return ec ? 0 : (long long)size;
}

long long documents_bytes(const DeliverableDocument& d) {
  long long total = 0;
  for (const auto& f : d.files) total += mail::attachment_bytes(file_size(f));
  return total;
}

Instant midnight_utc(Date night) { return Instant{std::chrono::sys_days{night}}; }

class Sender {
 public:
  Sender(Database& db, const Config& config, const SendRequest& request, Instant now, long long run_id)
      : db_(db), config_(config), mail_(config.mail), now_(now), run_id_(run_id) {
    if (request.outbox) {
      mail_.mode = "outbox";
      mail_.outbox = *request.outbox;
    }
    if (mail_.mode == "off")
      throw std::runtime_error("e-mail delivery is off ([mail] mode = \"off\" in " + config.file.string() +
                               "): set mode to \"smtp\" or \"outbox\", or give --outbox DIR");
    if (mail_.outbox.empty()) mail_.outbox = config.output / "outbox";
    if (mail_.from_address.empty()) mail_.from_address = config.provider.email;
    if (auto problem = mail::address_problem(mail_.from_address))
      throw ConfigError({config.file.string() + ": key mail.from: " + *problem});
    for (const char* language : {"fr", "en"})
      templates_.emplace(language, mail::MailTemplates::load(config.documents.templates / language / "mail"));
    reminder_templates_ = load_gdpr_reminder_templates(config);  // issue 14: G4 reminders
    if (mail_.mode == "smtp") secret_ = read_mail_secret(mail_);
  }

  SendReport run(const SendRequest& request) {
    retry_pending();
    send_new(request);
    // Issue 14: the G4 reminders `clause gdpr` queued (batch/gdpr_reminder_mail.h).
    send_gdpr_reminders(db_, config_, mail_, secret_, reminder_templates_, request, now_, report_);
    // Issue 12: the B5 mail-quota warnings the nightly queued, through the same relay or outbox.
    send_mail_quota_warnings(db_, config_, mail_, secret_, request, report_);
    return report_;
  }

 private:
  // Messages queued (a crash before their outcome) or deferred and due again: the same documents,
  // the same Message-ID, to the contacts the account has now.
  void retry_pending() {
    for (Delivery delivery : load_pending_deliveries(db_)) {
      if (delivery.status == DeliveryStatus::deferred && delivery.next_attempt && *delivery.next_attempt > now_) {
        ++report_.waiting;
        report_.problems.push_back("account " + delivery.account_id + ", message " + delivery.message_id +
                                   ": deferred until " + format_instant_utc(*delivery.next_attempt) + " (" +
                                   delivery.reply + ")");
        continue;
      }
      const std::vector<DeliverableDocument> documents = load_documents_of_delivery(db_, delivery.id);
      deliver(delivery, documents);
    }
  }

  void send_new(const SendRequest& request) {
    std::vector<DeliverableDocument> all = load_undelivered_documents(db_);
    std::erase_if(all, [&](const DeliverableDocument& d) {
      return (request.date && d.issued_on != *request.date) || (request.run && d.run_id != *request.run) ||
             (request.document && d.number != *request.document);
    });
    if (request.document && all.empty())
      spdlog::info("send: document {}: nothing new to send (not issued, or already in a message)", *request.document);
    // One message per account and night (the documents come ordered by account, date, id).
    std::map<std::pair<std::string, std::string>, std::vector<DeliverableDocument>> nights;
    for (auto& d : all) nights[{d.account_id, format_date(d.issued_on)}].push_back(std::move(d));
    for (auto& [key, documents] : nights) {
      try {
        send_night(key.first, documents);
      } catch (const std::exception& e) {
        // One client's trouble never stops the others.
        ++report_.failed;
        report_.problems.push_back("account " + key.first + ", night " + key.second + " (" + references(documents) +
                                   "): not sent: " + e.what());
      }
    }
  }

  void send_night(const std::string& account_id, const std::vector<DeliverableDocument>& documents) {
    if (load_billing_contacts(db_, account_id, mail_.recipient_roles).empty()) {
      report_.documents_without_contact += int(documents.size());
      report_.problems.push_back("account " + account_id +
                                 ": no contact with an e-mail address and a role of [mail] "
                                 "recipient_roles (people.csv, column role): " +
                                 references(documents) + " not sent");
      return;
    }
    // Split over messages by size, each document whole (a statement's PDF and workbook together).
    const long long limit = mail_.max_message_bytes;
    std::vector<std::vector<DeliverableDocument>> parts;
    long long used = 0;
    for (const auto& d : documents) {
      const long long bytes = documents_bytes(d);
      if (bytes + text_allowance(1) > limit) {
        Delivery too_big;
        too_big.message_id = delivery_message_id({key_of(d)}, mail_.from_address);
        too_big.account_id = account_id;
        too_big.night = d.issued_on;
        too_big.status = DeliveryStatus::failed;
        too_big.bytes = bytes;
        too_big.reply =
            "too big: " + reference_of(d) + " needs about " + std::to_string(bytes) +
            " bytes in a message, over [mail] max_message_bytes = " + std::to_string(mail_.max_message_bytes);
        record_delivery(db_, too_big, {d.id}, now_, run_id_);
        ++report_.failed;
        report_.problems.push_back("account " + account_id + ", " + reference_of(d) + ": " + too_big.reply);
        continue;
      }
      if (parts.empty() || used + bytes + text_allowance(parts.back().size() + 1) > limit) {
        parts.emplace_back();
        used = 0;
      }
      parts.back().push_back(d);
      used += bytes;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Delivery delivery;
      std::vector<std::string> keys;
      std::vector<long long> ids;
      long long bytes = text_allowance(parts[i].size());
      for (const auto& d : parts[i]) {
        keys.push_back(key_of(d));
        ids.push_back(d.id);
        bytes += documents_bytes(d);
      }
      delivery.message_id = delivery_message_id(keys, mail_.from_address);
      delivery.account_id = account_id;
      delivery.night = parts[i].front().issued_on;
      delivery.part = int(i + 1);
      delivery.parts = int(parts.size());
      delivery.bytes = bytes;
      delivery.recipients = int(load_billing_contacts(db_, account_id, mail_.recipient_roles).size());
      // Queued before it is handed over: a crash after this resends it, never loses it.
      delivery.id = record_delivery(db_, delivery, ids, now_, run_id_);
      deliver(delivery, parts[i]);
    }
  }

  // Builds the message of `documents` for `delivery`, hands it over and records the outcome.
  void deliver(Delivery delivery, const std::vector<DeliverableDocument>& documents) {
    SendOutcome outcome;
    try {
      const mail::MailMessage message = compose(delivery, documents);
      outcome = mail_.mode == "outbox" ? write_to_outbox(outbox_folder(delivery), outbox_name(delivery), message)
                                       : send_by_smtp(mail_, secret_, message);
      delivery.recipients = int(message.to.size());
    } catch (const std::exception& e) {
      outcome.kind = SendOutcome::Kind::failed;
      outcome.reply = e.what();
    }
    ++delivery.attempts;
    delivery.reply = outcome.reply;
    delivery.next_attempt.reset();
    if (outcome.bytes > 0) delivery.bytes = outcome.bytes;
    const std::string what =
        "account " + delivery.account_id + ", message " + delivery.message_id + " (" + references(documents) + ")";
    switch (outcome.kind) {
      case SendOutcome::Kind::sent:
        delivery.status = DeliveryStatus::sent;
        ++report_.sent;
        spdlog::info("{}: sent: {}", what, outcome.reply);
        break;
      case SendOutcome::Kind::deferred:
        if (delivery.attempts >= mail_.max_attempts) {
          delivery.status = DeliveryStatus::failed;
          delivery.reply = "gave up after " + std::to_string(delivery.attempts) + " attempts: " + outcome.reply;
          ++report_.failed;
          report_.problems.push_back(what + ": failed: " + delivery.reply);
        } else {
          delivery.status = DeliveryStatus::deferred;
          delivery.next_attempt =
              now_ + std::chrono::minutes(mail_.retry_backoff_minutes) * (1LL << std::min(delivery.attempts - 1, 20));
          ++report_.deferred;
          report_.problems.push_back(what + ": deferred to " + format_instant_utc(*delivery.next_attempt) + ": " +
                                     outcome.reply);
        }
        break;
      case SendOutcome::Kind::failed:
        delivery.status = DeliveryStatus::failed;
        ++report_.failed;
        report_.problems.push_back(what + ": failed: " + outcome.reply);
        break;
    }
    record_delivery_outcome(db_, delivery, now_, run_id_);
  }

  std::filesystem::path outbox_folder(const Delivery& d) const { return mail_.outbox / format_date(d.night); }
  std::string outbox_name(const Delivery& d) const {
    std::string name = path_segment(d.account_id);
    if (d.parts > 1) name += "-" + std::to_string(d.part) + "-of-" + std::to_string(d.parts);
    return name + ".eml";
  }

  mail::MailMessage compose(const Delivery& delivery, const std::vector<DeliverableDocument>& documents) {
    // Isolation (invariant 4): one account's documents, that account's contacts.
    for (const auto& d : documents)
      if (d.account_id != delivery.account_id)
        throw std::logic_error("document " + reference_of(d) + " is not account " + delivery.account_id + "'s");
    const auto heading = load_account_heading(db_, delivery.account_id);
    if (!heading) throw std::runtime_error("no account " + delivery.account_id);
    const std::string language = heading->language == "en" ? "en" : config_.documents.default_language;
    const mail::MailTemplates& templates = templates_.at(language == "en" ? "en" : "fr");
    const Language lang = language == "en" ? Language::en : Language::fr;

    mail::MailMessage m = message_to_contacts(db_, mail_, delivery.account_id, report_.problems);
    m.message_id = delivery.message_id;
    m.date = midnight_utc(delivery.night);

    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : documents) {
      nlohmann::json files = nlohmann::json::array();
      for (const auto& f : d.files) {
        mail::Attachment a;
        a.bytes = read_bytes(f.path);
        const std::string digest = hex(pdf::sha256(a.bytes));
        if (digest != f.sha256)
          throw std::runtime_error(f.path + " no longer matches its SHA-256 in the ledger: not sent");
        a.filename = templates.file_label(std::string(to_word(d.kind))) + " " + reference_of(d) +
                     std::filesystem::path(f.path).extension().string();
        a.content_type = mail::content_type_of(f.path);
        files.push_back(a.filename);
        m.attachments.push_back(std::move(a));
      }
      const bool statement = d.kind == DocumentKind::statement;
      const Money amount = statement ? -d.total_ht : d.total_ttc;
      items.push_back({{"is_statement", statement},
                       {"is_invoice", d.kind == DocumentKind::invoice},
                       {"is_credit_note", d.kind == DocumentKind::credit_note},
                       {"is_dossier", d.kind == DocumentKind::reversibility_dossier},
                       {"reference", reference_of(d)},
                       {"contract", d.contract_id},
                       {"period", d.period},
                       {"has_amount", amount.cents != 0},
                       {"amount_text", format_money(amount, lang)},
                       {"files", files}});
    }
    const nlohmann::json data = {
        {"client", {{"name", heading->name}, {"account", delivery.account_id}}},
        {"provider",
         {{"name", config_.provider.name}, {"email", config_.provider.email}, {"phone", config_.provider.phone}}},
        {"night_text", format_date_text(delivery.night, lang)},
        {"is_split", delivery.parts > 1},
        {"part", delivery.part},
        {"parts", delivery.parts},
        {"count", (long long)documents.size()},
        {"documents", items}};
    m.texts = templates.render(data);
    return m;
  }

  Database& db_;
  const Config& config_;
  MailSettings mail_;
  Instant now_;
  long long run_id_;
  std::map<std::string, mail::MailTemplates> templates_;
  std::map<std::string, mail::MailTemplates> reminder_templates_;  // issue 14
  std::optional<std::string> secret_;
  SendReport report_;
};

}  // namespace

std::string delivery_message_id(const std::vector<std::string>& document_keys, const std::string& from_address) {
  std::vector<std::string> keys = document_keys;
  std::sort(keys.begin(), keys.end());
  std::string joined;
  for (const auto& k : keys) joined += k + "\n";
  const auto at = from_address.rfind('@');
  const std::string domain = at == std::string::npos ? "clause.invalid" : from_address.substr(at + 1);
  return "<" + hex(pdf::sha256(joined)).substr(0, 32) + ".clause@" + domain + ">";
}

SendReport run_send_job(Database& db, const Config& config, const SendRequest& request, Instant now, long long run_id) {
  Sender sender(db, config, request, now, run_id);
  return sender.run(request);
}

mail::MailMessage message_to_contacts(Database& db, const MailSettings& settings, const std::string& account_id,
                                      std::vector<std::string>& problems) {
  mail::MailMessage m;
  m.from = {settings.from_name, settings.from_address};
  m.reply_to = settings.reply_to;
  for (const auto& contact : load_billing_contacts(db, account_id, settings.recipient_roles)) {
    if (auto problem = mail::address_problem(contact.email)) {
      problems.push_back("account " + account_id + ": billing contact skipped: " + *problem);
      continue;
    }
    m.to.push_back({contact.full_name, contact.email});
  }
  if (m.to.empty()) throw std::runtime_error("no usable contact address (people.csv, [mail] recipient_roles)");
  return m;
}

}  // namespace clause
