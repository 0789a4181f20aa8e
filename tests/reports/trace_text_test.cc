// Trace wording (reports/trace_text.h): templates/<lang>/traces.json word every trace key the
// rules emit, each figure by its type, in the contract's local time.
#include "reports/trace_text.h"

#include <map>

#include <gtest/gtest.h>

namespace clause {
namespace {

using namespace std::chrono_literals;
using std::chrono::November;

const ContractClock& paris() {
  static const ContractClock clock(TimeZoneRule{"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"}, HolidayZone::metropole,
                                   BusinessHours{});
  return clock;
}

const TraceWording& french() {
  static const TraceWording w = TraceWording::load(CLAUSE_SOURCE_DIR "/templates/fr/traces.json", Language::fr);
  return w;
}
const TraceWording& english() {
  static const TraceWording w = TraceWording::load(CLAUSE_SOURCE_DIR "/templates/en/traces.json", Language::en);
  return w;
}

Instant local(Date d, minutes t) { return paris().to_instant(d, t); }

// Every key the rules emit (grep 'trace.add(' rules/*.cc, keys passed through variables included:
// S6 "cause_" + cause, I1 "not_billed_" + kind, G2/G3 hold reasons) with the figures it carries.
// A phrase may only name these figures.
const std::map<std::string, std::vector<std::string>>& emitted_keys() {
  static const std::map<std::string, std::vector<std::string>> keys{
      {"incident_month", {"contacted", "local_date"}},
      {"monthly_fee", {"period_price", "divisor", "monthly_fee", "effective"}},
      {"cause_client", {"cause"}},
      {"cause_third_party", {"cause"}},
      {"cause_force_majeure", {"cause"}},
      {"root_access", {"contacted", "root_access_start"}},
      {"no_exclusion", {"cause"}},
      {"gti_deadline_ho", {"contacted", "guarantee", "deadline"}},
      {"gti_deadline_hno", {"contacted", "guarantee", "deadline"}},
      {"gti_not_started", {"deadline"}},
      {"gti_on_time", {"intervention_start", "deadline"}},
      {"gti_late", {"intervention_start", "lateness", "tier", "monthly_fee", "credit"}},
      {"gtr_applies", {"blocking", "cause", "backup_option"}},
      {"gtr_not_applicable", {"blocking", "cause", "backup_option"}},
      {"gtr_not_restored", {}},
      {"gtr_within", {"intervention_start", "restored", "backup_restore_removed", "restoration_time", "base_gtr"}},
      {"gtr_late",
       {"intervention_start", "restored", "backup_restore_removed", "restoration_time", "base_gtr", "lateness", "tier",
        "monthly_fee", "credit"}},
      {"availability_measured", {"month_length", "unavailable", "outages", "availability"}},
      {"availability_tier", {"availability", "tier", "monthly_fee", "credit"}},
      {"availability_no_credit_table", {"availability"}},
      {"gti_late_no_credit_table", {"intervention_start", "lateness"}},
      {"gti_late_excluded", {"intervention_start", "lateness"}},
      {"gtr_late_excluded",
       {"intervention_start", "restored", "backup_restore_removed", "restoration_time", "base_gtr", "lateness"}},
      {"gtr_late_not_applicable",
       {"intervention_start", "restored", "backup_restore_removed", "restoration_time", "base_gtr", "lateness"}},
      {"gtr_late_no_credit_table",
       {"intervention_start", "restored", "backup_restore_removed", "restoration_time", "base_gtr", "lateness"}},
      {"cap_met", {"subtotal", "cap_percent", "monthly_fee", "cap", "total"}},
      {"support_no_ticket", {"guarantee"}},
      {"cap_reached", {"subtotal", "cap_percent", "monthly_fee", "cap", "total"}},
      {"cap_not_reached", {"subtotal", "cap_percent", "monthly_fee", "cap", "total"}},
      {"support_ack_rate", {"guarantee", "tickets", "on_time", "rate"}},
      {"no_credit_table", {"profile"}},
      {"emergency_in_allowance", {"rank", "allowance", "year_begin", "year_end"}},
      {"emergency_beyond_allowance", {"rank", "allowance", "year_begin", "year_end"}},
      {"client_caused_billed", {}},
      {"not_billed_scheduled", {}},
      {"not_billed_advice", {}},
      {"within_length", {"length", "max_length", "excess"}},
      {"excess_quoted", {"length", "max_length", "excess", "quote"}},
      {"excess_quote_required", {"length", "max_length", "excess"}},
      {"billed_steps", {"billed_time", "step", "steps", "hourly_rate", "amount"}},
      {"interventions_total", {"lines", "total"}},
      {"advice_balance", {"managed_servers", "per_server_month", "granted", "used", "balance"}},
      {"advice_balance_negative", {"managed_servers", "per_server_month", "granted", "used", "balance"}},
      {"daily_backups", {"days_checked", "incomplete_days", "window_opens", "window_closes", "offsite_required"}},
      {"daily_backups_not_required", {}},
      {"restore_points_at_month_end", {"month_end", "retention_days", "restore_points"}},
      {"period_in_advance", {"issue", "period_first", "period_last", "billed_from"}},
      {"final_settlement", {"contract_end", "period_first", "from", "issue"}},
      {"first_period_partial", {"issue", "period_first", "period_last", "billed_from"}},
      {"whole_period", {"price", "amount"}},
      {"no_proration_by_terms", {"price", "amount"}},
      {"prorated", {"price", "days_billed", "days_in_period", "amount"}},
      {"price_guaranteed", {"anniversary", "price"}},
      {"index_missing", {"anniversary"}},
      {"syntec_revision",
       {"anniversary", "previous_price", "previous_index", "index", "index_month", "index_published", "price"}},
      {"no_mail_quota", {}},
      {"quota_first_exceeded", {"day", "quota_gb"}},
      {"not_billed", {"month", "grace_days"}},
      {"quota_surcharge", {"grace_reached", "peak_megabytes", "cap_gb", "steps", "step_price", "amount"}},
      {"line_rounded", {"description", "quantity", "unit_price", "total_ht"}},
      {"vat_per_rate", {"rate_basis_points", "base_ht", "vat"}},
      {"totals", {"total_ht", "total_vat", "total_ttc"}},
      {"credit_vat_mirrors_invoice", {"rate_basis_points", "vat"}},
      {"credit_note_totals", {"total_ht", "total_vat", "total_ttc"}},
      {"no_renewal_suspension", {"invoice", "anniversary", "delay_days", "definitive_suspension"}},
      {"termination_after_formal_notice", {"invoice", "formal_notice", "delay_days", "termination_from"}},
      {"all_sums_due_interventions_suspended", {"invoice", "due"}},
      {"termination_on_requested_date", {"received", "requested", "latest_notice", "effective"}},
      {"termination_postponed", {"received", "requested", "latest_notice", "effective"}},
      {"termination_at_anniversary", {"received", "latest_notice", "effective"}},
      {"price_change_notice", {"applies", "announce_by", "announced", "client_may_terminate_until"}},
      {"active", {"last_activity", "inactive_on"}},
      {"reminder", {"last_activity", "inactive_on", "reminder_days"}},
      {"inactive", {"last_activity", "inactive_on", "inactivity_months"}},
      {"active_sub_account", {"because_of"}},
      {"running_contract", {"because_of"}},
      {"unpaid_invoice", {"because_of"}},
      {"open_reversibility", {"because_of"}},
      {"request_in_time", {"requested", "request_deadline"}},
      {"request_late", {"requested", "request_deadline"}},
      {"start_at_end_of_service", {"end_of_service", "start"}},
      {"start_at_last_payment", {"end_of_service", "start"}},
      {"delivery_deadline", {"start", "delay_days", "delivery_deadline"}},
      {"start_awaits_payment", {"end_of_service", "unpaid_invoices"}},
      {"continuity", {"end_of_service", "continuity_limit", "services_until"}},
      {"continuity_in_arrears", {"month", "billed_from", "billed_to", "services_until", "issue"}},
      {"takeover_capped", {"end_of_service", "continuity_limit", "services_until"}},
      {"server_backups", {"service", "backups", "total_bytes"}},
      {"to_destroy_after_minutes", {"backups"}}};
  return keys;
}

TEST(TraceWording, EveryKeyTheRulesEmitHasAPhraseInBothLanguages) {
  for (const auto* wording : {&french(), &english()}) {
    for (const auto& [key, figures] : emitted_keys()) {
      EXPECT_TRUE(wording->has(key)) << key;
      // Each placeholder must name a figure the step carries, or the phrase falls back.
      TraceStep step{"X", key, {}};
      for (const auto& name : figures) step.figures.push_back({name, std::string("v")});
      const std::string text = wording->describe(step, paris());
      EXPECT_NE(text.rfind(key + ":", 0), 0u) << key;
      EXPECT_NE(text, key) << key;
    }
    EXPECT_EQ(wording->keys().size(), emitted_keys().size());  // no phrase for a key nobody emits
  }
}

// S1: Friday 20 Nov 2026 17:30 in HO + 1 business hour = Monday 23 Nov 09:30.
TEST(TraceWording, InstantsAreLocalWithTheWeekday) {
  TraceStep step{"S1",
                 "gti_deadline_ho",
                 {{"contacted", local(2026y / November / 20, 17h + 30min)},
                  {"guarantee", 60min},
                  {"deadline", local(2026y / November / 23, 9h + 30min)}}};
  EXPECT_EQ(
      french().describe(step, paris()),
      "contacté le ven. 20/11/2026 17:30 (HO) : échéance GTI le lun. 23/11/2026 09:30 (1 h 00 en heures ouvrées)");
  EXPECT_EQ(english().describe(step, paris()),
            "contacted Fri 2026-11-20 17:30 (business hours): intervention deadline Mon 2026-11-23 09:30 "
            "(1 h 00 min of business time)");
}

TEST(TraceWording, EachFigureIsWordedByItsType) {
  const auto text = [](FigureValue v) { return french().figure_text({"x", std::move(v)}, paris()); };
  EXPECT_EQ(text(Money::from_cents(125000)), "1\u202F250,00\u00A0€");
  EXPECT_EQ(text(220min), "3 h 40");
  EXPECT_EQ(text(Percent{25}), "25\u00A0%");
  EXPECT_EQ(text(Ppm{998980}), "99,898\u00A0%");
  EXPECT_EQ(text(Milli{268500}), "268,5");
  EXPECT_EQ(text(Date{2026y / 11 / 23}), "23/11/2026");
  EXPECT_EQ(text(true), "oui");
  EXPECT_EQ(text(false), "non");
  EXPECT_EQ(text(1234LL), "1\u202F234");
  EXPECT_EQ(english().figure_text({"x", true}, paris()), "yes");
  EXPECT_EQ(english().figure_text({"x", Ppm{998980}}, paris()), "99.898%");
}

TEST(TraceWording, StringFiguresAreWordedByName) {
  EXPECT_EQ(french().describe(TraceStep{"S6", "no_exclusion", {{"cause", std::string("server")}}}, paris()),
            "cause : le serveur, aucune exclusion");
  EXPECT_EQ(english().describe(TraceStep{"S6", "no_exclusion", {{"cause", std::string("unknown")}}}, paris()),
            "cause: undetermined, no exclusion");
}

// B6: 20 % VAT on 1 000.00 EUR = 200.00 EUR; the rate travels in basis points (2000).
TEST(TraceWording, BasisPointsAndClockModifiers) {
  EXPECT_EQ(french().describe(TraceStep{"B6",
                                        "vat_per_rate",
                                        {{"rate_basis_points", 2000LL},
                                         {"base_ht", Money::from_cents(100000)},
                                         {"vat", Money::from_cents(20000)}}},
                              paris()),
            "TVA à 20\u00A0% sur 1\u202F000,00\u00A0€ HT = 200,00\u00A0€");
  // K1: the backup window is a time of day held as minutes: 60 -> "01:00".
  EXPECT_EQ(french().describe(TraceStep{"K1",
                                        "daily_backups",
                                        {{"days_checked", 30LL},
                                         {"incomplete_days", 2LL},
                                         {"window_opens", 60min},
                                         {"window_closes", 360min},
                                         {"offsite_required", true}}},
                              paris()),
            "2 jour(s) sans sauvegarde complète sur 30 vérifié(s) (fenêtre 01:00-06:00, hors site exigé : oui)");
}

// S7 Decision: a contract starting 17 Nov at 1 000.00 a month is billed 1 000.00 x 14 / 30 = 466.67
// for November, and that is the cap of November's credits: the phrase names the fee billed.
TEST(TraceWording, CapOfAProratedMonthNamesTheFeeBilledForTheMonth) {
  Trace trace;
  trace.add("S7", "prorated",
            {{"price", Money::from_cents(100000)},
             {"days_billed", 14LL},
             {"days_in_period", 30LL},
             {"amount", Money::from_cents(46667)}});
  trace.add("S7", "cap_reached",
            {{"subtotal", Money::from_cents(100000)},
             {"cap_percent", Percent{100}},
             {"monthly_fee", Money::from_cents(46667)},
             {"cap", Money::from_cents(46667)},
             {"total", Money::from_cents(46667)}});
  EXPECT_EQ(french().describe(trace, paris()),
            "1\u202F000,00\u00A0€ × 14 / 30 jours = 466,67\u00A0€ → total du service 1\u202F000,00\u00A0€ plafonné à "
            "100\u00A0% de la redevance facturée pour le mois (466,67\u00A0€) : avoir de 466,67\u00A0€");
  EXPECT_EQ(english().describe_steps(trace, paris())[1].text,
            "service total €1,000.00 capped at 100% of the fee billed for the month (€466.67): credit €466.67");
}

// K1: restore points are complete days among the last 7 of the month (Dubois, November: 6).
TEST(TraceWording, RestorePointsAreCompleteDays) {
  TraceStep step{"K1",
                 "restore_points_at_month_end",
                 {{"month_end", local(2026y / 12 / 1, 0min)}, {"retention_days", 7LL}, {"restore_points", 6LL}}};
  EXPECT_EQ(french().describe(step, paris()),
            "6 point(s) de restauration en fin de mois (mar. 01/12/2026 00:00) : jours complets parmi les 7 derniers "
            "jours conservés");
  EXPECT_EQ(english().describe(step, paris()),
            "6 restore point(s) at month end (Tue 2026-12-01 00:00): complete days among the last 7 days kept");
}

// B5 Decision: the first 30 consecutive days above quota are free (above quota from 1 Sep, September
// is the grace and is not billed).
TEST(TraceWording, MailGraceMonthSaysTheThirtyDaysAreFree) {
  TraceStep step{"B5", "not_billed", {{"month", std::string("2026-09")}, {"grace_days", 30LL}}};
  EXPECT_EQ(french().describe(step, paris()),
            "2026-09 : dépassement non facturé (aucun jour au-delà des 30 premiers jours consécutifs au-dessus du "
            "quota, qui sont gratuits)");
  EXPECT_EQ(english().describe(step, paris()),
            "2026-09: excess not billed (no day beyond the first 30 consecutive days above the quota, which are free)");
}

// R4: January 2027 after an end of service on 2026-12-31, invoiced on 2027-02-01.
TEST(TraceWording, ContinuityInArrears) {
  TraceStep step{"R4",
                 "continuity_in_arrears",
                 {{"month", std::string("2027-01")},
                  {"billed_from", Date{2027y / 1 / 1}},
                  {"billed_to", Date{2027y / 1 / 31}},
                  {"services_until", Date{2027y / 3 / 31}},
                  {"issue", Date{2027y / 2 / 1}}}};
  EXPECT_EQ(french().describe(step, paris()),
            "continuité de service de 2027-01 facturée à terme échu le 01/02/2027 : du 01/01/2027 au 31/01/2027 "
            "(services maintenus jusqu'au 31/03/2027)");
}

TEST(TraceWording, UnknownKeyFallsBackToNamesAndValues) {
  TraceStep step{
      "Z9", "brand_new_rule", {{"deadline", local(2026y / November / 23, 9h + 30min)}, {"rate", Percent{10}}}};
  EXPECT_EQ(french().describe(step, paris()), "brand_new_rule: deadline=lun. 23/11/2026 09:30, rate=10\u00A0%");
  // A phrase naming a figure the step lacks falls back too: nothing is lost.
  EXPECT_EQ(french().describe(TraceStep{"S1", "gti_not_started", {}}, paris()), "gti_not_started");
}

TEST(TraceWording, TraceJoinsStepsAndListsThemForTables) {
  Trace trace;
  trace.add("S7", "cap_not_reached",
            {{"subtotal", Money::from_cents(31250)},
             {"cap_percent", Percent{100}},
             {"monthly_fee", Money::from_cents(125000)},
             {"cap", Money::from_cents(125000)},
             {"total", Money::from_cents(31250)}});
  trace.add("S10", "no_credit_table", {{"profile", std::string("dag")}});
  EXPECT_EQ(
      french().describe(trace, paris()),
      "total du service 312,50\u00A0€, plafond de 1\u202F250,00\u00A0€ non atteint → les conditions générales (dag) "
      "ne prévoient pas d'avoir : mesures données à titre d'information");
  const auto steps = english().describe_steps(trace, paris());
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].rule, "S7");
  EXPECT_EQ(steps[0].text, "service total €312.50, cap €1,250.00 not reached");
}

TEST(TraceWording, LoadErrorsNameTheFileAndTheProblem) {
  try {
    TraceWording::load("/nonexistent/traces.json", Language::fr);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/traces.json: cannot read the trace phrases");
  }
  const nlohmann::json bad = {{"words", {{"weekdays", {"lun."}}}}, {"phrases", nlohmann::json::object()}};
  try {
    TraceWording::from_json(bad, Language::fr, "traces.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "traces.json: words.weekdays must list 7 weekday names, Monday first");
  }
  nlohmann::json unbalanced = nlohmann::json::parse(R"({"words": {"weekdays": ["1","2","3","4","5","6","7"]},
                                                         "phrases": {"k": "a {b"}})");
  try {
    TraceWording::from_json(unbalanced, Language::fr, "traces.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "traces.json: phrases.k: unbalanced braces");
  }
}

}  // namespace
}  // namespace clause
