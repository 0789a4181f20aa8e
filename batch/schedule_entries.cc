// The échéancier of the database, worded: data loaded once, each contract computed by
// rules/schedule, then each item given its client, its line and its worded trace.
#include "batch/schedule_entries.h"

#include <fstream>
#include <sstream>

#include "model/whole_file.h"
#include "rules/calendar.h"
#include "rules/term_notices.h"    // issue 12
#include "settings/term_extras.h"  // issue 12
#include "store/billing_ledger.h"
#include "store/record_repository.h"
#include "store/reversibility_milestones.h"  // issue 15
#include "store/table_rows.h"
#include "store/term_notice_tables.h"  // issue 12

namespace clause {
namespace {

struct Words {
  const char* fr;
  const char* en;
};

// The phrases of the trace keys only the échéancier emits (rules/schedule.cc), per language.
const std::map<std::string, Words>& schedule_phrases() {
  static const std::map<std::string, Words> phrases{
      {"renewal_notice_deadline",
       {"renouvellement tacite le {renewal} : dénonciation {notice_days} {day_count} avant, soit au plus tard le "
        "{latest_notice} (jour de la dénonciation et jour du renouvellement exclus)",
        "tacit renewal on {renewal}: notice {notice_days} {day_count} before, that is on {latest_notice} at the "
        "latest (the day of the notice and the day of the renewal excluded)"}},
      {"tacit_renewal",
       {"sans dénonciation, le contrat est renouvelé le {renewal} pour {term_months} mois, jusqu'au {term_end}",
        "without notice the contract renews on {renewal} for {term_months} months, until {term_end}"}},
      {"service_end_recorded",
       {"fin de service enregistrée : dernier jour le {end}", "recorded end of service: last day {end}"}},
      {"service_end_of_term",
       {"début le {start}, durée de {term_months} mois sans renouvellement tacite : dernier jour le {end}",
        "start {start}, a term of {term_months} months without tacit renewal: last day {end}"}},
      // issue 12: N2 and N3 (rules/term_notices.cc)
      {"price_change_announce_by",
       {"changement de prix moins favorable applicable le {applies} : à annoncer {notice_months} mois avant, soit au "
        "plus tard le {announce_by}",
        "less favourable price change applying on {applies}: to be announced {notice_months} month(s) before, that "
        "is on {announce_by} at the latest"}},
      {"price_change_not_announced",
       {"pas encore annoncé : l'annonce doit parvenir au client au plus tard le {announce_by}",
        "not announced yet: the client must be told on {announce_by} at the latest"}},
      {"price_change_announced_in_time",
       {"annoncé le {announced}, dans le délai (au plus tard le {announce_by})",
        "announced on {announced}, in time (on {announce_by} at the latest)"}},
      {"price_change_announced_late",
       {"annoncé le {announced}, {late_days} jour(s) après la date limite du {announce_by} : applicable au plus tôt "
        "le {earliest_application}",
        "announced on {announced}, {late_days} day(s) after the deadline of {announce_by}: it applies on "
        "{earliest_application} at the earliest"}},
      {"price_change_termination_window",
       {"le client peut résilier dans un délai de {notice_months} mois à compter de l'annonce du {announced}, soit "
        "jusqu'au {client_may_terminate_until}",
        "the client may terminate within {notice_months} month(s) of the announcement of {announced}, that is until "
        "{client_may_terminate_until}"}},
      {"breach_cure_deadline",
       {"manquement notifié le {notified} (article {article}, partie en défaut : {party}) : à réparer dans les "
        "{delay_days} {day_count}, soit au plus tard le {deadline}",
        "breach notified on {notified} (article {article}, party in breach: {party}): to be cured within "
        "{delay_days} {day_count}, that is on {deadline} at the latest"}},
      {"breach_cured_in_time", {"réparé le {cured}, dans le délai", "cured on {cured}, in time"}},
      {"breach_cured_late",
       {"réparé le {cured}, après la date limite du {deadline}", "cured on {cured}, after the deadline of {deadline}"}},
  };
  return phrases;
}

// How a Delay's count (DayCount word) reads, in the traces ("values") and in the lines.
const std::map<std::string, Words>& day_count_words() {
  static const std::map<std::string, Words> words{
      {"calendar", {"jours", "days"}},
      {"francs", {"jours francs", "clear days"}},
      {"ouvres", {"jours ouvrés", "working days"}},
      {"ouvrables", {"jours ouvrables", "working days (Monday to Saturday)"}}};
  return words;
}

// Issue 12: the party in breach (N3), in the traces and the lines.
const std::map<std::string, Words>& party_words() {
  static const std::map<std::string, Words> words{{"provider", {"le prestataire", "the provider"}},
                                                  {"client", {"le client", "the client"}}};
  return words;
}

const char* in(const Words& w, Language language) { return language == Language::en ? w.en : w.fr; }

// The one-line wording of each event; {name} is the item's figure of that name.
const std::map<ScheduleEvent, Words>& what_phrases() {
  static const std::map<ScheduleEvent, Words> phrases{
      {ScheduleEvent::notice_deadline,
       {"dernier jour pour dénoncer le contrat avant son renouvellement du {renewal}",
        "last day to give notice before the contract renews on {renewal}"}},
      {ScheduleEvent::renewal,
       {"renouvellement tacite du contrat pour {term_months} mois, jusqu'au {term_end}",
        "tacit renewal of the contract for {term_months} months, until {term_end}"}},
      {ScheduleEvent::service_end, {"fin du service (dernier jour)", "end of service (last day)"}},
      {ScheduleEvent::reversibility_request_deadline,
       {"date limite de la demande de réversibilité {request} (fin de service le {end_of_service})",
        "deadline of reversibility request {request} (end of service on {end_of_service})"}},
      {ScheduleEvent::reversibility_start, {"début de la réversibilité {request}", "reversibility {request} starts"}},
      {ScheduleEvent::reversibility_awaits_payment,
       {"fin de service : la réversibilité attend le paiement de {unpaid_invoices} facture(s) ({invoices})",
        "end of service: reversibility waits for the payment of {unpaid_invoices} invoice(s) ({invoices})"}},
      {ScheduleEvent::reversibility_delivery,
       {"date limite de remise du dossier de réversibilité {request} ({delay_days} {day_count})",
        "deadline to hand over reversibility dossier {request} ({delay_days} {day_count})"}},
      {ScheduleEvent::continuity_end,
       {"fin de la continuité des services ({continuity_days} jours après la fin de service du {end_of_service})",
        "end of service continuity ({continuity_days} days after the end of service on {end_of_service})"}},
      {ScheduleEvent::takeover,
       {"reprise par le client : fin de la continuité des services (fin de service le {end_of_service})",
        "take-over by the client: end of service continuity (end of service on {end_of_service})"}},
      {ScheduleEvent::unpaid_overdue,
       {"facture {invoice} échue le {due} et impayée : toutes les sommes dues exigibles, interventions suspendues, "
        "résiliation possible {delay_days} jours après une mise en demeure",
        "invoice {invoice} due on {due} unpaid: all sums due at once, interventions suspended, termination possible "
        "{delay_days} days after a formal notice"}},
      {ScheduleEvent::unpaid_definitive_suspension,
       {"facture {invoice} du renouvellement du {anniversary} impayée : contrat non renouvelé, suspension définitive "
        "des services",
        "invoice {invoice} of the renewal on {anniversary} unpaid: no renewal, services definitively suspended"}},
      // issue 12
      {ScheduleEvent::price_change_announce_by,
       {"dernier jour pour annoncer le changement de prix {change} applicable le {applies}",
        "last day to announce price change {change} applying on {applies}"}},
      {ScheduleEvent::price_change_termination,
       {"fin du délai de résiliation du client après l'annonce du {announced} du changement de prix {change} "
        "(applicable le {applies})",
        "end of the client's termination window after the announcement on {announced} of price change {change} "
        "(applying on {applies})"}},
      {ScheduleEvent::breach_cure_deadline,
       {"date limite pour réparer le manquement {breach} notifié le {notified} ({party} en défaut, article "
        "{article}, {delay_days} {day_count})",
        "deadline to cure breach {breach} notified on {notified} ({party} in breach, article {article}, "
        "{delay_days} {day_count})"}},
  };
  return phrases;
}

std::string figure_text(const Figure& f, Language language) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Date>)
          return format_date(v);
        else if constexpr (std::is_same_v<T, long long>)
          return std::to_string(v);
        else if constexpr (std::is_same_v<T, std::string>) {
          if (f.name == "day_count")
            if (auto w = day_count_words().find(v); w != day_count_words().end()) return in(w->second, language);
          if (f.name == "party")
            if (auto w = party_words().find(v); w != party_words().end()) return in(w->second, language);
          return v;
        } else
          return f.name;  // the échéancier's lines name dates, counts and words only
      },
      f.value);
}

