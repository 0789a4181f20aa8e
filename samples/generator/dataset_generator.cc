#include "samples/generator/dataset_generator.h"

#include <algorithm>
#include <concepts>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/decimal.h"
#include "model/money.h"
#include "model/operations.h"
#include "samples/generator/csv_file.h"
#include "samples/generator/dataset_columns.h"
#include "samples/generator/french_names.h"
#include "samples/generator/paris_clock.h"
#include "samples/generator/seeded_random.h"

namespace clause {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::sys_days;

constexpr Milli kContractIndex{268500};     // B3: the contract index of the kalanda-hds terms
constexpr std::uint64_t kIndexSeed = 2019;  // SYNTEC values do not depend on the data set's seed

std::string numbered(std::string_view prefix, long n, int width) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%0*ld", width, n);
  return std::string{prefix} + digits;
}

Date add_days(Date d, long n) { return Date{sys_days{d} + days{n}}; }

// T5: keeps the day of month, clamped to the last day of the target month.
Date add_months(Date d, int n) {
  const auto ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{n};
  const Date last{std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}};
  return Date{ym.year(), ym.month(), std::min(d.day(), last.day())};
}

long days_between(Date a, Date b) { return (sys_days{b} - sys_days{a}).count(); }

std::string text(Date d) { return format_date(d); }
std::string text(std::optional<Date> d) { return d ? format_date(*d) : std::string{}; }
std::string text(Instant t) { return format_paris(t); }
std::string text(bool b) { return b ? "true" : "false"; }
template <std::integral T>
requires(!std::same_as<T, bool>) std::string text(T n) { return std::to_string(n); }

// "sha256:" and 64 hex digits, as a backup tool reports them.
std::string checksum(SeededRandom& random) {
  std::string out = "sha256:";
  char block[17];
  for (int i = 0; i < 4; ++i) {
    std::snprintf(block, sizeof block, "%016llx", static_cast<unsigned long long>(random.bits()));
    out += block;
  }
  return out;
}

// A SIREN (9 digits, Luhn check digit) unique to the account number; the VAT number follows from
// it (FR + key = (12 + 3 * (SIREN mod 97)) mod 97).
std::string siren_for(long account_number) {
  const std::string base = numbered("", 30000000 + account_number % 60000000, 8);
  for (int check = 0; check < 10; ++check) {
    const std::string candidate = base + char('0' + check);
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
      int digit = candidate[8 - i] - '0';
      if (i % 2) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 == 0) return candidate;
  }
  return base + "0";  // unreachable: one check digit always completes a Luhn sum
}

std::string vat_for(const std::string& siren) {
  const long key = (12 + 3 * (std::stol(siren) % 97)) % 97;
  return numbered("FR", key, 2) + siren;
}

enum class Activity { active, dormant, fading };

struct ServicePlan {
  Service service;
  Money monthly;  // price per month; the period price is a multiple
  std::int64_t system_bytes = 0, files_bytes = 0, database_bytes = 0;
};

struct ContractPlan {
  Contract contract;
  std::vector<ServicePlan> services;
  std::optional<ReversibilityRequest> reversibility;
};

// A local month of the window, as UTC instants [begin, end).
struct MonthSpan {
  YearMonth month;
  Instant begin;
  Instant end;
};

