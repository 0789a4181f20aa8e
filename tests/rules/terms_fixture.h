// Terms profiles built by hand with the values of config/terms/kalanda-hds.toml and dag.toml
// (RULES.md S, I), for the rule tests; terms_fixture_test.cc checks they still mirror the files. Kept here so that a
// rule test reads its figures from a profile, as production code does, never from a literal in the rule.
#pragma once

#include "model/terms.h"
#include "rules/calendar.h"

namespace clause::testing {

inline TermsProfile kalanda_terms() {
  using std::chrono::minutes;
  TermsProfile p;
  p.name = "kalanda-hds";
  p.title = "KALANDA";
  auto& s = p.service_levels;
  s.credits = true;
  s.gti_in_ho = minutes{60};
  s.gti_in_hno = minutes{180};
  s.gti_tiers = {{minutes{60}, 10}, {minutes{180}, 25}, {minutes{240}, 50}, {minutes{480}, 100}};
  s.gtr_tiers = {{minutes{240}, 10}, {minutes{480}, 25}, {minutes{960}, 50}, {minutes{1440}, 100}};
  // > 99.9 %: none; [99.5, 99.9]: 5; [99, 99.5): 10; [97, 99): 25; [90, 97): 50; < 90: 75.
  s.availability_tiers = {{999000, false, 0}, {995000, true, 5},  {990000, true, 10},
                          {970000, true, 25}, {900000, true, 50}, {0, true, 75}};
  s.cap_percent_of_fee = 100;
  s.root_access_suspends = false;  // a D clause (Art. 6); K has none
  s.support_ack = minutes{60};
  auto& i = p.interventions;
  i.emergencies_per_server_year = 4;
  i.hourly_rate = Money::from_cents(12900);
  i.billing_step = minutes{15};
  i.max_length = minutes{120};
  i.advice_per_server_month = minutes{30};
  return p;
}

// D states no credit table (S10): same measures, no credit lines.
inline TermsProfile dag_terms() {
  TermsProfile p = kalanda_terms();
  p.name = "dag";
  p.title = "DAG Technologies";
  p.service_levels.credits = false;
  p.service_levels.gti_tiers.clear();
  p.service_levels.gtr_tiers.clear();
  p.service_levels.availability_tiers.clear();
  p.service_levels.gtr_requires_backup_option = false;
  p.service_levels.root_access_suspends = true;  // D Art. 6
  p.interventions.advice_per_server_month = std::chrono::minutes{0};
  return p;
}

inline TimeZoneRule paris() { return {"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"}; }

inline ContractClock paris_clock(HolidayZone zone = HolidayZone::metropole) {
  return ContractClock(paris(), zone, kalanda_terms().business_hours);
}

// "2026-11-20T17:30:00+01:00" -> Instant; aborts the test binary on a typo.
inline Instant at(const char* iso) {
  auto t = parse_instant(iso);
  if (!t) throw std::invalid_argument(std::string("bad instant in test: ") + iso);
  return *t;
}

inline Date day(const char* iso) {
  auto d = parse_date(iso);
  if (!d) throw std::invalid_argument(std::string("bad date in test: ") + iso);
  return *d;
}

}  // namespace clause::testing
