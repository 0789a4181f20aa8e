#include "samples/generator/seeded_random.h"

#include <limits>

namespace clause {

std::int64_t SeededRandom::between(std::int64_t low, std::int64_t high) {
  const std::uint64_t span = std::uint64_t(high) - std::uint64_t(low) + 1;  // 0 means all 2^64 values
  if (span == 0) return std::int64_t(bits());
  // Reject the top partial block so that every value in the span is equally likely.
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % span;
  std::uint64_t draw;
  do draw = bits();
  while (draw >= limit);
  return std::int64_t(std::uint64_t(low) + draw % span);
}

}  // namespace clause