class DatasetWriter {
 public:
  DatasetWriter(const GeneratorOptions& options, const std::filesystem::path& dir)
      : options_(options),
        random_(options.seed),
        run_date_(options.to.next().first_day()),
        accounts_(dir / "accounts.csv", dataset_columns::kAccounts),
        people_(dir / "people.csv", dataset_columns::kPeople),
        contracts_(dir / "contracts.csv", dataset_columns::kContracts),
        services_(dir / "services.csv", dataset_columns::kServices),
        fees_(dir / "fee_revisions.csv", dataset_columns::kFeeRevisions),
        incidents_(dir / "incidents.csv", dataset_columns::kIncidents),
        outages_(dir / "outages.csv", dataset_columns::kOutages),
        interventions_(dir / "interventions.csv", dataset_columns::kInterventions),
        tickets_(dir / "support_tickets.csv", dataset_columns::kSupportTickets),
        root_access_(dir / "root_access_periods.csv", dataset_columns::kRootAccessPeriods),
        backups_(dir / "backups.csv", dataset_columns::kBackups),
        mail_(dir / "mail_usage.csv", dataset_columns::kMailUsage),
        indices_(dir / "price_indices.csv", dataset_columns::kPriceIndices),
        prior_invoices_(dir / "prior_invoices.csv", dataset_columns::kPriorInvoices),
        payments_(dir / "payments.csv", dataset_columns::kPayments),
        reversibility_(dir / "reversibility_requests.csv", dataset_columns::kReversibilityRequests) {
    for (YearMonth m = options.from; m <= options.to; m = m.next())
      months_.push_back({m, paris_instant(m.first_day(), {}), paris_instant(m.next().first_day(), {})});
  }

  GeneratedCounts run() {
    write_price_indices();
    write_accounts();
    for (CsvFile* file : all_files()) file->close();
    return {accounts_.rows(), people_.rows(),         contracts_.rows(), services_.rows(),
            fees_.rows(),     incidents_.rows(),      outages_.rows(),   interventions_.rows(),
            tickets_.rows(),  root_access_.rows(),    backups_.rows(),   mail_.rows(),
            indices_.rows(),  prior_invoices_.rows(), payments_.rows(),  reversibility_.rows()};
  }

 private:
  std::vector<CsvFile*> all_files() {
    return {&accounts_, &people_,         &contracts_, &services_,     &fees_,    &incidents_,
            &outages_,  &interventions_,  &tickets_,   &root_access_,  &backups_, &mail_,
            &indices_,  &prior_invoices_, &payments_,  &reversibility_};
  }

  template <typename T>
  const T& pick(std::span<const T> pool) {
    return pool[std::size_t(random_.between(0, std::int64_t(pool.size()) - 1))];
  }
  Instant instant_within(Instant begin, Instant end) {  // a whole minute in [begin, end)
    const long span = std::max<long>(1, std::chrono::duration_cast<minutes>(end - begin).count());
    return begin + minutes{random_.between(0, span - 1)};
  }

  // SYNTEC, monthly from 2019-01: +0.1 to +0.6 a month from 265.0 (about 298 in late 2026), each
  // published on the last day of the following month; only those published by the run date.
  void write_price_indices() {
    SeededRandom index_random(kIndexSeed);
    Milli value{265000};
    for (YearMonth m{2019, 1};; m = m.next()) {
      const Date published = add_days(m.next().next().first_day(), -1);
      if (sys_days{published} > sys_days{run_date_}) break;
      indices_ << "SYNTEC" << format_year_month(m) << format_milli(value) << text(published);
      indices_.end_row();
      syntec_.push_back({"SYNTEC", m, value, published});
      value.thousandths += 100 * index_random.between(1, 6);
    }
  }

  // B3: the most recent index published on or before `day`.
  std::optional<Milli> last_published(Date day) const {
    std::optional<Milli> found;
    for (const PriceIndex& index : syntec_)
      if (sys_days{index.published} <= sys_days{day}) found = index.value;
    return found;
  }

