// RULES S6 (K Art. 5, 7; D Art. 5, 6).
#include "rules/exclusions.h"

#include <gtest/gtest.h>

#include "tests/rules/terms_fixture.h"

namespace clause {
namespace {

using namespace clause::testing;

Incident contacted_at(const char* when, IncidentCause cause = IncidentCause::server) {
  Incident i;
  i.id = "INC-1";
  i.service_id = "SRV-1";
  i.contacted = at(when);
  i.cause = cause;
  return i;
}

TEST(Exclusions, S6ExternalCausesEarnNoCredit) {
  const auto terms = kalanda_terms().service_levels;
  EXPECT_EQ(incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00", IncidentCause::client), {}, terms).reason,
            "cause_client");
  EXPECT_EQ(incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00", IncidentCause::third_party), {}, terms).reason,
            "cause_third_party");
  EXPECT_EQ(
      incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00", IncidentCause::force_majeure), {}, terms).reason,
      "cause_force_majeure");
  EXPECT_FALSE(
      incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00", IncidentCause::server), {}, terms).excluded);
  EXPECT_FALSE(
      incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00", IncidentCause::unknown), {}, terms).excluded);
}

// S6 (D Art. 6): root access on SRV-1 from 15 Nov 12:00 to 17 Nov 12:00 (end excluded).
TEST(Exclusions, S6RootAccessSuspendsTheGuarantees) {
  const auto terms = dag_terms().service_levels;
  const std::vector<RootAccessPeriod> root{
      {"RA-1", "C-1", "SRV-1", at("2026-11-15T12:00:00+01:00"), at("2026-11-17T12:00:00+01:00")}};
  const auto during = incident_exclusion(contacted_at("2026-11-16T10:00:00+01:00"), root, terms);
  EXPECT_TRUE(during.excluded);
  EXPECT_EQ(during.reason, "root_access");
  EXPECT_EQ(during.root_access_id, "RA-1");
  EXPECT_TRUE(incident_exclusion(contacted_at("2026-11-15T12:00:00+01:00"), root, terms).excluded);
  EXPECT_FALSE(incident_exclusion(contacted_at("2026-11-17T12:00:00+01:00"), root, terms).excluded);
  EXPECT_FALSE(incident_exclusion(contacted_at("2026-11-15T11:59:59+01:00"), root, terms).excluded);
  auto other = contacted_at("2026-11-16T10:00:00+01:00");
  other.service_id = "SRV-2";
  EXPECT_FALSE(incident_exclusion(other, root, terms).excluded);
}

TEST(Exclusions, S6OpenRootAccessAndProfilesThatDoNotSuspend) {
  const std::vector<RootAccessPeriod> open{{"RA-2", "C-1", "SRV-1", at("2026-01-01T00:00:00Z"), std::nullopt}};
  auto terms = dag_terms().service_levels;
  EXPECT_TRUE(incident_exclusion(contacted_at("2027-06-01T10:00:00+02:00"), open, terms).excluded);
  terms.root_access_suspends = false;
  const auto kept = incident_exclusion(contacted_at("2027-06-01T10:00:00+02:00"), open, terms);
  EXPECT_FALSE(kept.excluded);
  EXPECT_EQ(kept.trace.steps[0].key, "no_exclusion");
}

}  // namespace
}  // namespace clause
