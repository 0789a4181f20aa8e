// The monthly SLA statement as a typed value (RULES S, I, K; issue 11 "documents are typed values
// built by pure functions"): build_statement turns one contract's records and the figures of its
// month into a StatementDocument, section by section, and statement_data (statement_data.h) is the
// one conversion to the template data. Amounts stay Money (cents) until that conversion; texts
// that depend on the language (durations "3 h 40", dates "20/11/2026", rule traces) are worded
// here, through reports/format.h and TraceWording, because the statement is built for a language.
// Field names are the keys of templates/layouts/statement.schema.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract_records.h"
#include "model/money.h"
#include "model/provider.h"
#include "model/terms.h"
#include "reports/format.h"
#include "reports/trace_text.h"
#include "rules/calendar.h"
#include "rules/contract_month.h"

namespace clause {

// A corrective statement (issue 10 "corrections are issued"): the month's data changed after its
// statement was issued, so a new statement with a new reference replaces it; both are kept.
struct StatementCorrection {
  std::string corrects;    // the reference of the statement it replaces, "RM-CTR-X-2026-11"
  Date corrects_issued{};  // that statement's date
  Money credit_before;     // the credits that statement granted
  Money credit_after;      // the credits the current data gives (this statement's)
};

// What a statement is made from. `figures` must be compute_contract_month(records, terms, clock, m)
// for the statement's month; `clock` is the contract's clock; `wording` is the same language.
struct StatementInput {
  const ProviderIdentity& provider;
  const ContractRecords& records;
  const TermsProfile& terms;
  const ContractMonthFigures& figures;
  const ContractClock& clock;
  const TraceWording& wording;
  Language language = Language::fr;
  Date issued{};          // the run date printed on the statement
  std::string reference;  // "REL-2026-11-K-2026-001", allocated by the job
  std::string logo;       // PNG/JPEG path (absolute, or relative to the template folder), "" for none
  const StatementCorrection* correction = nullptr;  // set for a corrective statement only
};

namespace statement {

// Statement identity and the local month (T1: 745 h in October 2026).
struct Identity {
  std::string reference;
  Date issued{};
  std::string issued_text, period_label, period_of;
  Date period_from{}, period_to{};  // the days of the month the contract was in service
  std::string period_from_text, period_to_text;
  long long period_hours = 0;
  std::string time_zone;
};

// What a corrective statement replaces; `difference` is after - before (B4: up gives a further
// credit note, down takes nothing back).
struct Correction {
  std::string corrects, corrects_issued_text;
  Money credit_before, credit_after, difference;
};

// R4: the month of continuity after the end of service, worded dates.
struct Continuity {
  std::string first_text, last_text, services_until_text;
};

struct Provider {
  std::string name, legal_form, capital_text, address, siren, rcs, vat_number, email, phone, logo;
};

struct Client {
  std::string name, account, address, siren, vat_number;
};

struct Contract {
  std::string reference;
  Date start{};
  std::string terms, terms_title;
  bool has_credit_table = false, has_ha = false, has_backup_option = false, has_gtr = false;
  std::string gtr_text, year_from_text, year_to_text;
};

struct ServiceLine {
  std::string hostname, label;
  ServiceKind kind = ServiceKind::server;
  std::optional<Money> monthly_fee;  // none when no fee is in force
};

// An incident of the month (S1-S4, S6, S8); datetimes in the layout's local machine form.
struct IncidentLine {
  std::string reference, server, service, contacted;
  bool in_ho = false;
  std::string gti_deadline, started;
  bool gti_met = false;
  std::string gti_lateness, gti_tier, restored;
  bool blocking = false;
  IncidentCause cause = IncidentCause::unknown;
  bool excluded = false, root_access = false;
  Money credit;
};

// A GTR measure (S3, S4).
struct GtrLine {
  std::string reference, server, started, restored;
  bool measured = false;
  std::string elapsed_text, restoration_text, backup_restore_text, base_text, lateness_text, tier;
};

struct AvailabilityDay {
  std::string day, availability;
};

// An HA service's month (S5), with its daily chart; credit fields empty without a credit table.
struct AvailabilityLine {
  std::string service, server, availability, unavailable_minutes, unavailable_text, outage_count;
  bool has_outages = false;
  std::string credit_rate;
  std::optional<Money> credit;
  std::string chart_y_min;
  std::vector<AvailabilityDay> days;
};

enum class Guarantee { gti, gtr, ha, cap };

struct ExplanationStep {
  std::string rule, text;
};

// A credit line (S2, S4, S5, S7); the S7 cut is a line of its own with a negative amount.
struct CreditLine {
  std::string service;
  Guarantee guarantee = Guarantee::gti;
  std::string incident;
  Money monthly_fee;
  std::string rate;
  Money amount;
  bool capped = false;
  std::vector<ExplanationStep> explanation;
};

// The credits of one service before and after its S7 cap.
struct CreditTotal {
  std::string service;
  Money subtotal, cap, total;
  bool capped = false;
};

// An intervention of the month (I1-I3).
struct InterventionLine {
  std::string reference, server;
  InterventionKind kind = InterventionKind::emergency;
  std::string start, length_text, rank;
  bool in_allowance = false;
  std::string excess_text;
  bool excess_quoted = false, excess_not_billed = false;
  std::string quote;
  Money amount;
  std::string explanation;
};

// The emergency allowance of a server's contract year (I1).
struct AllowanceLine {
  std::string server;
  Date year_from{}, year_to{};
  long long used = 0, allowance = 0, billable = 0;
};

// Key figures; advice durations worded (I4). The totals are the rules' figures, in cents: the
// tables' total rows print them (issue 11 "money is summed once").
struct Figures {
  long long incident_count = 0, gti_met_count = 0, gti_late_count = 0, gtr_late_count = 0;
  long long ticket_count = 0, ticket_on_time = 0;
  std::string ticket_ack_rate, advice_granted, advice_used, advice_balance;
  bool advice_negative = false;
  Money credit_total, interventions_total;
  std::string credit_total_text, interventions_total_text;
};

// K1: one server's daily compliance and restore points.
struct BackupLine {
  std::string server;
  long long days_checked = 0, complete_days = 0, missing_days = 0;
  std::string missing_dates_text;
  long long restore_points = 0;
  std::string last_success;
};

struct IncompleteDay {
  std::string server;
  Date day{};
  std::vector<BackupScope> missing;
};

// K2: a backup of the month's history.
struct BackupHistoryLine {
  std::string server, start;
  BackupKind kind = BackupKind::full;
  BackupScope scope = BackupScope::full;
  BackupStatus status = BackupStatus::success;
  std::string size_text, location;
};

// S6: a root-access period and the incidents whose guarantees it suspended.
struct RootAccessLine {
  std::string server, start, end, suspended;
};

}  // namespace statement

// One statement, every section; an empty list is a section without content (its has_* flag is
// false in the template data). S10: without a credit table, credits and credit_totals are empty.
struct StatementDocument {
  statement::Identity identity;
  std::optional<statement::Correction> correction;
  std::optional<statement::Continuity> continuity;
  statement::Provider provider;
  statement::Client client;
  statement::Contract contract;
  std::vector<statement::ServiceLine> services;
  std::vector<statement::IncidentLine> incidents;  // by contact time
  std::vector<statement::GtrLine> gtr;
  std::vector<statement::AvailabilityLine> availability;
  std::vector<statement::CreditLine> credits;
  std::vector<statement::CreditTotal> credit_totals;
  std::vector<statement::InterventionLine> interventions;
  std::vector<statement::AllowanceLine> allowances;
  statement::Figures figures;
  std::vector<statement::BackupLine> backups;
  std::vector<statement::IncompleteDay> incomplete_days;
  std::vector<statement::BackupHistoryLine> backup_history;
  std::vector<statement::RootAccessLine> root_access;
  bool suspends_guarantees = false;  // S6 per the terms
};

// The statement of `input`'s month: pure (no I/O, no clock), reads input.records only.
StatementDocument build_statement(const StatementInput& input);

}  // namespace clause