  void write_accounts() {
    int subs_left = 0;
    std::string reseller_id;
    for (long n = 1; n <= options_.clients; ++n) {
      Account account;
      account.id = numbered("ACC-", n, 6);
      Activity activity = Activity::active;
      if (subs_left > 0) {
        account.kind = AccountKind::sub_account;
        account.parent_id = reseller_id;
        --subs_left;
        if (random_.percent(50)) activity = Activity::dormant;
      } else if (n + 2 <= options_.clients && random_.percent(3)) {
        account.kind = AccountKind::reseller;
        subs_left = int(std::min<long>(random_.between(2, 4), options_.clients - n));
        reseller_id = account.id;
        if (random_.percent(70)) activity = Activity::dormant;  // kept only for its active sub-accounts (G2)
      } else {
        const auto draw = random_.between(0, 99);
        activity = draw < 8 ? Activity::dormant : draw < 10 ? Activity::fading : Activity::active;
      }
      account.last_activity = last_activity_for(activity);

      std::vector<ContractPlan> plans;
      if (account.kind != AccountKind::reseller) {
        plans.push_back(plan_contract(account, activity));
        if (activity == Activity::active && random_.percent(10)) plans.push_back(plan_contract(account, activity));
      }
      Date earliest = *account.last_activity;
      for (const ContractPlan& plan : plans)
        if (sys_days{plan.contract.start} < sys_days{earliest}) earliest = plan.contract.start;
      account.created = add_days(earliest, -random_.between(5, 60));

      const NameWord& owner = pick(last_names());
      const Town& town = pick(towns());
      account.name =
          std::string{pick(trades())} + " " + std::string{owner.display} + " " + std::string{pick(legal_forms())};
      const std::string street = std::to_string(random_.between(1, 180)) + " " + std::string{pick(streets())};
      const std::string locality = std::string{town.postcode} + " " + std::string{town.name};
      account.address = account.name + "\n" + street + "\n" + locality;
      account.siren = siren_for(n);
      account.vat_number = vat_for(account.siren);
      account.language = random_.percent(3) ? "en" : "fr";
      write_account(account);
      write_people(account, std::string{owner.slug} + "-" + std::to_string(n) + ".fr", street + "\n" + locality);
      for (const ContractPlan& plan : plans) write_contract(plan);
    }
  }

  Date last_activity_for(Activity activity) {
    switch (activity) {
      case Activity::active:
        return add_days(run_date_, -random_.between(1, 20));
      case Activity::dormant:
        return add_days(add_months(run_date_, -int(random_.between(25, 72))), -random_.between(0, 27));
      case Activity::fading:
        return add_days(add_months(run_date_, -24), random_.between(1, 29));  // G4 reminder
    }
    return run_date_;
  }

  void write_account(const Account& a) {
    accounts_ << a.id << to_word(a.kind) << a.parent_id.value_or("") << a.name << a.address << a.siren << a.vat_number
              << a.language << text(a.last_activity) << text(a.created);
    accounts_.end_row();
  }

  void write_people(const Account& account, const std::string& domain, const std::string& postal) {
    static constexpr std::string_view kRoles[] = {"billing", "technical"};
    for (int i = 0; i < 2; ++i) {
      const NameWord& first = pick(first_names());
      const NameWord& last = pick(last_names());
      people_ << account.id + "-P" + std::to_string(i + 1) << account.id
              << std::string{first.display} + " " + std::string{last.display}
              << std::string{first.slug} + "." + std::string{last.slug} + "@" + domain
              << "+33 " + std::to_string(random_.between(1, 7)) + numbered(" ", random_.between(0, 99), 2) +
                     numbered(" ", random_.between(0, 99), 2) + numbered(" ", random_.between(0, 99), 2) +
                     numbered(" ", random_.between(0, 99), 2)
              << (i == 0 ? postal : std::string{}) << kRoles[i];
      people_.end_row();
    }
  }

