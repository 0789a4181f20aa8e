// The B5 mail-quota warning e-mail (issue 12; RULES B5, D Art. 6.1: "the client is warned when the
// quota is first exceeded"). The nightly's mail_warnings step queues one warning per contract and
// exceedance (store/mail_quota_warnings.h); `clause send` delivers the queued ones through the same
// relay or outbox as the documents (batch/mail_transport.h), from templates/<lang>/mail_quota/, to
// the account's billing contacts only (invariant 4), under a Message-ID fixed when queued: a crash
// after the hand-over resends the same message, a rerun of the night queues nothing again.
#pragma once

#include <optional>
#include <string>

#include "batch/send_job.h"
#include "reports/format.h"
#include "settings/config.h"
#include "store/database.h"
#include "store/mail_quota_warnings.h"

namespace clause {

// The Message-ID of the warning of `contract_id`'s exceedance that began on `exceeded_on`.
std::string mail_quota_message_id(const std::string& contract_id, Date exceeded_on, const std::string& from_address);

// "25,40 Go" / "25.40 GB": decimal sizes (1 GB = 1000 MB), hundredths truncated.
std::string mail_size_text(std::int64_t megabytes, Language language);

// Delivers every queued or deferred warning (only those of `request.date`'s night when a date is
// given; none when the request names a run or a document), counting them in `report`. `mail` is
// the delivery settings in force (outbox or smtp), `secret` the relay's AUTH secret.
void send_mail_quota_warnings(Database& db, const Config& config, const MailSettings& mail,
                              const std::optional<std::string>& secret, const SendRequest& request, SendReport& report);

}  // namespace clause
