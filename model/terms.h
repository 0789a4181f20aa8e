// A terms profile: every parameter of RULES.md as data. Loaded from config/terms/NAME.toml by
// settings/terms_loader; a provider copies a profile, changes a value and points a contract at it.
// Percentages of availability are in parts per million (99.9 % = 999000) so tiers compare exactly.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/backup.h"
#include "model/contract.h"
#include "model/money.h"

namespace clause {

// "lateness >= at_least earns percent of the monthly fee" (S2, S4); tiers sorted by at_least.
struct LatenessTier {
  std::chrono::minutes at_least{0};
  int percent = 0;
  friend bool operator==(const LatenessTier&, const LatenessTier&) = default;
};

// "availability >= min_ppm (or > when !inclusive) earns percent" (S5); tiers sorted best first.
struct AvailabilityTier {
  long min_ppm = 0;
  bool inclusive = true;
  int percent = 0;
  friend bool operator==(const AvailabilityTier&, const AvailabilityTier&) = default;
};

enum class DayCount { calendar, ouvres, ouvrables, francs };
template <>
struct EnumWords<DayCount> {
  static constexpr std::array words{std::pair{DayCount::calendar, std::string_view{"calendar"}},
                                    std::pair{DayCount::ouvres, std::string_view{"ouvres"}},
                                    std::pair{DayCount::ouvrables, std::string_view{"ouvrables"}},
                                    std::pair{DayCount::francs, std::string_view{"francs"}}};
};

// A delay written in the contract: "7 jours ouvrables", "32 jours francs", "10 days".
struct Delay {
  int days = 0;
  DayCount count = DayCount::calendar;
  friend bool operator==(const Delay&, const Delay&) = default;
};

struct BusinessHours {                 // T2
  std::chrono::minutes opens{9 * 60};  // local time of day
  std::chrono::minutes closes{18 * 60};
  std::vector<unsigned> weekdays{1, 2, 3, 4, 5};  // ISO: Monday = 1 .. Sunday = 7
  friend bool operator==(const BusinessHours&, const BusinessHours&) = default;
};

struct ServiceLevelTerms {               // S1-S10
  bool credits = true;                   // S10: false for profiles without a credit table
  std::chrono::minutes gti_in_ho{60};    // business minutes when contacted in HO
  std::chrono::minutes gti_in_hno{180};  // elapsed minutes when contacted in HNO
  std::vector<LatenessTier> gti_tiers;
  bool gtr_requires_blocking = true;  // S3
  bool gtr_requires_server_cause = true;
  bool gtr_requires_backup_option = true;
  std::vector<LatenessTier> gtr_tiers;
  std::vector<AvailabilityTier> availability_tiers;  // best first; no tier reached = 0 %
  int cap_percent_of_fee = 100;                      // S7
  bool root_access_suspends = true;                  // S6 (D Art. 6)
  std::chrono::minutes support_ack{60};              // S9, business minutes
  friend bool operator==(const ServiceLevelTerms&, const ServiceLevelTerms&) = default;
};

struct InterventionTerms {  // I1-I4
  int emergencies_per_server_year = 4;
  Money hourly_rate = Money::from_cents(12900);
  std::chrono::minutes billing_step{15};
  std::chrono::minutes max_length{120};
  std::chrono::minutes advice_per_server_month{30};
  friend bool operator==(const InterventionTerms&, const InterventionTerms&) = default;
};

struct BillingTerms {  // B1-B9
  BillingPeriod default_period = BillingPeriod::monthly;
  std::vector<BillingPeriod> allowed_periods;
  bool periods_from_contract_start = false;  // D: annual from the start date; K: calendar periods
  bool prorate_first_period = true;          // B2
  bool revision = true;                      // B3
  std::string revision_index = "SYNTEC";
  Milli revision_base_index{268500};
  int vat_rate_basis_points = 2000;  // 20 %
  int payment_days = 30;             // due date = issue date + payment_days
  std::string late_penalty = "3 fois le taux d'intérêt légal";
  Money recovery_indemnity = Money::from_cents(4000);
  bool mail_quota = false;  // B5
  int mail_quota_gb = 25;
  int mail_step_gb = 5;
  int mail_cap_gb = 35;
  Money mail_step_price = Money::from_cents(1000);
  int mail_grace_days = 30;
  Delay unpaid_suspension{15, DayCount::calendar};  // B9
  std::string unpaid_consequences;                  // B9 wording, shown on the unpaid list
  friend bool operator==(const BillingTerms&, const BillingTerms&) = default;
};

struct TermTerms {  // N1-N3
  int initial_months = 12;
  bool tacit_renewal = true;
  Delay termination_notice{32, DayCount::francs};
  int price_change_notice_months = 1;
  std::vector<Delay> breach_cure;  // K: 7 and 10 days; D: 7 jours ouvrables
  int force_majeure_termination_days = 30;
  friend bool operator==(const TermTerms&, const TermTerms&) = default;
};

struct BackupTerms {                      // K1-K2
  bool daily_required = false;            // K1 (dag)
  std::chrono::minutes window_opens{60};  // local time of day
  std::chrono::minutes window_closes{360};
  std::vector<BackupScope> required_scopes;
  int retention_days = 7;
  bool offsite_required = true;
  friend bool operator==(const BackupTerms&, const BackupTerms&) = default;
};

struct PersonalDataTerms {  // G1-G4
  int inactivity_months = 24;
  int reminder_days = 30;
  int legal_retention_years = 10;
  friend bool operator==(const PersonalDataTerms&, const PersonalDataTerms&) = default;
};

struct ReversibilityTerms {  // R1-R5
  int notice_months = 3;
  Delay delivery{10, DayCount::ouvres};
  int continuity_max_days = 90;
  friend bool operator==(const ReversibilityTerms&, const ReversibilityTerms&) = default;
};

struct TermsProfile {
  std::string name;   // file stem: "kalanda-hds"
  std::string title;  // shown on documents
  BusinessHours business_hours;
  ServiceLevelTerms service_levels;
  InterventionTerms interventions;
  BillingTerms billing;
  TermTerms term;
  BackupTerms backups;
  PersonalDataTerms personal_data;
  ReversibilityTerms reversibility;
  friend bool operator==(const TermsProfile&, const TermsProfile&) = default;
};

}  // namespace clause
