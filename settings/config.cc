#include "settings/config.h"

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
  if (auto t = section("time_zones")) {
    for (const auto& name : t->keys()) c.time_zones[name] = {name, t->text(name)};
    if (!c.time_zones.count(c.default_time_zone))
      t->error("", "the default zone \"" + c.default_time_zone + "\" is not defined here");
  }
  root.reject_unknown_keys();
  if (!errors.empty()) throw ConfigError(errors);
  return c;
}

}  // namespace clause
