// The provider's configuration (config/clause.toml): its identity and legal mentions (RULES B8),
// the database, the output folder, the time zones, the terms and templates folders. Relative paths
// are resolved against the folder holding the configuration file, so cron can run from anywhere.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/provider.h"
#include "model/time_zone.h"

namespace clause {

struct DocumentSettings {
  std::filesystem::path templates;  // holds fr/ and en/
  std::string default_language = "fr";
  std::string accent_colour = "#1F4E79";
  std::filesystem::path logo;  // empty: no logo
  // "shared": every PDF subset of the two text faces also holds the Latin characters of
  // PdfStyle::subset_floor, so that a run's documents share one compressed subset per face;
  // "exact": each subset holds only the characters its document draws (smaller files).
  std::string font_subsets = "shared";
};

// [mail] (issue 13, docs/email.md): how `clause send` delivers issued documents. mode "off" leaves
// delivery out of the night; "outbox" writes .eml files; "smtp" hands them to the relay. The relay's
// secret is never in this file: it is read from password_file or the variable password_env.
struct MailSettings {
  std::string mode = "off";      // off | outbox | smtp
  std::filesystem::path outbox;  // empty: <output>/outbox
  std::string host;
  int port = 587;
  std::string security = "starttls";  // starttls | tls (implicit, smtps) | none (loopback relays only)
  std::filesystem::path ca_file;      // empty: the system's CA store
  std::string user;                   // empty: no AUTH
  std::filesystem::path password_file;
  std::string password_env;
  std::string from_address;  // the envelope and From address
  std::string from_name;     // the From display name (default: [provider] name)
  std::string reply_to;
  std::vector<std::string> recipient_roles{"billing", "legal"};  // people.role: the first role with contacts
  long long max_message_bytes = 10'000'000;
  int max_attempts = 6;            // a deferred message is failed after this many attempts
  int retry_backoff_minutes = 30;  // first retry after this; doubled at each attempt
  int timeout_seconds = 60;
};

struct Config {
  std::filesystem::path file;  // where it was read from
  ProviderIdentity provider;
  std::string database_url;  // "sqlite:/abs/path.db" or a PostgreSQL connection string
  std::filesystem::path output;
  std::filesystem::path terms;
  DocumentSettings documents;
  std::string default_time_zone = "Europe/Paris";
  std::map<std::string, TimeZoneRule> time_zones;  // by name
  int catch_up_nights = 31;                        // [nightly]: the most missed nights one `clause nightly` runs
  // [gdpr] (RULES G1-G6, docs/gdpr.md): whether `clause nightly` applies the purge (a dry run
  // otherwise), and the append-only audit file kept outside the database for `clause gdpr --replay`.
  bool gdpr_apply = false;
  std::filesystem::path gdpr_audit_file;  // default: var/gdpr-audit.jsonl beside the configuration's ../
  MailSettings mail;                      // [mail] (optional section: absent = mode "off")
  // The rule of a zone name; throws ConfigError when the configuration does not define it.
  const TimeZoneRule& zone(const std::string& name) const;
};

// Reads and checks the configuration. Throws ConfigError listing every problem (file, key, line).
Config load_config(const std::filesystem::path& file);

}  // namespace clause
