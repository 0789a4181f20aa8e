// The billing, term, backup, personal-data and reversibility parts of the kalanda-hds (K) and dag (D)
// profiles, with the values of RULES.md B, N, K, G, R, for the rule tests of those families.
#pragma once

#include "model/terms.h"

namespace clause::testing {

inline TermsProfile kalanda_contract_terms() {
  TermsProfile p;
  p.name = "kalanda-hds";
  auto& b = p.billing;  // K Art. 8
  b.default_period = BillingPeriod::monthly;
  b.allowed_periods = {BillingPeriod::monthly, BillingPeriod::quarterly};
  b.periods_from_contract_start = false;
  b.prorate_first_period = true;
  b.revision = true;
  b.revision_index = "SYNTEC";
  b.revision_base_index = Milli{268500};
  b.mail_quota = false;
  b.unpaid_suspension = {15, DayCount::calendar};
  b.unpaid_consequences = "exigibilité immédiate, interventions suspendues, résiliation 15 jours après mise en demeure";
  auto& t = p.term;  // K Art. 9, 15
  t.breach_cure = {{7, DayCount::calendar}, {10, DayCount::calendar}};
  t.force_majeure_termination_days = 30;
  p.backups.daily_required = false;
  p.personal_data = {24, 30, 10};                     // K Annex 2
  p.reversibility = {3, {10, DayCount::ouvres}, 90};  // K Art. 16
  return p;
}

inline TermsProfile dag_contract_terms() {
  TermsProfile p;
  p.name = "dag";
  auto& b = p.billing;  // D Art. 8, 6.1
  b.default_period = BillingPeriod::annual;
  b.allowed_periods = {BillingPeriod::annual};
  b.periods_from_contract_start = true;
  b.prorate_first_period = false;
  b.revision = false;
  b.mail_quota = true;
  b.mail_quota_gb = 25;
  b.mail_step_gb = 5;
  b.mail_cap_gb = 35;
  b.mail_step_price = Money::from_cents(1000);
  b.mail_grace_days = 30;
  b.unpaid_suspension = {15, DayCount::calendar};
  b.unpaid_consequences = "pas de renouvellement, suspension définitive 15 jours après la date anniversaire";
  auto& t = p.term;  // D Art. 7
  t.initial_months = 12;
  t.termination_notice = {32, DayCount::francs};
  t.price_change_notice_months = 1;
  t.breach_cure = {{7, DayCount::ouvrables}};
  t.force_majeure_termination_days = 30;
  auto& k = p.backups;  // D Art. 4
  k.daily_required = true;
  k.window_opens = std::chrono::minutes{60};
  k.window_closes = std::chrono::minutes{360};
  k.required_scopes = {BackupScope::system, BackupScope::files, BackupScope::databases};
  k.retention_days = 7;
  k.offsite_required = true;
  return p;
}

}  // namespace clause::testing
