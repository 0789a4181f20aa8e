// The B5 mail-quota warnings (issue 12, RULES B5, D Art. 6.1; migration 009): one row per contract
// and exceedance (named by its first day above quota), queued by the nightly's mail_warnings step
// and delivered by `clause send` under a Message-ID fixed when queued. The primary key makes the
// warning once per exceedance: queuing it again (a rerun of the night) changes nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/time.h"
#include "store/database.h"
#include "store/delivery_ledger.h"

namespace clause {

struct MailQuotaWarning {
  std::string contract_id;
  std::string account_id;      // the contract's (read back; not written)
  Date exceeded_on{};          // the first day above quota
  std::int64_t megabytes = 0;  // usage that day
  int quota_gb = 0;            // B5 terms of the profile when queued, stated by the message
  int grace_days = 0;
  int step_gb = 0;
  Money step_price;        // per started step above the quota
  Date night{};            // the night that found it
  std::string message_id;  // "<...@domain>", the same on every attempt
  DeliveryStatus status = DeliveryStatus::queued;
  int attempts = 0;
  std::string reply;  // the relay's last reply, or the error
  friend bool operator==(const MailQuotaWarning&, const MailQuotaWarning&) = default;
};

// Queues `w` unless this exceedance is already recorded; true when it was new.
bool queue_mail_quota_warning(Database& db, const MailQuotaWarning& w);

// Every warning recorded, by night then contract.
std::vector<MailQuotaWarning> load_mail_quota_warnings(Database& db);

// Records the outcome of an attempt (status, attempts, reply) of the warning of `w`'s key.
void record_mail_quota_warning_outcome(Database& db, const MailQuotaWarning& w);

}  // namespace clause