  ContractPlan plan_contract(const Account& account, Activity activity) {
    ContractPlan plan;
    Contract& c = plan.contract;
    c.id = numbered("CTR-", ++contract_count_, 6);
    c.account_id = account.id;
    const bool kalanda = random_.percent(70);
    c.terms_profile = kalanda ? "kalanda-hds" : "dag";
    const Date window_start = options_.from.first_day();
    if (activity == Activity::active) {
      c.start = random_.percent(8)
                    ? add_days(window_start, random_.between(0, days_between(window_start, run_date_) - 1))
                    // K ends at its term without renewal: a running K contract is at most 33 months old
                    : add_days(window_start, -random_.between(1, kalanda ? 1000 : 5 * 365));
    } else {
      c.end = *account.last_activity;
      c.start = add_days(*c.end, -random_.between(365, 1400));
    }
    if (kalanda) {
      c.term_months = 36;
      c.tacit_renewal = false;
      c.billing = random_.percent(20) ? BillingPeriod::quarterly : BillingPeriod::monthly;
      c.backup_option = random_.percent(60);
      c.high_availability = random_.percent(20);
      c.gtr_hours = c.backup_option ? (random_.percent(50) ? 4 : 8) : 0;
      c.holiday_zone = random_.percent(5) ? HolidayZone::alsace_moselle : HolidayZone::metropole;
    } else {
      c.term_months = 12;
      c.tacit_renewal = true;
      c.billing = BillingPeriod::annual;
      c.backup_option = true;  // D Art. 4: daily backups are part of the service
    }
    plan_reversibility(plan, activity);
    plan_services(plan);
    return plan;
  }

  // R1: some running K contracts announce their end (on time or late); some ended contracts went
  // through a completed reversibility.
  void plan_reversibility(ContractPlan& plan, Activity activity) {
    Contract& c = plan.contract;
    ReversibilityRequest request;
    request.contract_id = c.id;
    if (activity == Activity::active && c.terms_profile == "kalanda-hds" && random_.percent(2)) {
      const Date window_start = options_.from.first_day();
      request.requested = add_days(window_start, random_.between(0, days_between(window_start, run_date_) - 1));
      if (sys_days{request.requested} < sys_days{c.start}) request.requested = c.start;
      request.end_of_service = add_days(request.requested, random_.between(45, 200));
      c.end = request.end_of_service;
    } else if (activity != Activity::active && random_.percent(20)) {
      request.end_of_service = *c.end;
      request.requested = add_days(*c.end, -random_.between(60, 120));
      request.takeover = add_days(*c.end, random_.between(0, 60));
      request.completed = add_days(*request.takeover, random_.between(1, 10));
    } else {
      return;
    }
    request.id = numbered("REV-", ++reversibility_count_, 6);
    plan.reversibility = request;
  }

  void plan_services(ContractPlan& plan) {
    const Contract& c = plan.contract;
    const bool dag = c.terms_profile == "dag";
    const long servers = dag ? random_.between(1, 2) : random_.between(1, 3);
    const std::string domain = "client" + c.id.substr(4) + ".fr";
    for (long i = 0; i < servers; ++i) {
      ServicePlan s;
      s.service.id = numbered("SRV-", ++service_count_, 7);
      s.service.contract_id = c.id;
      const bool cluster = c.high_availability && i == 0;
      s.service.kind = cluster ? ServiceKind::ha_cluster : ServiceKind::server;
      s.service.hostname = (cluster ? "ha" : "srv" + std::to_string(i + 1)) + "." + domain;
      s.service.label = cluster ? "Cluster haute disponibilité" : "Serveur infogéré " + s.service.hostname;
      s.monthly = Money::from_cents((cluster ? random_.between(160, 500) : random_.between(12, 160)) * 500);
      s.system_bytes = random_.between(4, 20) * 1'000'000'000LL;
      s.files_bytes = random_.between(10, 400) * 1'000'000'000LL;
      s.database_bytes = random_.between(1, 60) * 1'000'000'000LL;
      plan.services.push_back(s);
    }
    if (dag && random_.percent(30))
      plan.services.push_back(extra_service(c, ServiceKind::mailbox, "Messagerie hébergée", 10, 40));
    if (random_.percent(3))
      plan.services.push_back(extra_service(c, ServiceKind::other, "Certificat TLS, nom de domaine", 5, 30));
  }

