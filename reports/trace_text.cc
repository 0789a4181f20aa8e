// Trace wording (reports/trace_text.h).
#include "reports/trace_text.h"

#include <cstdio>
#include <stdexcept>
#include <type_traits>

#include "model/decimal.h"
#include "model/whole_file.h"

namespace clause {
namespace {

std::string two_digits(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string clock_text(minutes time_of_day) {
  return two_digits(time_of_day.count() / 60) + ":" + two_digits(time_of_day.count() % 60);
}

// Milli in the language's decimal form: 268500 -> "268,5".
std::string milli_text(Milli v, Language lang) {
  std::string text = format_milli(v);
  if (lang == Language::fr)
    for (char& c : text)
      if (c == '.') c = ',';
  return text;
}

[[noreturn]] void fail(const std::string& origin, const std::string& reason) {
  throw std::runtime_error(origin + ": " + reason);
}

}  // namespace

TraceWording TraceWording::load(const std::filesystem::path& file, Language language) {
  auto text = read_whole_file(file);
  if (!text) fail(file.generic_string(), "cannot read the trace phrases");
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::exception& e) {
    fail(file.generic_string(), std::string("not valid JSON: ") + e.what());
  }
  return from_json(parsed, language, file.generic_string());
}

TraceWording TraceWording::from_json(const nlohmann::json& text, Language language, const std::string& origin) {
  TraceWording out;
  out.language_ = language;
  if (!text.is_object()) fail(origin, "expected an object with \"words\", \"values\" and \"phrases\"");
  for (const auto& [name, _] : text.items())
    if (name != "words" && name != "values" && name != "phrases") fail(origin, "unknown section \"" + name + "\"");

  const nlohmann::json words = text.value("words", nlohmann::json::object());
  const nlohmann::json weekdays = words.value("weekdays", nlohmann::json());
  if (!weekdays.is_array() || weekdays.size() != 7)
    fail(origin, "words.weekdays must list 7 weekday names, Monday first");
  for (const auto& day : weekdays) {
    if (!day.is_string()) fail(origin, "words.weekdays must hold text");
    out.weekdays_.push_back(day.get<std::string>());
  }
  auto word = [&](const char* name, std::string& into) {
    if (!words.contains(name)) return;
    if (!words[name].is_string()) fail(origin, std::string("words.") + name + " must be text");
    into = words[name].get<std::string>();
  };
  word("yes", out.yes_);
  word("no", out.no_);
  word("separator", out.separator_);

  if (text.contains("values")) {
    if (!text["values"].is_object()) fail(origin, "values must map a figure name to its words");
    for (const auto& [figure, table] : text["values"].items()) {
      if (!table.is_object()) fail(origin, "values." + figure + " must map a value to its words");
      for (const auto& [value, wording] : table.items()) {
        if (!wording.is_string()) fail(origin, "values." + figure + "." + value + " must be text");
        out.values_[figure][value] = wording.get<std::string>();
      }
    }
  }

  if (!text.contains("phrases") || !text["phrases"].is_object())
    fail(origin, "phrases must map a trace key to its phrase");
  for (const auto& [key, phrase] : text["phrases"].items()) {
    if (!phrase.is_string()) fail(origin, "phrases." + key + " must be text");
    const std::string p = phrase.get<std::string>();
    // An unbalanced brace would print half a placeholder: refuse it at load time.
    int depth = 0;
    for (char c : p) {
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (depth < 0 || depth > 1) fail(origin, "phrases." + key + ": unbalanced braces");
    }
    if (depth != 0) fail(origin, "phrases." + key + ": unbalanced braces");
    out.phrases_[key] = p;
  }
  return out;
}

bool TraceWording::has(std::string_view key) const { return phrases_.find(key) != phrases_.end(); }

std::vector<std::string> TraceWording::keys() const {
  std::vector<std::string> out;
  for (const auto& [key, _] : phrases_) out.push_back(key);
  return out;
}

std::string TraceWording::instant_text(Instant t, const ContractClock& clock) const {
  const LocalTime local = clock.to_local(t);
  const std::string day = weekdays_.empty() ? "" : weekdays_[(local.iso_weekday + 6) % 7] + " ";
  return day + format_date_text(local.date, language_) + " " + clock_text(local.time_of_day) +
         (clock.is_repeated_local_time(t) ? " " + format_utc_offset(local.utc_offset) : "");
}

std::string TraceWording::value_text(const Figure& figure, std::string_view modifier,
                                     const ContractClock& clock) const {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          auto table = values_.find(figure.name);
          if (table != values_.end()) {
            auto worded = table->second.find(v);
            if (worded != table->second.end()) return worded->second;
          }
          return v;
        } else if constexpr (std::is_same_v<T, long long>) {
          // {rate:bp}: a rate in basis points, 2000 -> "20 %", 550 -> "5,5 %".
          if (modifier == "bp")
            return format_percent(double(v) / 100.0, v % 100 == 0 ? 0 : v % 10 == 0 ? 1 : 2, language_);
          return format_number(double(v), 0, language_);
        } else if constexpr (std::is_same_v<T, Money>) {
          return format_money(v, language_);
        } else if constexpr (std::is_same_v<T, Instant>) {
          if (modifier == "time")
            return clock_text(clock.to_local(v).time_of_day) +
                   (clock.is_repeated_local_time(v) ? " " + format_utc_offset(clock.to_local(v).utc_offset) : "");
          if (modifier == "date") return format_date_text(clock.to_local(v).date, language_);
          return instant_text(v, clock);
        } else if constexpr (std::is_same_v<T, Date>) {
          return format_date_text(v, language_);
        } else if constexpr (std::is_same_v<T, std::chrono::minutes>) {
          if (modifier == "clock") return clock_text(v);
          return format_duration(v, language_);
        } else if constexpr (std::is_same_v<T, std::chrono::seconds>) {
          return format_duration(v, language_);
        } else if constexpr (std::is_same_v<T, ShownPercent>) {
          return shown_percent_text(v, language_);
        } else if constexpr (std::is_same_v<T, Percent>) {
          return format_percent(double(v.value), 0, language_);
        } else if constexpr (std::is_same_v<T, Ppm>) {
          // A tier boundary, 999000 ppm -> "99,9 %": as many decimals as it has (F1).
          const int decimals = v.value % 10000 == 0  ? 0
                               : v.value % 1000 == 0 ? 1
                               : v.value % 100 == 0  ? 2
                               : v.value % 10 == 0   ? 3
                                                     : 4;
          return format_percent(double(v.value) / 10000.0, decimals, language_);
        } else if constexpr (std::is_same_v<T, Milli>) {
          return milli_text(v, language_);
        } else {
          static_assert(std::is_same_v<T, bool>);
          return v ? yes_ : no_;
        }
      },
      figure.value);
}