// Replaces each {name} of `phrase` by the figure of that name (kept as is when there is none).
std::string fill(const std::string& phrase, const std::vector<Figure>& figures, Language language) {
  std::string out;
  for (std::size_t i = 0; i < phrase.size();) {
    const std::size_t open = phrase.find('{', i);
    if (open == std::string::npos) {
      out += phrase.substr(i);
      break;
    }
    const std::size_t close = phrase.find('}', open);
    out += phrase.substr(i, open - i);
    const std::string name = phrase.substr(open + 1, close - open - 1);
    const Figure* figure = nullptr;
    for (const auto& f : figures)
      if (f.name == name) figure = &f;
    out += figure ? figure_text(*figure, language) : phrase.substr(open, close - open + 1);
    i = close + 1;
  }
  return out;
}

}  // namespace

TraceWording schedule_trace_wording(const std::filesystem::path& traces_json, Language language) {
  auto text = read_whole_file(traces_json);
  if (!text) throw std::runtime_error(traces_json.generic_string() + ": cannot read the trace phrases");
  nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_object() && json.contains("phrases") && json["phrases"].is_object()) {
    for (const auto& [key, words] : schedule_phrases())
      if (!json["phrases"].contains(key)) json["phrases"][key] = in(words, language);
    nlohmann::json& values = json["values"];
    if (values.is_null()) values = nlohmann::json::object();
    if (values.is_object() && !values.contains("day_count"))
      for (const auto& [word, words] : day_count_words()) values["day_count"][word] = in(words, language);
    if (values.is_object() && !values.contains("party"))
      for (const auto& [word, words] : party_words()) values["party"][word] = in(words, language);
  }
  return TraceWording::from_json(json, language, traces_json.generic_string());
}

