#include "settings/config.h"

#include <regex>

#include <boost/date_time/local_time/local_time.hpp>

#include "settings/toml_reader.h"

namespace clause {
namespace {

std::filesystem::path resolve(const std::filesystem::path& base, const std::string& value) {
  if (value.empty()) return {};
  std::filesystem::path p{value};
  return p.is_absolute() ? p : (base / p).lexically_normal();
}

// "sqlite:relative.db" is resolved like any other path; PostgreSQL strings pass through.
std::string resolve_database_url(const std::filesystem::path& base, const std::string& url) {
  const std::string prefix = "sqlite:";
  if (url.rfind(prefix, 0) == 0) return prefix + resolve(base, url.substr(prefix.size())).string();
  return url;
}

// Why `posix` is not a POSIX TZ rule the calendar can use, or nothing (T1). The grammar first,
// std offset [dst [offset] ,start[/time],end[/time]], with its ranges: Boost reads a bare word
// such as "garbage" as UTC without a word, so it cannot be the only judge. Then Boost itself,
// through the parser every run uses; a quoted name (<+04>) is given to it as a plain one,
// since only the offsets and dates are checked there.
std::optional<std::string> posix_rule_problem(const std::string& posix) {
  static const std::string name = R"(([A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>))";
  static const std::string offset = R"([+-]?(2[0-4]|[01]?[0-9])(:[0-5][0-9]){0,2})";
  static const std::string day =
      R"((J(36[0-5]|3[0-5][0-9]|[12][0-9][0-9]|[1-9][0-9]?)|(36[0-5]|3[0-5][0-9]|[12]?[0-9]?[0-9])|M(1[0-2]|[1-9])\.[1-5]\.[0-6]))";
  static const std::string date = day + R"((/[+-]?(1[0-6][0-9]|[0-9]?[0-9])(:[0-5][0-9]){0,2})?)";
  static const std::regex grammar{name + offset + "(" + name + "(" + offset + ")?," + date + "," + date + ")?"};
  const std::string expected = "\"" + posix + "\" is not a POSIX TZ rule like \"CET-1CEST,M3.5.0,M10.5.0/3\"";
  if (!std::regex_match(posix, grammar)) return expected;
  static const std::regex quoted_name{"<[^>]*>"};
  try {
    // The parse ContractClock does (rules/calendar.cc) without its sign reversal: the reversal
    // maps a valid offset to a valid offset, so it changes no verdict.
    boost::local_time::posix_time_zone parsed(std::regex_replace(posix, quoted_name, "QQQ"));
  } catch (const std::exception&) {
    return expected;
  }
  return std::nullopt;
}

}  // namespace

const TimeZoneRule& Config::zone(const std::string& name) const {
  auto it = time_zones.find(name);
  if (it == time_zones.end())
    throw ConfigError({file.string() + ": time zone \"" + name + "\" is not defined in [time_zones]"});
  return it->second;
}

Config load_config(const std::filesystem::path& file) {
  toml::table root_table = parse_toml_file(file);
  std::vector<std::string> errors;
  TomlTable root(root_table, "", file.string(), errors);
  const auto base = std::filesystem::absolute(file).parent_path();
  Config c;
  c.file = file;

  auto required_text = [](TomlTable& t, const std::string& key) {
    if (!t.has(key)) t.error(key, "missing key");
    return t.text(key);
  };
  auto section = [&](const std::string& key) {
    auto t = root.table(key);
    if (!t && !root.has(key)) root.error(key, "missing section");
    return t;
  };

  if (auto t = section("provider")) {
    auto& p = c.provider;
    p.name = required_text(*t, "name");
    p.legal_form = required_text(*t, "legal_form");
    p.capital = required_text(*t, "capital");
    p.address = required_text(*t, "address");
    p.siren = required_text(*t, "siren");
    p.siret = required_text(*t, "siret");
    p.rcs = required_text(*t, "rcs");
    p.vat_number = required_text(*t, "vat_number");
    p.email = t->text("email");
    p.phone = t->text("phone");
    p.iban = t->text("iban");
    p.bic = t->text("bic");
    t->reject_unknown_keys();
  }
  if (auto t = section("database")) {
    c.database_url = resolve_database_url(base, required_text(*t, "url"));
    t->reject_unknown_keys();
  }
  if (auto t = section("paths")) {
    c.output = resolve(base, required_text(*t, "output"));
    c.terms = resolve(base, required_text(*t, "terms"));
    c.documents.templates = resolve(base, required_text(*t, "templates"));
    t->reject_unknown_keys();
  }
  if (auto t = section("documents")) {
    c.documents.default_language = t->text("default_language", "fr");
    if (c.documents.default_language != "fr" && c.documents.default_language != "en")
      t->error("default_language", "\"" + c.documents.default_language + "\" is not one of: fr, en");
    c.documents.accent_colour = t->text("accent_colour", c.documents.accent_colour);
    c.documents.logo = resolve(base, t->text("logo"));
    c.documents.font_subsets = t->text("font_subsets", c.documents.font_subsets);
    if (c.documents.font_subsets != "shared" && c.documents.font_subsets != "exact")
      t->error("font_subsets", "\"" + c.documents.font_subsets + "\" is not one of: shared, exact");
    t->reject_unknown_keys();
  }
  if (auto t = section("time")) {
    c.default_time_zone = required_text(*t, "default_zone");
    t->reject_unknown_keys();
  }
  if (auto t = section("nightly")) {
    if (!t->has("catch_up_nights")) t->error("catch_up_nights", "missing key");
    const long long n = t->integer("catch_up_nights", c.catch_up_nights);
    if (n < 0 || n > 366) t->error("catch_up_nights", std::to_string(n) + " is out of range [0, 366]");
    c.catch_up_nights = int(n);
    // issue 12: how many months before the night's are watched for late changes (corrections)
    // (checked here, read by settings/nightly_settings.h where it is used)
    if (t->has("corrections_months")) {
      const long long m = t->integer("corrections_months", 12);
      if (m < 1 || m > 120) t->error("corrections_months", std::to_string(m) + " is out of range [1, 120]");
    }
    t->reject_unknown_keys();
  }
  c.gdpr_audit_file = resolve(base, "../var/gdpr-audit.jsonl");
  if (auto t = root.table("gdpr")) {  // optional: a dry run and the default audit file without it
    c.gdpr_apply = t->boolean("apply", false);
    if (t->has("audit_file")) c.gdpr_audit_file = resolve(base, t->text("audit_file"));
    if (c.gdpr_audit_file.empty()) t->error("audit_file", "must not be empty");
    t->reject_unknown_keys();
  }
  if (auto t = root.table("mail")) {
    // Issue 13 (docs/email.md): optional; absent means no delivery.
    auto& m = c.mail;
    m.mode = t->text("mode", m.mode);
    if (m.mode != "off" && m.mode != "outbox" && m.mode != "smtp")
      t->error("mode", "\"" + m.mode + "\" is not one of: off, outbox, smtp");
    m.outbox = resolve(base, t->text("outbox"));
    m.host = t->text("host");
    m.port = int(t->integer("port", m.port));
    if (m.port < 1 || m.port > 65535) t->error("port", std::to_string(m.port) + " is out of range [1, 65535]");
    m.security = t->text("security", m.security);
    if (m.security != "starttls" && m.security != "tls" && m.security != "none")
      t->error("security", "\"" + m.security + "\" is not one of: starttls, tls, none");
    m.ca_file = resolve(base, t->text("ca_file"));
    m.user = t->text("user");
    m.password_file = resolve(base, t->text("password_file"));
    m.password_env = t->text("password_env");
    if (t->has("password") && (t->text("password"), true))
      t->error("password", "the relay's secret is never written here: use password_file or password_env");
    m.from_address = t->text("from");
    m.from_name = t->text("from_name", c.provider.name);
    m.reply_to = t->text("reply_to");
    if (t->has("recipient_roles")) m.recipient_roles = t->texts("recipient_roles");
    if (m.recipient_roles.empty()) t->error("recipient_roles", "names no role: no document could be sent");
    m.max_message_bytes = t->integer("max_message_bytes", m.max_message_bytes);
    if (m.max_message_bytes < 10'000)
      t->error("max_message_bytes", std::to_string(m.max_message_bytes) + " is below 10000");
    m.max_attempts = int(t->integer("max_attempts", m.max_attempts));
    if (m.max_attempts < 1 || m.max_attempts > 100)
      t->error("max_attempts", std::to_string(m.max_attempts) + " is out of range [1, 100]");
    m.retry_backoff_minutes = int(t->integer("retry_backoff_minutes", m.retry_backoff_minutes));
    if (m.retry_backoff_minutes < 0 || m.retry_backoff_minutes > 10080)
      t->error("retry_backoff_minutes", std::to_string(m.retry_backoff_minutes) + " is out of range [0, 10080]");
    m.timeout_seconds = int(t->integer("timeout_seconds", m.timeout_seconds));
    if (m.timeout_seconds < 1 || m.timeout_seconds > 3600)
      t->error("timeout_seconds", std::to_string(m.timeout_seconds) + " is out of range [1, 3600]");
    if (m.mode == "smtp") {
      if (m.host.empty()) t->error("host", "missing key (mode = \"smtp\")");
      if (!m.user.empty() && m.password_file.empty() && m.password_env.empty())
        t->error("user", "AUTH needs password_file or password_env");
    }
    if (m.mode != "off" && m.from_address.find('@') == std::string::npos)
      t->error("from", m.from_address.empty() ? "missing key" : "\"" + m.from_address + "\" is not an e-mail address");
    t->reject_unknown_keys();
  }
  if (auto t = section("time_zones")) {
    // T1: a rule the calendar cannot read would skip every contract of the zone at each run.
    for (const auto& name : t->keys()) {
      const std::size_t errors_before = errors.size();
      c.time_zones[name] = {name, t->text(name)};
      if (errors.size() != errors_before) continue;  // not a string: already reported
      if (auto problem = posix_rule_problem(c.time_zones[name].posix)) t->error(name, *problem);
    }
    if (!c.time_zones.count(c.default_time_zone))
      t->error("", "the default zone \"" + c.default_time_zone + "\" is not defined here");
  }
  root.reject_unknown_keys();
  if (!errors.empty()) throw ConfigError(errors);
  return c;
}

}  // namespace clause
