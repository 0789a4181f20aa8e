#include "settings/terms_loader.h"

#include <algorithm>

#include "settings/toml_reader.h"

namespace clause {
namespace {

// Every section and key is required: a profile states the whole contract, nothing is implied.
class ProfileReader {
 public:
  ProfileReader(const toml::table& root, const std::string& file) : root_(root, "", file, errors_) {}

  TermsProfile read(const std::string& name) {
    TermsProfile p;
    p.name = name;
    p.title = required_text(root_, "title");
    section("business_hours", [&](TomlTable& t) { read_hours(t, p.business_hours); });
    section("service_levels", [&](TomlTable& t) { read_service_levels(t, p.service_levels); });
    section("interventions", [&](TomlTable& t) { read_interventions(t, p.interventions); });
    section("billing", [&](TomlTable& t) { read_billing(t, p.billing); });
    section("term", [&](TomlTable& t) { read_term(t, p.term); });
    section("backups", [&](TomlTable& t) { read_backups(t, p.backups); });
    section("personal_data", [&](TomlTable& t) { read_personal_data(t, p.personal_data); });
    section("reversibility", [&](TomlTable& t) { read_reversibility(t, p.reversibility); });
    root_.reject_unknown_keys();
    if (!errors_.empty()) throw ConfigError(errors_);
    return p;
  }

 private:
  template <typename F>
  void section(const std::string& key, F&& fill) {
    auto t = root_.table(key);
    if (!t) {
      if (!root_.has(key)) root_.error(key, "missing section");
      return;
    }
    fill(*t);
    t->reject_unknown_keys();
  }

