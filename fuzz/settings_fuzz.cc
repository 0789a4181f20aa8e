// Fuzz target of the TOML settings: the bytes become a terms profile (config/terms/NAME.toml) or the
// configuration (config/clause.toml) and go through the real loaders, with toml++ compiled in (see
// fuzz/CMakeLists.txt) so that the parser's branches guide the fuzzer. ConfigError is the expected
// outcome; a crash, a leak, a sanitizer report, another exception type, or a broken invariant is a
// finding.
//
// Input layout: byte 0 chooses the loader, the rest is the file.
//   byte0 % 2 == 0   terms profile, through load_terms_profile
//   byte0 % 2 == 1   configuration, through load_config
// What a loaded file then feeds is run too, since the loaders promise to refuse what the rules
// cannot use: a profile's business hours drive the HO clock (RULES T2), a configuration's time
// zones become contract clocks (T1).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "rules/calendar.h"
#include "settings/config.h"
#include "settings/terms_loader.h"
#include "settings/toml_reader.h"

namespace {

using namespace std::chrono_literals;

const clause::TimeZoneRule paris{"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"};
// 2026-10-23 15:30 UTC, a Friday: the HO clock runs into a weekend and a DST change from there.
const clause::Instant friday{std::chrono::sys_days{std::chrono::year{2026} / 10 / 23} + 15h + 30min};

void fuzz_terms(std::string_view text) {
  const auto file = clause::fuzz::scratch() / "fuzz.toml";
  clause::fuzz::write_file(file, text);
  clause::TermsProfile profile;
  try {
    profile = clause::load_terms_profile(file);
    clause::fuzz::tell("profile loaded");
  } catch (const clause::ConfigError& e) {
    clause::fuzz::tell(e.what());
    return;
  }
  clause::ContractClock clock(paris, clause::HolidayZone::metropole, profile.business_hours);
  (void)clock.business_time_between(friday, friday + 24h * 10);
  (void)clock.add_business_time(friday, 4h);  // finding S2: a profile loads only with a business day
}

void fuzz_config(std::string_view text) {
  const auto file = clause::fuzz::scratch() / "clause.toml";
  clause::fuzz::write_file(file, text);
  clause::Config config;
  try {
    config = clause::load_config(file);
    clause::fuzz::tell("configuration loaded");
  } catch (const clause::ConfigError& e) {
    clause::fuzz::tell(e.what());
    return;
  }
  // Finding S3: a configuration loads only with rules the clock can read.
  for (const auto& [name, rule] : config.time_zones) {
    clause::ContractClock clock(rule, clause::HolidayZone::metropole, clause::BusinessHours{});
    (void)clock.month(clause::YearMonth{2026, 10});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0)
    fuzz_terms(text);
  else
    fuzz_config(text);
  return 0;
}
