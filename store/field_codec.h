// How one model field travels: from its CSV text (the import format of docs/import.md), to its
// database text and back. Every database value is bound and read as text (or NULL), which both
// SQLite (column affinity) and PostgreSQL (typed parameters) convert exactly; so one codec per
// C++ type serves both dialects, and the SOCI type-mapping gotchas never arise.
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/decimal.h"
#include "model/enum_text.h"
#include "model/money.h"
#include "model/time.h"

namespace clause {

// A database value as text; nothing for SQL NULL.
using Cell = std::optional<std::string>;

template <typename E>
concept WordEnum = std::is_enum_v<E> && requires {
  EnumWords<E>::words;
};

// "\"2026-13-01\"": a value quoted in an error message.
inline std::string quote_value(std::string_view s) { return "\"" + std::string{s} + "\""; }

// The years an imported date, month or instant may name: wide enough for any contract, narrow
// enough that every year is four digits (the schema's 'YYYY-MM-DD' CHECKs) and within the
// calendar's tables. A year outside is refused at parse time ("is outside the years 1900-2199").
inline constexpr int min_import_year = 1900;
inline constexpr int max_import_year = 2199;

inline std::optional<std::string> year_outside(std::string_view s, int year) {
  if (year >= min_import_year && year <= max_import_year) return std::nullopt;
  return quote_value(s) + " is outside the years " + std::to_string(min_import_year) + "-" +
         std::to_string(max_import_year);
}

template <typename T>
std::optional<T> parse_integer(std::string_view s) {
  T v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// FieldCodec<M>: parse (CSV text -> value, or the reason it is not one), store (value -> cell),
// load (cell -> value, false when the stored text is not one). Specialised per field type.
template <typename M>
struct FieldCodec;

template <>
struct FieldCodec<std::string> {
  static std::optional<std::string> parse(std::string_view s, std::string& out) {
    out = s;
    return std::nullopt;
  }
  static Cell store(const std::string& v) { return v; }
  static bool load(const Cell& c, std::string& out) {
    out = c.value_or("");
    return true;
  }
};

template <>
struct FieldCodec<bool> {
  static std::optional<std::string> parse(std::string_view s, bool& out) {
    if (s == "true")
      out = true;
    else if (s == "false")
      out = false;
    else
      return quote_value(s) + " is not true or false";
    return std::nullopt;
  }
  static Cell store(bool v) { return v ? "1" : "0"; }
  static bool load(const Cell& c, bool& out) {
    if (!c || (*c != "0" && *c != "1")) return false;
    out = *c == "1";
    return true;
  }
};

template <std::integral I>
requires(!std::same_as<I, bool>) struct FieldCodec<I> {
  static std::optional<std::string> parse(std::string_view s, I& out) {
    auto v = parse_integer<I>(s);
    if (!v) return quote_value(s) + " is not an integer";
    out = *v;
    return std::nullopt;
  }
  static Cell store(I v) { return std::to_string(v); }
  static bool load(const Cell& c, I& out) {
    auto v = c ? parse_integer<I>(*c) : std::nullopt;
    if (v) out = *v;
    return v.has_value();
  }
};

// Minutes travel as an integer count (incidents.backup_restore_minutes).
template <>
struct FieldCodec<minutes> {
  static std::optional<std::string> parse(std::string_view s, minutes& out) {
    auto v = parse_integer<long>(s);
    if (!v) return quote_value(s) + " is not a whole number of minutes";
    out = minutes{*v};
    return std::nullopt;
  }
  static Cell store(minutes v) { return std::to_string(v.count()); }
  static bool load(const Cell& c, minutes& out) {
    auto v = c ? parse_integer<long>(*c) : std::nullopt;
    if (v) out = minutes{*v};
    return v.has_value();
  }
};

// Instants: any ISO 8601 offset in CSV; UTC "YYYY-MM-DDTHH:MM:SSZ" in the database (T1).
template <>
struct FieldCodec<Instant> {
  static std::optional<std::string> parse(std::string_view s, Instant& out) {
    auto v = parse_instant(s);
    if (!v) return quote_value(s) + " is not an ISO 8601 instant with offset";
    if (auto outside = year_outside(s, int(parse_date(s.substr(0, 10))->year()))) return outside;
    out = *v;
    return std::nullopt;
  }
  static Cell store(Instant v) { return format_instant_utc(v); }
  static bool load(const Cell& c, Instant& out) {
    auto v = c ? parse_instant(*c) : std::nullopt;
    if (v) out = *v;
    return v.has_value();
  }
};

template <>
struct FieldCodec<Date> {
  static std::optional<std::string> parse(std::string_view s, Date& out) {
    auto v = parse_date(s);
    if (!v) return quote_value(s) + " is not a date YYYY-MM-DD";
    if (auto outside = year_outside(s, int(v->year()))) return outside;
    out = *v;
    return std::nullopt;
  }
  static Cell store(Date v) { return format_date(v); }
  static bool load(const Cell& c, Date& out) {
    auto v = c ? parse_date(*c) : std::nullopt;
    if (v) out = *v;
    return v.has_value();
  }
};

template <>
struct FieldCodec<YearMonth> {
  static std::optional<std::string> parse(std::string_view s, YearMonth& out) {
    auto v = parse_year_month(s);
    if (!v) return quote_value(s) + " is not a month YYYY-MM";
    if (auto outside = year_outside(s, v->year)) return outside;
    out = *v;
    return std::nullopt;
  }
  static Cell store(YearMonth v) { return format_year_month(v); }
  static bool load(const Cell& c, YearMonth& out) {
    auto v = c ? parse_year_month(*c) : std::nullopt;
    if (v) out = *v;
    return v.has_value();
  }
};

// Money: "1234.56" in CSV, integer cents in the database (B6).
template <>
struct FieldCodec<Money> {
  static std::optional<std::string> parse(std::string_view s, Money& out) {
    auto v = parse_money(s);
    if (!v) return quote_value(s) + " is not an amount like 1234.56";
    out = *v;
    return std::nullopt;
  }
  static Cell store(Money v) { return std::to_string(v.cents); }
  static bool load(const Cell& c, Money& out) {
    auto v = c ? parse_integer<std::int64_t>(*c) : std::nullopt;
    if (v) out = Money::from_cents(*v);
    return v.has_value();
  }
};

// Milli: "268.5" in CSV, integer thousandths in the database.
template <>
struct FieldCodec<Milli> {
  static std::optional<std::string> parse(std::string_view s, Milli& out) {
    auto v = parse_milli(s);
    if (!v) return quote_value(s) + " is not a decimal number with at most 3 decimals";
    out = *v;
    return std::nullopt;
  }
  static Cell store(Milli v) { return std::to_string(v.thousandths); }
  static bool load(const Cell& c, Milli& out) {
    auto v = c ? parse_integer<std::int64_t>(*c) : std::nullopt;
    if (v) out = Milli{*v};
    return v.has_value();
  }
};

template <WordEnum E>
struct FieldCodec<E> {
  static std::optional<std::string> parse(std::string_view s, E& out) {
    auto v = from_word<E>(s);
    if (!v) return quote_value(s) + " is not one of " + accepted_words<E>();
    out = *v;
    return std::nullopt;
  }
  static Cell store(E v) { return std::string{to_word(v)}; }
  static bool load(const Cell& c, E& out) {
    auto v = c ? from_word<E>(*c) : std::nullopt;
    if (v) out = *v;
    return v.has_value();
  }
};

// Optional fields: an empty CSV field or a NULL cell is "nothing".
template <typename M>
struct FieldCodec<std::optional<M>> {
  static std::optional<std::string> parse(std::string_view s, std::optional<M>& out) {
    if (s.empty()) {
      out.reset();
      return std::nullopt;
    }
    M v{};
    if (auto error = FieldCodec<M>::parse(s, v)) return error;
    out = std::move(v);
    return std::nullopt;
  }
  static Cell store(const std::optional<M>& v) { return v ? FieldCodec<M>::store(*v) : Cell{}; }
  static bool load(const Cell& c, std::optional<M>& out) {
    if (!c) {
      out.reset();
      return true;
    }
    M v{};
    if (!FieldCodec<M>::load(c, v)) return false;
    out = std::move(v);
    return true;
  }
};

template <typename M>
inline constexpr bool is_optional_v = false;
template <typename M>
inline constexpr bool is_optional_v<std::optional<M>> = true;

// A stored cell read back as M; a value the codec refuses means the database was changed behind
// Clause's back, so it throws std::runtime_error naming the column and the value.
template <typename M>
M decode_cell(const Cell& cell, const char* column) {
  M value{};
  if (!FieldCodec<M>::load(cell, value))
    throw std::runtime_error(std::string{"stored "} + column + " " + quote_value(cell.value_or("NULL")) +
                             " is not valid");
  return value;
}

}  // namespace clause
