// Tier lookup and percentage arithmetic shared by S2, S4, S5 and S7.
#include "rules/lateness_tier.h"

namespace clause {

Percent lateness_tier_percent(seconds lateness, const std::vector<LatenessTier>& tiers) {
  // Tiers need not be sorted in the profile: the best reached threshold wins.
  Percent best{0};
  minutes best_threshold{-1};
  for (const auto& tier : tiers)
    if (lateness >= tier.at_least && tier.at_least > best_threshold) {
      best = Percent{tier.percent};
      best_threshold = tier.at_least;
    }
  return best;
}

Money percent_of(Money fee, Percent percent) { return scale_rounded(fee, percent.value, 100); }

}  // namespace clause
