// The G4 reminders as e-mails (issue 14, K Annex 2): `clause gdpr` queues one reminder per
// soon-inactive account and inactivity period (store/gdpr_ledger.h); `clause send` delivers them
// with the documents' transport (batch/mail_transport.h: the relay, or the outbox), one message
// per account to the people of that account who have an e-mail address (the data subjects, every
// role), rendered from templates/<lang>/mail/gdpr_reminder/ in the account's language. Outcomes
// are recorded as the delivery ledger records documents' (store/gdpr_reminder_ledger.h): a rerun
// sends nothing twice, a 4xx is retried, a crash before the outcome resends under the same
// Message-ID. A reminder whose period is over (new activity, or already inactive) is cancelled,
// not sent. Isolation (ARCHITECTURE invariant 4): a message names one account and its people only.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "batch/send_job.h"
#include "reports/mail/mail_templates.h"
#include "settings/config.h"
#include "store/database.h"

namespace clause {

// The reminder templates of both languages, loaded and checked (trial render) before anything is
// sent. Throws templates::TemplateError "file:line: reason".
std::map<std::string, mail::MailTemplates> load_gdpr_reminder_templates(const Config& config);

// Delivers the queued reminders (and the deferred ones due again) through `mail` (its outbox or
// relay, as `clause send` resolved it), counting into `report`. Nothing when the send is narrowed
// to a document or a run; with a date, the reminders queued up to that date.
void send_gdpr_reminders(Database& db, const Config& config, const MailSettings& mail,
                         const std::optional<std::string>& secret,
                         const std::map<std::string, mail::MailTemplates>& templates, const SendRequest& request,
                         Instant now, SendReport& report);

}  // namespace clause