std::string schedule_what(const ScheduleItem& item, Language language) {
  return fill(in(what_phrases().at(item.event), language), item.figures, language);
}

Schedule load_schedule(Database& db, const Config& config, const std::map<std::string, TermsProfile>& profiles,
                       ScheduleWindow window, const TraceWording& wording) {
  Schedule out;
  out.window = window;
  std::map<std::string, std::string> account_names;
  for (const auto& a : load_accounts(db)) account_names.emplace(a.id, a.name);
  std::map<std::string, ScheduleFacts> facts;
  for (const auto& c : load_contracts(db)) facts[c.id].contract = c;
  // Only the two tables it needs, not load_data_set (backups and incidents of every contract);
  // record_repository.h has no loader of all requests yet.
  for (const auto& r : load_records<ReversibilityRequest>(db, "reversibility_requests.all"))
    if (auto f = facts.find(r.contract_id); f != facts.end()) f->second.reversibility_requests.push_back(r);
  // Issue 15: minutes recorded by `clause reversibility --record-pv` complete a request (R5) as an
  // imported `completed` date does: nothing after them is due any more.
  for (const auto& m : load_reversibility_milestones(db))
    if (auto f = facts.find(m.contract_id); f != facts.end() && m.pv_signed)
      for (auto& r : f->second.reversibility_requests)
        if (r.id == m.request_id && !r.completed) r.completed = m.pv_signed;
  // Issue 12: the N2 price changes and N3 breach notices (migration 009).
  for (const auto& p : load_records<PriceChange>(db, "price_changes.all"))
    if (auto f = facts.find(p.contract_id); f != facts.end()) f->second.price_changes.push_back(p);
  for (const auto& b : load_records<BreachNotice>(db, "breach_notices.all"))
    if (auto f = facts.find(b.contract_id); f != facts.end()) f->second.breach_notices.push_back(b);
  std::map<std::string, std::string> contract_of_invoice;
  for (const IssuedDocument& d : load_issued_documents_of_kind(db, DocumentKind::invoice)) {
    auto f = facts.find(d.contract_id);
    if (f == facts.end() || !d.number) continue;
    auto profile = profiles.find(f->second.contract.terms_profile);
    if (profile == profiles.end()) continue;
    // What the buyer owes: TTC less the credit notes this invoice deducted (B4), as the journal's
    // unpaid list counts it; due after the profile's payment days.
    f->second.invoices.push_back({*d.number, d.issued_on, add_days(d.issued_on, profile->second.billing.payment_days),
                                  d.total_ttc - deducted_from_invoice(db, *d.number)});
    contract_of_invoice[*d.number] = d.contract_id;
  }
  for (const auto& p : load_payments(db))
    if (auto c = contract_of_invoice.find(p.invoice_number); c != contract_of_invoice.end())
      facts[c->second].payments.push_back(p);

  std::vector<ScheduleItem> items;
  std::map<std::string, std::vector<int>> articles_of;  // issue 12: per terms profile (N3)
  for (const auto& [id, f] : facts) {
    auto profile = profiles.find(f.contract.terms_profile);
    if (profile == profiles.end()) {
      out.skipped.push_back({id, "unknown terms profile \"" + f.contract.terms_profile + "\""});
      continue;
    }
    // Issue 12: what the profile cannot date is said, not dropped without a word.
    const TermTerms& term = profile->second.term;
    auto articles = articles_of.find(profile->first);
    if (articles == articles_of.end())
      articles =
          articles_of.emplace(profile->first, load_breach_cure_articles(config.terms / (profile->first + ".toml")))
              .first;
    ScheduleFacts with_articles = f;
    with_articles.breach_cure_articles = articles->second;
    for (const auto& p : f.price_changes)
      if (term.price_change_notice_months <= 0)
        out.skipped.push_back({id, "price change " + p.id + ": terms profile " + profile->first +
                                       " has no price-change notice (N2 is D Art. 8)"});
    for (const auto& b : f.breach_notices)
      if (!b.cured && !breach_cure_dates(b, term, articles->second, f.contract.holiday_zone).known)
        out.skipped.push_back({id, "breach notice " + b.id + ": article " + std::to_string(b.article) +
                                       " has no cure period in terms profile " + profile->first + " (articles " +
                                       breach_cure_article_list(articles->second) + ")"});
    auto mine = contract_schedule(with_articles, profile->second, window);
    items.insert(items.end(), mine.begin(), mine.end());
  }
  sort_schedule(items);

  // Every figure of these traces is a date, a count or a word: no instant, so one clock (the
  // provider's zone) words them all.
  const ContractClock clock(config.zone(config.default_time_zone), HolidayZone::metropole, BusinessHours{});
  for (auto& item : items) {
    ScheduleEntry e;
    auto account = account_names.find(facts.at(item.contract_id).contract.account_id);
    e.client = account == account_names.end() ? "" : account->second;
    e.what = schedule_what(item, wording.language());
    e.trace = wording.describe_steps(item.trace, clock);
    e.item = std::move(item);
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::string schedule_line(const ScheduleEntry& entry) {
  return format_date(entry.item.date) + "  " + entry.item.contract_id + "  " + entry.item.rule + "  " + entry.what;
}

}  // namespace clause