  ServicePlan extra_service(const Contract& c, ServiceKind kind, std::string_view label, long low, long high) {
    ServicePlan s;
    s.service.id = numbered("SRV-", ++service_count_, 7);
    s.service.contract_id = c.id;
    s.service.kind = kind;
    s.service.label = std::string{label};
    s.service.managed = false;
    s.monthly = Money::from_cents(random_.between(low, high) * 100);
    return s;
  }

  static long periods_per_month_factor(BillingPeriod p) {
    return p == BillingPeriod::monthly ? 1 : p == BillingPeriod::quarterly ? 3 : 12;
  }

  void write_contract(const ContractPlan& plan) {
    const Contract& c = plan.contract;
    contracts_ << c.id << c.account_id << c.terms_profile << text(c.start) << text(c.end) << text(c.term_months)
               << text(c.tacit_renewal) << to_word(c.billing) << text(c.backup_option) << text(c.high_availability)
               << text(c.gtr_hours) << to_word(c.holiday_zone) << c.time_zone;
    contracts_.end_row();
    for (const ServicePlan& s : plan.services) {
      services_ << s.service.id << c.id << to_word(s.service.kind) << s.service.hostname << s.service.label
                << text(s.service.managed);
      services_.end_row();
      write_fees(c, s);
    }
    if (plan.reversibility) {
      const ReversibilityRequest& r = *plan.reversibility;
      reversibility_ << r.id << r.contract_id << text(r.requested) << text(r.end_of_service) << text(r.takeover)
                     << text(r.completed);
      reversibility_.end_row();
    }
    write_operations(plan);
  }

  // The initial price, then (B3, K only) each anniversary revision that happened before the window:
  // those inside the window are left for the batch to compute.
  void write_fees(const Contract& c, const ServicePlan& s) {
    Money price = scale_rounded(s.monthly, periods_per_month_factor(c.billing), 1);
    fees_ << s.service.id << text(c.start) << format_money_plain(price) << "";
    fees_.end_row();
    if (c.terms_profile != "kalanda-hds") return;
    Milli previous = kContractIndex;
    for (int year = 1;; ++year) {
      const Date anniversary = add_months(c.start, 12 * year);
      if (sys_days{anniversary} >= sys_days{options_.from.first_day()}) break;
      if (c.end && sys_days{anniversary} > sys_days{*c.end}) break;
      const std::optional<Milli> index = last_published(anniversary);
      if (!index) break;
      price = scale_rounded(price, index->thousandths, previous.thousandths);
      previous = *index;
      fees_ << s.service.id << text(anniversary) << format_money_plain(price) << format_milli(*index);
      fees_.end_row();
    }
  }

  void write_operations(const ContractPlan& plan) {
    const Contract& c = plan.contract;
    const Instant active_from = paris_instant(c.start, {});
    const Instant active_until = c.end ? paris_instant(add_days(*c.end, 1), {}) : Instant::max();
    std::vector<const ServicePlan*> servers;
    for (const ServicePlan& s : plan.services)
      if (s.service.kind == ServiceKind::server || s.service.kind == ServiceKind::ha_cluster) servers.push_back(&s);
    for (const MonthSpan& month : months_) {
      const Instant begin = std::max(month.begin, active_from);
      const Instant end = std::min(month.end, active_until);
      if (end - begin < hours{6}) continue;
      write_incidents(c, servers, begin, end);
      write_outages(servers, begin, end);
      write_tickets(c, begin, end);
      if (random_.percent(25)) write_advice(c, servers, begin, end);
      if (c.terms_profile == "dag" && random_.percent(10)) write_root_access(c, servers, begin, end);
      if (c.billing == BillingPeriod::monthly && random_.percent(70)) write_payment(plan, month);
    }
    const Date first_day{std::max(sys_days{options_.from.first_day()}, sys_days{c.start})};
    const Date last_day =
        c.end ? Date{std::min(sys_days{add_days(run_date_, -1)}, sys_days{*c.end})} : add_days(run_date_, -1);
    if (c.terms_profile == "dag") {
      for (const ServicePlan* s : servers) write_daily_backups(*s, first_day, last_day);
      write_mail_usage(c, first_day, last_day);
    } else if (c.backup_option) {
      for (const ServicePlan* s : servers) write_weekly_backups(*s, first_day, last_day);
    }
  }

