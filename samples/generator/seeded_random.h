// A reproducible source of random choices for the data generator. std::mt19937_64's output is
// fixed by the C++ standard, but std::uniform_int_distribution and friends are not (each library
// may draw differently), so the draws below are written here: the same seed gives the same data
// set on every compiler.
#pragma once

#include <cstdint>
#include <random>

namespace clause {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}

  // 64 uniformly random bits.
  std::uint64_t bits() { return engine_(); }
  // A uniform integer in [low, high] (inclusive, low <= high), without modulo bias.
  std::int64_t between(std::int64_t low, std::int64_t high);
  // True with probability percent / 100.
  bool percent(int percent) { return between(0, 99) < percent; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace clause
