// Enumerations travel as lower-case words in CSV, SQL and TOML ("server", "force_majeure").
// Each enum lists its words once, in its own header, through EnumWords; these two functions
// are the only conversion, so a word can never be spelled two ways.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace clause {

template <typename E>
struct EnumWords;  // specialised next to each enum: static constexpr std::array words{pair...}

template <typename E>
constexpr std::string_view to_word(E value) {
  for (const auto& [v, w] : EnumWords<E>::words)
    if (v == value) return w;
  return "?";
}

template <typename E>
constexpr std::optional<E> from_word(std::string_view word) {
  for (const auto& [v, w] : EnumWords<E>::words)
    if (w == word) return v;
  return std::nullopt;
}

// "a, b, c": the accepted words, for error messages.
template <typename E>
std::string accepted_words() {
  std::string out;
  for (const auto& [v, w] : EnumWords<E>::words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

}  // namespace clause
