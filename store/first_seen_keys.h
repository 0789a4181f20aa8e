// The natural keys of one import file with the line each was first seen on (duplicates are
// refused with that line), packed so that a 10,000-client backups.csv (830,000 ids) costs ~35 MB
// instead of the ~90 MB of an unordered_map of strings (issue 16: the import's peak RSS flat).
// The keys are kept whole in one buffer and compared exactly: a hash only narrows the search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clause {

class FirstSeenKeys {
 public:
  // The line `key` was first seen on; nothing when it is new, and then it is remembered at `line`.
  std::optional<std::size_t> seen(std::string_view key, std::size_t line);
  // Keys remembered.
  std::size_t size() const { return used_; }

 private:
  // One remembered key: where it is in text_ (low 40 bits) and 24 bits of its hash (high bits).
  struct Slot {
    std::uint64_t at_and_hash = kEmpty;
    std::uint64_t line = 0;
  };
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::string_view key_at(std::uint64_t at) const;
  void grow();
  std::size_t find(std::string_view key, std::uint64_t hash) const;  // its slot or the empty one to fill

  std::string text_;         // each key as a 4-byte length then its bytes
  std::vector<Slot> slots_;  // open addressing, linear probing, a power of two
  std::size_t used_ = 0;
};

}  // namespace clause
