// The explanation every rule result carries: the figures and the rule ids that produced it, e.g.
//   S1 contacted Fri 20 Nov 17:30 (HO) -> GTI deadline Mon 23 Nov 09:30
//   S2 started 13:10, 3 h 40 late -> 25 % of 1 250,00 EUR -> 312,50 EUR
// Structured, not prose: reports/ words it per language (statement, XLSX, `clause explain`).
#pragma once

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "model/decimal.h"
#include "model/money.h"
#include "model/time.h"

namespace clause {

struct Percent {
  int value = 0;
  friend bool operator==(Percent, Percent) = default;
};  // 25 -> 25 %
struct Ppm {
  long value = 0;
  friend bool operator==(Ppm, Ppm) = default;
};  // availability
// A percentage as the rule that decided it wants it printed (F1): scaled / 10^decimals percent,
// e.g. {9990046, 4} -> "99,9004 %", {667, 1} -> "66,7 %". Unknown (no ticket at all): "—".
struct ShownPercent {
  long long scaled = 0;
  int decimals = 0;
  bool known = true;
  friend bool operator==(const ShownPercent&, const ShownPercent&) = default;
};
// Durations: minutes where the contract counts minutes (advice, intervention length), seconds
// where a tier is decided (lateness, restoration, unavailability), so that 43:12 is not "0 h 43".
using FigureValue = std::variant<std::string, long long, Money, Instant, Date, std::chrono::minutes,
                                 std::chrono::seconds, Percent, Ppm, ShownPercent, Milli, bool>;

// One named figure: {"deadline", Instant}, {"lateness", minutes}, {"tier", Percent}.
struct Figure {
  std::string name;
  FigureValue value;
  friend bool operator==(const Figure&, const Figure&) = default;
};

// One step of reasoning: which rule, what it established (a stable machine key that templates
// translate, e.g. "gti_deadline_ho"), and the figures it used or produced.
struct TraceStep {
  std::string rule;  // "S1", "S7", ...
  std::string key;   // "gti_deadline_ho", "cap_not_reached", ...
  std::vector<Figure> figures;
  friend bool operator==(const TraceStep&, const TraceStep&) = default;
};

struct Trace {
  std::vector<TraceStep> steps;
  void add(std::string rule, std::string key, std::vector<Figure> figures = {}) {
    steps.push_back({std::move(rule), std::move(key), std::move(figures)});
  }
  friend bool operator==(const Trace&, const Trace&) = default;
};

}  // namespace clause