  IncidentCause draw_cause() {
    const auto draw = random_.between(0, 99);
    if (draw < 60) return IncidentCause::server;
    if (draw < 70) return IncidentCause::client;
    if (draw < 80) return IncidentCause::third_party;
    if (draw < 83) return IncidentCause::force_majeure;
    return IncidentCause::unknown;
  }

  void write_incidents(const Contract& c, const std::vector<const ServicePlan*>& servers, Instant begin, Instant end) {
    const long count = random_.between(1, 3);
    for (long i = 0; i < count; ++i) {
      Incident incident;
      incident.id = numbered("INC-", ++incident_count_, 8);
      incident.contract_id = c.id;
      incident.service_id = servers[std::size_t(random_.between(0, long(servers.size()) - 1))]->service.id;
      incident.contacted = instant_within(begin, end - hours{1});
      incident.cause = draw_cause();
      incident.blocking = random_.percent(50);
      incident.summary = std::string{pick(incident_summaries())};
      if (random_.percent(98)) {  // the rest were closed without intervention (false alarms)
        const long delay = random_.percent(85) ? random_.between(5, 55) : random_.between(61, 600);
        incident.intervention_start = incident.contacted + minutes{delay};
        const long repair = random_.between(10, 360);
        incident.restored = *incident.intervention_start + minutes{repair};
        if (incident.blocking && random_.percent(5)) {
          incident.data_loss = true;
          incident.backup_restore = minutes{random_.between(5, repair)};
        }
      }
      incidents_ << incident.id << c.id << incident.service_id << text(incident.contacted)
                 << (incident.intervention_start ? text(*incident.intervention_start) : "")
                 << (incident.restored ? text(*incident.restored) : "") << text(incident.blocking)
                 << to_word(incident.cause) << text(incident.data_loss) << text(incident.backup_restore.count())
                 << incident.summary;
      incidents_.end_row();
      if (incident.intervention_start) write_emergency(incident);
    }
  }

  // I1-I3: the intervention of an incident; beyond 2 h half of them carry an accepted quote.
  void write_emergency(const Incident& incident) {
    const long length = random_.between(15, 150);
    const Instant start = *incident.intervention_start;
    std::string quote;
    if (length > 120 && random_.percent(50)) quote = numbered("DEV-2026-", ++quote_count_, 5);
    const auto kind =
        incident.cause == IncidentCause::client ? InterventionKind::client_caused : InterventionKind::emergency;
    write_intervention(incident.contract_id, incident.service_id, incident.id, kind, start, start + minutes{length},
                       quote);
  }

  void write_intervention(const std::string& contract_id, const std::string& service_id, const std::string& incident_id,
                          InterventionKind kind, Instant start, Instant end, const std::string& quote) {
    interventions_ << numbered("ITV-", ++intervention_count_, 8) << contract_id << service_id << incident_id
                   << to_word(kind) << text(start) << text(end) << quote;
    interventions_.end_row();
  }

  // I4: advice work on a working day between 09:00 and 17:00 local.
  void write_advice(const Contract& c, const std::vector<const ServicePlan*>& servers, Instant begin, Instant end) {
    const Instant day_pick = instant_within(begin, end - hours{12});
    const Date day{std::chrono::floor<days>(day_pick + paris_offset(day_pick))};
    const Instant start = paris_instant(day, minutes{9 * 60 + 15 * random_.between(0, 28)});
    if (start < begin || start >= end) return;
    const ServicePlan& s = *servers[std::size_t(random_.between(0, long(servers.size()) - 1))];
    write_intervention(c.id, s.service.id, "", InterventionKind::advice, start,
                       start + minutes{random_.between(15, 90)}, "");
  }