  void require(TomlTable& t, const std::string& key) {
    if (!t.has(key)) t.error(key, "missing key");
  }
  std::string required_text(TomlTable& t, const std::string& key) {
    require(t, key);
    return t.text(key);
  }
  long long required_int(TomlTable& t, const std::string& key, long long min, long long max) {
    require(t, key);
    long long v = t.integer(key, min);
    if (t.has(key) && (v < min || v > max))
      t.error(key, std::to_string(v) + " is out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return v;
  }
  std::chrono::minutes required_minutes(TomlTable& t, const std::string& key) {
    return std::chrono::minutes{required_int(t, key, 0, 1'000'000)};
  }
  bool required_bool(TomlTable& t, const std::string& key) {
    require(t, key);
    return t.boolean(key);
  }
  Money required_money(TomlTable& t, const std::string& key) {
    require(t, key);
    return t.money(key);
  }
  // Every amount of a profile is one the provider charges: a negative one would pay the client.
  Money required_price(TomlTable& t, const std::string& key) {
    Money m = required_money(t, key);
    if (m < Money{}) t.error(key, "\"" + format_money_plain(m) + "\" must not be negative");
    return m;
  }
  // S2, S4, S5: with credits = true an empty tier table would grant no credit of that kind
  // without a word; a profile that grants none says credits = false (D, S10), or lists one
  // 0 % tier to make "none of this kind" explicit.
  void require_tiers(TomlTable& t, const std::string& key, bool credits, bool empty) {
    if (credits && empty && t.has(key))
      t.error(key,
              "is empty but credits = true: no credit of this kind would ever be granted "
              "(list the tiers, or set credits = false)");
  }
  int required_percent(TomlTable& t, const std::string& key) { return int(required_int(t, key, 0, 100)); }

  template <typename E>
  E required_enum(TomlTable& t, const std::string& key) {
    std::string w = required_text(t, key);
    if (auto e = from_word<E>(w)) return *e;
    if (t.has(key)) t.error(key, "\"" + w + "\" is not one of: " + accepted_words<E>());
    return E{};
  }

  Delay read_delay(TomlTable& t) {
    Delay d;
    d.days = int(required_int(t, "days", 0, 10'000));
    d.count = required_enum<DayCount>(t, "count");
    t.reject_unknown_keys();
    return d;
  }
  Delay required_delay(TomlTable& t, const std::string& key) {
    auto sub = t.table(key);
    if (!sub) {
      if (!t.has(key)) t.error(key, "missing key");
      return {};
    }
    return read_delay(*sub);
  }

  std::vector<LatenessTier> read_lateness_tiers(TomlTable& t, const std::string& key) {
    require(t, key);
    std::vector<LatenessTier> tiers;
    for (auto& row : t.tables(key)) {
      tiers.push_back(
          {std::chrono::minutes{required_int(row, "late_minutes", 0, 1'000'000)}, required_percent(row, "percent")});
      row.reject_unknown_keys();
    }
    if (!std::is_sorted(tiers.begin(), tiers.end(), [](auto& a, auto& b) { return a.at_least < b.at_least; }))
      t.error(key, "tiers must be sorted by late_minutes, smallest first");
    return tiers;
  }

  void read_hours(TomlTable& t, BusinessHours& h) {
    require(t, "opens");
    require(t, "closes");
    h.opens = t.time_of_day("opens", h.opens);
    h.closes = t.time_of_day("closes", h.closes);
    require(t, "weekdays");
    h.weekdays.clear();
    for (long long d : t.integers("weekdays")) {
      if (d < 1 || d > 7) t.error("weekdays", std::to_string(d) + " is not an ISO weekday (1 = Monday .. 7 = Sunday)");
      h.weekdays.push_back(unsigned(d));
    }
    // Found by fuzz/: with no business day, the first GTI deadline (S1) could never be computed.
    if (h.weekdays.empty() && t.has("weekdays"))
      t.error("weekdays", "at least one business day is needed (1 = Monday .. 7 = Sunday)");
    if (h.closes <= h.opens) t.error("closes", "business hours must close after they open");
  }

  void read_service_levels(TomlTable& t, ServiceLevelTerms& s) {
    s.credits = required_bool(t, "credits");
    s.gti_in_ho = required_minutes(t, "gti_in_ho_business_minutes");
    s.gti_in_hno = required_minutes(t, "gti_in_hno_elapsed_minutes");
    s.gti_tiers = read_lateness_tiers(t, "gti_tiers");
    s.gtr_requires_blocking = required_bool(t, "gtr_requires_blocking");
    s.gtr_requires_server_cause = required_bool(t, "gtr_requires_server_cause");
    s.gtr_requires_backup_option = required_bool(t, "gtr_requires_backup_option");
    s.gtr_tiers = read_lateness_tiers(t, "gtr_tiers");
    require(t, "availability_tiers");
    for (auto& row : t.tables("availability_tiers")) {
      require(row, "from_percent");
      Milli from = row.milli("from_percent");
      if (from.thousandths < 0 || from.thousandths > 100'000) row.error("from_percent", "must be between 0 and 100");
      s.availability_tiers.push_back(
          {long(from.thousandths * 10), required_bool(row, "inclusive"), required_percent(row, "percent")});
      row.reject_unknown_keys();
    }
    for (size_t i = 1; i < s.availability_tiers.size(); ++i)
      if (s.availability_tiers[i].min_ppm > s.availability_tiers[i - 1].min_ppm)
        t.error("availability_tiers", "tiers must be sorted best first (from_percent decreasing)");
    require_tiers(t, "gti_tiers", s.credits, s.gti_tiers.empty());
    require_tiers(t, "gtr_tiers", s.credits, s.gtr_tiers.empty());
    require_tiers(t, "availability_tiers", s.credits, s.availability_tiers.empty());
    s.cap_percent_of_fee = required_percent(t, "cap_percent_of_fee");
    s.root_access_suspends = required_bool(t, "root_access_suspends_guarantees");
    s.support_ack = required_minutes(t, "support_ack_business_minutes");
  }

  void read_interventions(TomlTable& t, InterventionTerms& i) {
    i.emergencies_per_server_year = int(required_int(t, "emergencies_per_server_year", 0, 1000));
    i.hourly_rate = required_price(t, "hourly_rate");
    i.billing_step = required_minutes(t, "billing_step_minutes");
    if (i.billing_step.count() == 0) t.error("billing_step_minutes", "must be at least 1");
    i.max_length = required_minutes(t, "max_length_minutes");
    i.advice_per_server_month = required_minutes(t, "advice_minutes_per_server_month");
  }

  void read_billing(TomlTable& t, BillingTerms& b) {
    b.default_period = required_enum<BillingPeriod>(t, "default_period");
    require(t, "allowed_periods");
    for (const auto& w : t.texts("allowed_periods")) {
      if (auto p = from_word<BillingPeriod>(w))
        b.allowed_periods.push_back(*p);
      else
        t.error("allowed_periods", "\"" + w + "\" is not one of: " + accepted_words<BillingPeriod>());
    }
    b.periods_from_contract_start = required_bool(t, "periods_from_contract_start");
    b.prorate_first_period = required_bool(t, "prorate_first_period");
    b.revision = required_bool(t, "revision");
    b.revision_index = required_text(t, "revision_index");
    require(t, "revision_base_index");
    b.revision_base_index = t.milli("revision_base_index");
    // B3: revised price = price x index / base index; a base of zero or less cannot divide.
    if (b.revision && t.has("revision_base_index") && b.revision_base_index.thousandths <= 0)
      t.error("revision_base_index", "must be positive when revision = true");
    b.vat_rate_basis_points = int(required_int(t, "vat_rate_basis_points", 0, 10'000));
    b.payment_days = int(required_int(t, "payment_days", 0, 365));
    b.late_penalty = required_text(t, "late_penalty");
    b.recovery_indemnity = required_price(t, "recovery_indemnity");
    b.mail_quota = required_bool(t, "mail_quota");
    b.mail_quota_gb = int(required_int(t, "mail_quota_gb", 0, 1'000'000));
    b.mail_step_gb = int(required_int(t, "mail_step_gb", 1, 1'000'000));
    b.mail_cap_gb = int(required_int(t, "mail_cap_gb", 0, 1'000'000));
    b.mail_step_price = required_price(t, "mail_step_price");
    // B5: a quota of 0 GB or a cap below the quota would bill every gigabyte or none of them.
    if (b.mail_quota && t.has("mail_quota_gb") && b.mail_quota_gb < 1)
      t.error("mail_quota_gb", "must be at least 1 when mail_quota = true");
    if (b.mail_quota && t.has("mail_cap_gb") && b.mail_cap_gb < b.mail_quota_gb)
      t.error("mail_cap_gb", std::to_string(b.mail_cap_gb) + " is below mail_quota_gb " +
                                 std::to_string(b.mail_quota_gb) + ": no step above the quota would be billed");
    b.mail_grace_days = int(required_int(t, "mail_grace_days", 0, 3650));
    b.unpaid_suspension = required_delay(t, "unpaid_suspension");
    b.unpaid_consequences = required_text(t, "unpaid_consequences");
  }

  void read_term(TomlTable& t, TermTerms& n) {
    n.initial_months = int(required_int(t, "initial_months", 1, 1200));
    n.tacit_renewal = required_bool(t, "tacit_renewal");
    n.termination_notice = required_delay(t, "termination_notice");
    n.price_change_notice_months = int(required_int(t, "price_change_notice_months", 0, 120));
    require(t, "breach_cure");
    for (auto& row : t.tables("breach_cure")) {
      // N3 (issue 12): the article of the terms each cure period comes from, which a breach notice
      // names (K Art. 9: 7 days, K Art. 15: 10 days); checked here, read by settings/breach_articles.h.
      if (row.has("article")) required_int(row, "article", 1, 999);
      n.breach_cure.push_back(read_delay(row));
    }
    n.force_majeure_termination_days = int(required_int(t, "force_majeure_termination_days", 0, 3650));
  }

  void read_backups(TomlTable& t, BackupTerms& k) {
    k.daily_required = required_bool(t, "daily_required");
    require(t, "window_opens");
    require(t, "window_closes");
    k.window_opens = t.time_of_day("window_opens", k.window_opens);
    k.window_closes = t.time_of_day("window_closes", k.window_closes);
    require(t, "required_scopes");
    for (const auto& w : t.texts("required_scopes")) {
      if (auto s = from_word<BackupScope>(w))
        k.required_scopes.push_back(*s);
      else
        t.error("required_scopes", "\"" + w + "\" is not one of: " + accepted_words<BackupScope>());
    }
    k.retention_days = int(required_int(t, "retention_days", 0, 36500));
    k.offsite_required = required_bool(t, "offsite_required");
  }

  void read_personal_data(TomlTable& t, PersonalDataTerms& g) {
    g.inactivity_months = int(required_int(t, "inactivity_months", 1, 1200));
    g.reminder_days = int(required_int(t, "reminder_days", 0, 3650));
    g.legal_retention_years = int(required_int(t, "legal_retention_years", 0, 100));
  }

  void read_reversibility(TomlTable& t, ReversibilityTerms& r) {
    r.notice_months = int(required_int(t, "notice_months", 0, 120));
    r.delivery = required_delay(t, "delivery");
    r.continuity_max_days = int(required_int(t, "continuity_max_days", 0, 3650));
  }

  std::vector<std::string> errors_;
  TomlTable root_;
};

}  // namespace

TermsProfile load_terms_profile(const std::filesystem::path& file) {
  toml::table root = parse_toml_file(file);
  return ProfileReader(root, file.string()).read(file.stem().string());
}

std::map<std::string, TermsProfile> load_terms_folder(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) throw ConfigError({folder.string() + ": terms folder not found"});
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, TermsProfile> profiles;
  std::vector<std::string> problems;
  for (const auto& f : files) {
    try {
      auto p = load_terms_profile(f);
      profiles.emplace(p.name, std::move(p));
    } catch (const ConfigError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!problems.empty()) throw ConfigError(problems);
  return profiles;
}

}  // namespace clause
