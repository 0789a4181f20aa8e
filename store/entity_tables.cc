#include "store/entity_tables.h"
#include "store/term_notice_tables.h"  // issue 12

#include <regex>

namespace clause {
namespace {

// A column whose CSV and database names are the field name.
template <typename T, typename M>
Column<T> field(std::string csv_name, M T::*member, std::string db_name = {}) {
  Column<T> c;
  c.db_name = db_name.empty() ? csv_name : db_name;
  c.csv_name = std::move(csv_name);
  // Free text may be empty; optional fields are empty when absent; every other type needs a value.
  c.required = !std::is_same_v<M, std::string> && !is_optional_v<M>;
  c.parse = [member](std::string_view s, T& r) { return FieldCodec<M>::parse(s, r.*member); };
  c.store = [member](const T& r) { return FieldCodec<M>::store(r.*member); };
  c.load = [member](const Cell& cell, T& r) { return FieldCodec<M>::load(cell, r.*member); };
  return c;
}

// A text column that must not be empty: ids and references.
template <typename T>
Column<T> key_text(std::string name, std::string T::*member) {
  Column<T> c = field(std::move(name), member);
  c.required = true;
  return c;
}

// An id or a reference to one (required when it is text, empty for "none" when optional).
template <typename T, typename M>
Column<T> id(std::string name, M T::*member) {
  Column<T> c = field(std::move(name), member);
  if constexpr (std::is_same_v<M, std::string>) c.required = true;
  c.identifier = true;
  return c;
}

// Free text that may span lines (an address, an incident's summary): LF and CR are data there.
template <typename T>
Column<T> multiline_text(std::string name, std::string T::*member) {
  Column<T> c = field(std::move(name), member);
  c.line_breaks = true;
  return c;
}

template <typename T>
std::vector<ColumnError> no_check(const T&) {
  return {};
}

// "end >= start" (schema CHECK), for records with an Instant start and an end that may be open.
template <typename T, typename End>
std::vector<ColumnError> end_not_before_start(const T& r, End T::*end) {
  const auto& e = r.*end;
  if constexpr (is_optional_v<End>) {
    if (e && *e < r.start) return {{"end", "is before start " + format_instant_utc(r.start)}};
  } else {
    if (e < r.start) return {{"end", "is before start " + format_instant_utc(r.start)}};
  }
  return {};
}

std::vector<ColumnError> non_negative(std::string column, std::int64_t v) {
  if (v < 0) return {{std::move(column), "must not be negative"}};
  return {};
}

// Money the contract only ever owes in one direction (a price, a payment received, an invoice's
// totals): a negative amount would turn into a credit nobody agreed to (B6, BR-27).
void money_not_negative(std::vector<ColumnError>& out, std::string column, Money m) {
  if (m < Money{}) out.push_back({std::move(column), format_money_plain(m) + " must not be negative"});
}

const Reference account_ref{"account_id", "accounts", "account"};
const Reference contract_ref{"contract_id", "contracts", "contract"};
const Reference service_ref{"service_id", "services", "service"};

}  // namespace

template <>
const Entity<Account>& entity<Account>() {
  static const Entity<Account> e{
      "accounts",
      {id("id", &Account::id), field("kind", &Account::kind), id("parent_id", &Account::parent_id),
       key_text("name", &Account::name), multiline_text("address", &Account::address), field("siren", &Account::siren),
       field("vat_number", &Account::vat_number), field("language", &Account::language),
       field("last_activity", &Account::last_activity), field("created", &Account::created)},
      {"id"},
      {{"parent_id", "accounts", "account"}},
      [](const Account& a) -> std::vector<ColumnError> {
        if (a.language != "fr" && a.language != "en")
          return {{"language", quote_value(a.language) + " is not one of fr, en"}};
        return {};
      }};
  return e;
}

template <>
const Entity<Person>& entity<Person>() {
  static const Entity<Person> e{
      "people",
      {id("id", &Person::id), id("account_id", &Person::account_id), field("full_name", &Person::full_name),
       field("email", &Person::email), field("phone", &Person::phone),
       multiline_text("postal_address", &Person::postal_address), field("role", &Person::role)},
      {"id"},
      {account_ref},
      no_check<Person>};
  return e;
}

template <>
const Entity<Contract>& entity<Contract>() {
  static const Entity<Contract> e{
      "contracts",
      {id("id", &Contract::id), id("account_id", &Contract::account_id), id("terms_profile", &Contract::terms_profile),
       field("start", &Contract::start), field("end", &Contract::end), field("term_months", &Contract::term_months),
       field("tacit_renewal", &Contract::tacit_renewal), field("billing", &Contract::billing),
       field("backup_option", &Contract::backup_option), field("high_availability", &Contract::high_availability),
       field("gtr_hours", &Contract::gtr_hours), field("holiday_zone", &Contract::holiday_zone),
       key_text("time_zone", &Contract::time_zone)},
      {"id"},
      {account_ref},
      [](const Contract& c) -> std::vector<ColumnError> {
        std::vector<ColumnError> out;
        if (c.end && to_days(*c.end) < to_days(c.start))
          out.push_back({"end", "is before start " + format_date(c.start)});
        if (c.term_months <= 0) out.push_back({"term_months", "must be at least 1"});
        for (auto& problem : non_negative("gtr_hours", c.gtr_hours)) out.push_back(problem);
        return out;
      }};
  return e;
}

template <>
const Entity<Service>& entity<Service>() {
  static const Entity<Service> e{
      "services",
      {id("id", &Service::id), id("contract_id", &Service::contract_id), field("kind", &Service::kind),
       field("hostname", &Service::hostname), field("label", &Service::label), field("managed", &Service::managed)},
      {"id"},
      {contract_ref},
      no_check<Service>};
  return e;
}

template <>
const Entity<FeeRevision>& entity<FeeRevision>() {
  static const Entity<FeeRevision> e{
      "fee_revisions",
      {id("service_id", &FeeRevision::service_id), field("effective", &FeeRevision::effective),
       field("period_price", &FeeRevision::period_price, "period_price_cents"),
       field("index_value", &FeeRevision::index_value, "index_value_milli")},
      {"service_id", "effective"},
      {service_ref},
      [](const FeeRevision& f) {
        std::vector<ColumnError> out;
        money_not_negative(out, "period_price", f.period_price);  // zero: a service given free
        if (f.index_value && f.index_value->thousandths <= 0) out.push_back({"index_value", "must be positive"});
        return out;
      }};
  return e;
}

template <>
const Entity<Incident>& entity<Incident>() {
  static const Entity<Incident> e{
      "incidents",
      {id("id", &Incident::id), id("contract_id", &Incident::contract_id), id("service_id", &Incident::service_id),
       field("contacted", &Incident::contacted), field("intervention_start", &Incident::intervention_start),
       field("restored", &Incident::restored), field("blocking", &Incident::blocking), field("cause", &Incident::cause),
       field("data_loss", &Incident::data_loss), field("backup_restore_minutes", &Incident::backup_restore),
       multiline_text("summary", &Incident::summary)},
      {"id"},
      {contract_ref, service_ref},
      [](const Incident& i) { return non_negative("backup_restore_minutes", i.backup_restore.count()); }};
  return e;
}

template <>
const Entity<Outage>& entity<Outage>() {
  static const Entity<Outage> e{
      "outages",
      {id("id", &Outage::id), id("service_id", &Outage::service_id), field("start", &Outage::start),
       field("end", &Outage::end), field("kind", &Outage::kind), multiline_text("summary", &Outage::summary)},
      {"id"},
      {service_ref},
      [](const Outage& o) { return end_not_before_start(o, &Outage::end); }};
  return e;
}

template <>
const Entity<Intervention>& entity<Intervention>() {
  static const Entity<Intervention> e{
      "interventions",
      {id("id", &Intervention::id), id("contract_id", &Intervention::contract_id),
       id("service_id", &Intervention::service_id), id("incident_id", &Intervention::incident_id),
       field("kind", &Intervention::kind), field("start", &Intervention::start), field("end", &Intervention::end),
       field("quote_reference", &Intervention::quote_reference)},
      {"id"},
      {contract_ref, service_ref, {"incident_id", "incidents", "incident"}},
      [](const Intervention& i) { return end_not_before_start(i, &Intervention::end); }};
  return e;
}

template <>
const Entity<SupportTicket>& entity<SupportTicket>() {
  static const Entity<SupportTicket> e{
      "support_tickets",
      {id("id", &SupportTicket::id), id("contract_id", &SupportTicket::contract_id),
       field("opened", &SupportTicket::opened), field("acknowledged", &SupportTicket::acknowledged)},
      {"id"},
      {contract_ref},
      no_check<SupportTicket>};
  return e;
}

template <>
const Entity<RootAccessPeriod>& entity<RootAccessPeriod>() {
  static const Entity<RootAccessPeriod> e{
      "root_access_periods",
      {id("id", &RootAccessPeriod::id), id("contract_id", &RootAccessPeriod::contract_id),
       id("service_id", &RootAccessPeriod::service_id), field("start", &RootAccessPeriod::start),
       field("end", &RootAccessPeriod::end)},
      {"id"},
      {contract_ref, service_ref},
      [](const RootAccessPeriod& r) { return end_not_before_start(r, &RootAccessPeriod::end); }};
  return e;
}

template <>
const Entity<Backup>& entity<Backup>() {
  static const Entity<Backup> e{
      "backups",
      {id("id", &Backup::id), id("service_id", &Backup::service_id), field("scope", &Backup::scope),
       field("kind", &Backup::kind), field("start", &Backup::start), field("end", &Backup::end),
       field("status", &Backup::status), field("size_bytes", &Backup::size_bytes), field("checksum", &Backup::checksum),
       field("location", &Backup::location), field("expires", &Backup::expires)},
      {"id"},
      {service_ref},
      [](const Backup& b) {
        auto out = end_not_before_start(b, &Backup::end);
        for (auto& problem : non_negative("size_bytes", b.size_bytes)) out.push_back(problem);
        return out;
      }};
  return e;
}

template <>
const Entity<MailUsageSample>& entity<MailUsageSample>() {
  static const Entity<MailUsageSample> e{
      "mail_usage",
      {id("contract_id", &MailUsageSample::contract_id), field("day", &MailUsageSample::day),
       field("megabytes", &MailUsageSample::megabytes)},
      {"contract_id", "day"},
      {contract_ref},
      [](const MailUsageSample& m) { return non_negative("megabytes", m.megabytes); }};
  return e;
}

template <>
const Entity<PriceIndex>& entity<PriceIndex>() {
  static const Entity<PriceIndex> e{
      "price_indices",
      {id("name", &PriceIndex::name), field("month", &PriceIndex::month),
       field("value", &PriceIndex::value, "value_milli"), field("published", &PriceIndex::published)},
      {"name", "month"},
      {},
      [](const PriceIndex& p) -> std::vector<ColumnError> {
        if (p.value.thousandths <= 0) return {{"value", "must be positive"}};
        return {};
      }};
  return e;
}

namespace {

// B4, B7: a former series' invoice; a Clause number there would collide with Clause's own sequence.
std::vector<ColumnError> prior_invoice_check(const PriorInvoice& i) {
  static const std::regex clause_number{"(FA|AV)-[0-9]{4}-[0-9]{6}"};
  std::vector<ColumnError> errors;
  if (std::regex_match(i.number, clause_number))
    errors.push_back(
        {"number", "is in Clause's own numbering (FA-/AV-YYYY-NNNNNN); a former invoice keeps its own series"});
  if (i.period_to < i.period_from)
    errors.push_back({"period_to", "is before period_from " + format_date(i.period_from)});
  money_not_negative(errors, "total_ht", i.total_ht);
  money_not_negative(errors, "total_vat", i.total_vat);
  if (i.vat_rate.thousandths < 0 || i.vat_rate.thousandths % 10 != 0)
    errors.push_back({"vat_rate", "must be a percentage with at most two decimals"});
  return errors;
}

}  // namespace

template <>
const Entity<PriorInvoice>& entity<PriorInvoice>() {
  static const Entity<PriorInvoice> e{
      "prior_invoices",
      {id("number", &PriorInvoice::number), id("contract_id", &PriorInvoice::contract_id),
       field("issued", &PriorInvoice::issued), field("period_from", &PriorInvoice::period_from),
       field("period_to", &PriorInvoice::period_to), field("total_ht", &PriorInvoice::total_ht, "total_ht_cents"),
       field("vat_rate", &PriorInvoice::vat_rate, "vat_rate_milli"),
       field("total_vat", &PriorInvoice::total_vat, "total_vat_cents")},
      {"number"},
      {contract_ref},
      prior_invoice_check};
  return e;
}

template <>
const Entity<Payment>& entity<Payment>() {
  static const Entity<Payment> e{"payments",
                                 {id("id", &Payment::id), id("invoice_number", &Payment::invoice_number),
                                  field("paid", &Payment::paid), field("amount", &Payment::amount, "amount_cents")},
                                 {"id"},
                                 {},
                                 [](const Payment& p) -> std::vector<ColumnError> {
                                   // A payment received is money in; a refund is not a payment (no contract clause
                                   // knows one).
                                   if (p.amount <= Money{})
                                     return {{"amount", format_money_plain(p.amount) + " must be positive"}};
                                   return {};
                                 }};
  return e;
}

template <>
const Entity<ReversibilityRequest>& entity<ReversibilityRequest>() {
  static const Entity<ReversibilityRequest> e{
      "reversibility_requests",
      {id("id", &ReversibilityRequest::id), id("contract_id", &ReversibilityRequest::contract_id),
       field("requested", &ReversibilityRequest::requested),
       field("end_of_service", &ReversibilityRequest::end_of_service),
       field("takeover", &ReversibilityRequest::takeover), field("completed", &ReversibilityRequest::completed)},
      {"id"},
      {contract_ref},
      no_check<ReversibilityRequest>};
  return e;
}

// Issue 12, N2 (D Art. 8): a price change is announced before it applies, or not yet announced.
template <>
const Entity<PriceChange>& entity<PriceChange>() {
  static const Entity<PriceChange> e{
      "price_changes",
      {id("id", &PriceChange::id), id("contract_id", &PriceChange::contract_id),
       field("applies", &PriceChange::applies), field("announced", &PriceChange::announced),
       field("summary", &PriceChange::summary)},
      {"id"},
      {contract_ref},
      [](const PriceChange& p) -> std::vector<ColumnError> {
        // An announcement after the change is no announcement: the change would bind the client
        // before it was told (N2 counts one month back from `applies`).
        if (p.announced && *p.announced > p.applies)
          return {{"announced", "is after applies " + format_date(p.applies)}};
        return {};
      }};
  return e;
}

// Issue 12, N3 (K Art. 9, 15; D Art. 7): the article is checked against the terms profile by the
// échéancier (the import does not read the profiles); here only its form and the dates' order.
template <>
const Entity<BreachNotice>& entity<BreachNotice>() {
  static const Entity<BreachNotice> e{
      "breach_notices",
      {id("id", &BreachNotice::id), id("contract_id", &BreachNotice::contract_id), field("party", &BreachNotice::party),
       field("article", &BreachNotice::article), field("notified", &BreachNotice::notified),
       field("cured", &BreachNotice::cured), field("summary", &BreachNotice::summary)},
      {"id"},
      {contract_ref},
      [](const BreachNotice& b) -> std::vector<ColumnError> {
        std::vector<ColumnError> out;
        if (b.article < 1)
          out.push_back({"article", "must be at least 1 (the article of the terms the notification invokes)"});
        if (b.cured && *b.cured < b.notified) out.push_back({"cured", "is before notified " + format_date(b.notified)});
        return out;
      }};
  return e;
}

}  // namespace clause