  // S5: HA clusters fail a few times a month and have planned maintenance; plain servers seldom.
  void write_outages(const std::vector<const ServicePlan*>& servers, Instant begin, Instant end) {
    for (const ServicePlan* s : servers) {
      const bool cluster = s->service.kind == ServiceKind::ha_cluster;
      const long unplanned = cluster ? random_.between(0, 3) : (random_.percent(10) ? 1 : 0);
      for (long i = 0; i < unplanned; ++i)
        write_outage(*s, begin, end, OutageKind::unplanned, random_.between(5, 180), "Indisponibilité non planifiée");
      if (cluster && random_.percent(30))
        write_outage(*s, begin, end, OutageKind::planned, random_.between(60, 120),
                     "Maintenance planifiée (fenêtre convenue)");
      if (cluster && random_.percent(5))
        write_outage(*s, begin, end, OutageKind::force_majeure, random_.between(30, 240),
                     "Coupure électrique régionale");
      if (cluster && random_.percent(5))
        write_outage(*s, begin, end, OutageKind::client, random_.between(10, 60), "Intervention du client");
    }
  }

  void write_outage(const ServicePlan& s, Instant begin, Instant end, OutageKind kind, long length,
                    std::string_view summary) {
    const Instant start = instant_within(begin, end);
    outages_ << numbered("OUT-", ++outage_count_, 8) << s.service.id << text(start) << text(start + minutes{length})
             << to_word(kind) << summary;
    outages_.end_row();
  }

  // S9: most tickets are acknowledged within minutes, some late, a few never.
  void write_tickets(const Contract& c, Instant begin, Instant end) {
    const long count = random_.between(0, 3);
    for (long i = 0; i < count; ++i) {
      const Instant opened = instant_within(begin, end);
      std::string acknowledged;
      const auto draw = random_.between(0, 99);
      if (draw < 90)
        acknowledged = text(opened + minutes{random_.between(2, 240)});
      else if (draw < 95)
        acknowledged = text(opened + minutes{random_.between(24 * 60, 72 * 60)});
      tickets_ << numbered("TKT-", ++ticket_count_, 8) << c.id << text(opened) << acknowledged;
      tickets_.end_row();
    }
  }

  // S6 (D Art. 6): the client holds root access on a server for one to five days.
  void write_root_access(const Contract& c, const std::vector<const ServicePlan*>& servers, Instant begin,
                         Instant end) {
    const ServicePlan& s = *servers[std::size_t(random_.between(0, long(servers.size()) - 1))];
    const Instant start = instant_within(begin, end);
    root_access_ << numbered("RAP-", ++root_access_count_, 7) << c.id << s.service.id << text(start)
                 << text(start + hours{24 * random_.between(1, 5)});
    root_access_.end_row();
  }

  // K1: each day system, files and databases backed up between 01:00 and 06:00 local, kept 7 days
  // off-site; about 1 % each missing, failed, partial or started out of the window.
  void write_daily_backups(const ServicePlan& s, Date first, Date last) {
    static constexpr BackupScope kScopes[] = {BackupScope::system, BackupScope::files, BackupScope::databases};
    const std::string location = random_.percent(50) ? "offsite:sbg" : "offsite:gra";
    for (Date day = first; sys_days{day} <= sys_days{last}; day = add_days(day, 1)) {
      const long age = days_between(first, day);
      for (BackupScope scope : kScopes) {
        const auto draw = random_.between(0, 99);
        if (draw == 0) continue;  // missing
        const BackupStatus status = draw == 1   ? BackupStatus::failed
                                    : draw == 2 ? BackupStatus::partial
                                                : BackupStatus::success;
        const long local_minute =
            draw == 3 ? random_.between(6 * 60 + 5, 7 * 60 + 50) : random_.between(60, 5 * 60 + 50);
        const std::int64_t base = scope == BackupScope::system  ? s.system_bytes
                                  : scope == BackupScope::files ? s.files_bytes
                                                                : s.database_bytes;
        write_backup(s, scope, BackupKind::full, paris_instant(day, minutes{local_minute}), random_.between(5, 90),
                     status, status == BackupStatus::failed ? 0 : base + age * base / 500, location, add_days(day, 7));
      }
    }
  }

