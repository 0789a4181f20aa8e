// The hand-built profiles of terms_fixture.h must hold the figures of the shipped TOML files,
// otherwise the rule tests would check figures no contract uses.
#include "tests/rules/terms_fixture.h"

#include <gtest/gtest.h>

#include "settings/terms_loader.h"

namespace clause {
namespace {

TEST(TermsFixture, KalandaMirrorsConfigTermsKalandaHds) {
  const auto loaded = load_terms_profile(CLAUSE_SOURCE_DIR "/config/terms/kalanda-hds.toml");
  const auto fixture = testing::kalanda_terms();
  EXPECT_EQ(loaded.service_levels, fixture.service_levels);
  EXPECT_EQ(loaded.interventions, fixture.interventions);
  EXPECT_EQ(loaded.business_hours, fixture.business_hours);
}

TEST(TermsFixture, DagMirrorsConfigTermsDag) {
  const auto loaded = load_terms_profile(CLAUSE_SOURCE_DIR "/config/terms/dag.toml");
  const auto fixture = testing::dag_terms();
  EXPECT_EQ(loaded.service_levels, fixture.service_levels);
  EXPECT_EQ(loaded.interventions, fixture.interventions);
  EXPECT_EQ(loaded.business_hours, fixture.business_hours);
}

}  // namespace
}  // namespace clause
