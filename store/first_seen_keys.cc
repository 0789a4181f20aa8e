// Packed first-seen lines of an import file's keys (store/first_seen_keys.h).
#include "store/first_seen_keys.h"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace clause {
namespace {

constexpr std::uint64_t kAtBits = 40;  // text_ up to 1 TiB
constexpr std::uint64_t kAtMask = (std::uint64_t{1} << kAtBits) - 1;

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }
std::uint64_t tag_of(std::uint64_t hash) { return hash >> kAtBits << kAtBits; }  // the hash's high 24 bits

}  // namespace

std::string_view FirstSeenKeys::key_at(std::uint64_t at) const {
  std::uint32_t length = 0;
  std::memcpy(&length, text_.data() + at, sizeof length);
  return {text_.data() + at + sizeof length, length};
}

std::size_t FirstSeenKeys::find(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.at_and_hash == kEmpty) return i;
    if ((s.at_and_hash & ~kAtMask) == tag_of(hash) && key_at(s.at_and_hash & kAtMask) == key) return i;
  }
}

void FirstSeenKeys::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  for (const Slot& s : old) {
    if (s.at_and_hash == kEmpty) continue;
    const std::uint64_t hash = hash_of(key_at(s.at_and_hash & kAtMask));
    slots_[find(key_at(s.at_and_hash & kAtMask), hash)] = s;
  }
}

std::optional<std::size_t> FirstSeenKeys::seen(std::string_view key, std::size_t line) {
  // At most 80 % full: linear probing stays short.
  if (5 * (used_ + 1) > 4 * slots_.size()) grow();
  const std::uint64_t hash = hash_of(key);
  Slot& slot = slots_[find(key, hash)];
  if (slot.at_and_hash != kEmpty) return slot.line;
  if (key.size() > UINT32_MAX || text_.size() + sizeof(std::uint32_t) + key.size() > kAtMask)
    throw std::length_error("import keys longer than the key index holds");
  const std::uint64_t at = text_.size();
  const auto length = static_cast<std::uint32_t>(key.size());
  text_.append(reinterpret_cast<const char*>(&length), sizeof length);
  text_.append(key);
  slot = {at | tag_of(hash), line};
  ++used_;
  return std::nullopt;
}

}  // namespace clause