  // K2: weekly full backups on Sundays at 03:00 local, kept 30 days.
  void write_weekly_backups(const ServicePlan& s, Date first, Date last) {
    for (Date day = first; sys_days{day} <= sys_days{last}; day = add_days(day, 1)) {
      if (std::chrono::weekday{sys_days{day}} != std::chrono::Sunday) continue;
      write_backup(s, BackupScope::full, BackupKind::weekly, paris_instant(day, minutes{180}), random_.between(30, 150),
                   BackupStatus::success, s.system_bytes + s.files_bytes + s.database_bytes, "offsite:gra",
                   add_days(day, 30));
    }
  }

  void write_backup(const ServicePlan& s, BackupScope scope, BackupKind kind, Instant start, long length,
                    BackupStatus status, std::int64_t size, const std::string& location, Date expires) {
    backups_ << numbered("BKP-", ++backup_count_, 9) << s.service.id << to_word(scope) << to_word(kind) << text(start)
             << text(start + minutes{length}) << to_word(status) << text(size) << checksum(random_) << location
             << text(expires);
    backups_.end_row();
  }

  // B5: a daily random walk of the mailbox size; one contract in ten lives above the 25 GB quota.
  void write_mail_usage(const Contract& c, Date first, Date last) {
    long megabytes = random_.percent(10) ? random_.between(26'000, 33'000) : random_.between(1'000, 24'000);
    for (Date day = first; sys_days{day} <= sys_days{last}; day = add_days(day, 1)) {
      mail_ << c.id << text(day) << text(megabytes);
      mail_.end_row();
      megabytes = std::clamp<long>(megabytes + random_.between(-300, 320), 500, 40'000);
    }
  }

  // B9: payment of the month's invoice, TTC at 20 %. The invoice numbers assume the batch numbers
  // invoices FA-YEAR-NNNNNN (store/ledger.h) in issue order; they reference invoices the batch issues, not rows here.
  void write_payment(const ContractPlan& plan, const MonthSpan& month) {
    Money total;
    for (const ServicePlan& s : plan.services) total += s.monthly;
    const Date paid = add_days(month.month.first_day(), random_.between(2, 27));
    payments_ << numbered("PAY-", ++payment_count_, 8)
              << "FA-" + std::to_string(month.month.year) + numbered("-", ++invoice_count_, 6) << text(paid)
              << format_money_plain(scale_rounded(total, 120, 100));
    payments_.end_row();
  }

  GeneratorOptions options_;
  SeededRandom random_;
  Date run_date_;
  std::vector<MonthSpan> months_;
  std::vector<PriceIndex> syntec_;
  long contract_count_ = 0, service_count_ = 0, incident_count_ = 0, intervention_count_ = 0, outage_count_ = 0,
       ticket_count_ = 0, root_access_count_ = 0, backup_count_ = 0, payment_count_ = 0, invoice_count_ = 0,
       quote_count_ = 0, reversibility_count_ = 0;
  CsvFile accounts_, people_, contracts_, services_, fees_, incidents_, outages_, interventions_, tickets_,
      root_access_, backups_, mail_, indices_, prior_invoices_, payments_, reversibility_;
};

}  // namespace

GeneratedCounts write_generated_dataset(const GeneratorOptions& options, const std::filesystem::path& dir) {
  if (options.clients < 1) throw std::invalid_argument("clients must be at least 1");
  if (options.to < options.from) throw std::invalid_argument("from must not be after to");
  std::filesystem::create_directories(dir);
  DatasetWriter writer(options, dir);
  return writer.run();
}

}  // namespace clause
