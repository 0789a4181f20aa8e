#include "settings/config.h"

#include <regex>

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
// through the constructor every run uses; a quoted name (<+04>) is given to it as a plain one,
// since only the offsets and dates are checked there.
std::optional<std::string> posix_rule_problem(const std::string& zone, const std::string& posix) {
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
    ContractClock clock(TimeZoneRule{zone, std::regex_replace(posix, quoted_name, "QQQ")}, HolidayZone::metropole,
                        BusinessHours{});
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
    t->reject_unknown_keys();
  }
  c.gdpr_audit_file = resolve(base, "../var/gdpr-audit.jsonl");
  if (auto t = root.table("gdpr")) {   // optional: a dry run and the default audit file without it
    c.gdpr_apply = t->boolean("apply", false);
    if (t->has("audit_file")) c.gdpr_audit_file = resolve(base, t->text("audit_file"));
    if (c.gdpr_audit_file.empty()) t->error("audit_file", "must not be empty");
    t->reject_unknown_keys();
  }
  if (auto t = section("time_zones")) {
    // T1: a rule the calendar cannot read would skip every contract of the zone at each run.
    for (const auto& name : t->keys()) {
      const std::size_t errors_before = errors.size();
      c.time_zones[name] = {name, t->text(name)};
      if (errors.size() != errors_before) continue;  // not a string: already reported
      if (auto problem = posix_rule_problem(name, c.time_zones[name].posix)) t->error(name, *problem);
    }
    if (!c.time_zones.count(c.default_time_zone))
      t->error("", "the default zone \"" + c.default_time_zone + "\" is not defined here");
  }
  root.reject_unknown_keys();
  if (!errors.empty()) throw ConfigError(errors);
  return c;
}

}  // namespace clause