std::string TraceWording::figure_text(const Figure& figure, const ContractClock& clock) const {
  return value_text(figure, "", clock);
}

std::string TraceWording::fallback(const TraceStep& step, const ContractClock& clock) const {
  std::string out = step.key;
  for (std::size_t i = 0; i < step.figures.size(); ++i) {
    out += i == 0 ? ": " : ", ";
    out += step.figures[i].name + "=" + figure_text(step.figures[i], clock);
  }
  return out;
}

std::string TraceWording::describe(const TraceStep& step, const ContractClock& clock) const {
  auto phrase = phrases_.find(step.key);
  if (phrase == phrases_.end()) return fallback(step, clock);
  const std::string& p = phrase->second;
  std::string out;
  std::size_t at = 0;
  while (at < p.size()) {
    const std::size_t open = p.find('{', at);
    if (open == std::string::npos) {
      out.append(p, at, std::string::npos);
      break;
    }
    out.append(p, at, open - at);
    const std::size_t close = p.find('}', open);  // balanced: checked at load time
    const std::string placeholder = p.substr(open + 1, close - open - 1);
    const std::size_t colon = placeholder.find(':');
    const std::string name = placeholder.substr(0, colon);
    const std::string modifier = colon == std::string::npos ? "" : placeholder.substr(colon + 1);
    const Figure* figure = nullptr;
    for (const auto& f : step.figures)
      if (f.name == name) figure = &f;
    if (!figure) return fallback(step, clock);
    out += value_text(*figure, modifier, clock);
    at = close + 1;
  }
  return out;
}

std::string TraceWording::describe(const Trace& trace, const ContractClock& clock) const {
  std::string out;
  for (const auto& step : trace.steps) {
    if (!out.empty()) out += separator_;
    out += describe(step, clock);
  }
  return out;
}

std::vector<WordedStep> TraceWording::describe_steps(const Trace& trace, const ContractClock& clock) const {
  std::vector<WordedStep> out;
  for (const auto& step : trace.steps) out.push_back({step.rule, describe(step, clock)});
  return out;
}

}  // namespace clause
