// S5.
#include "rules/availability.h"

#include <algorithm>

#include "rules/lateness_tier.h"

namespace clause {
namespace {

constexpr long long kMillion = 1'000'000;

Ppm ppm_of(seconds length, seconds unavailable) {
  if (length <= seconds{0}) return Ppm{kMillion};
  return Ppm{long((length - unavailable).count() * kMillion / length.count())};
}

// Sorted, merged intervals: their total length counts overlapping outages once.
std::vector<Interval> merged(std::vector<Interval> spans) {
  std::sort(spans.begin(), spans.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  std::vector<Interval> out;
  for (const auto& span : spans) {
    if (!out.empty() && span.begin <= out.back().end)
      out.back().end = std::max(out.back().end, span.end);
    else
      out.push_back(span);
  }
  return out;
}

seconds overlap(const std::vector<Interval>& spans, Interval window) {
  seconds total{0};
  for (const auto& span : spans) {
    const Instant a = std::max(span.begin, window.begin), b = std::min(span.end, window.end);
    if (b > a) total += b - a;
  }
  return total;
}

}  // namespace

ShownPercent shown_availability(seconds available, seconds length, const std::vector<AvailabilityTier>& tiers) {
  if (length <= seconds{0}) return {100, 0, true};
  auto power = [](int n) {
    long long p = 1;
    while (n-- > 0) p *= 10;
    return p;
  };
  // Boundaries are ppm (4 decimals of percent): print at least as many decimals as they carry.
  int decimals = 3;
  for (const auto& tier : tiers)
    if (tier.min_ppm % 10 != 0) decimals = 4;
  for (;; ++decimals) {
    // < 2.7e6 s * 100 * 1e9 < 9.2e18: exact in 64 bits up to 9 decimals.
    const long long scaled = available.count() * 100 * power(decimals) / length.count();
    bool hides = false;
    for (const auto& tier : tiers) {
      const long long boundary = tier.min_ppm * power(decimals) / 10000;
      const bool above = available.count() * kMillion > static_cast<long long>(tier.min_ppm) * length.count();
      if (above && scaled <= boundary) hides = true;
    }
    if (!hides || decimals == 9) return {scaled, decimals, true};
  }
}

AvailabilityMeasure measure_availability(const std::vector<Outage>& outages, std::string_view service_id, YearMonth m,
                                         const ContractClock& clock, const std::vector<AvailabilityTier>& tiers) {
  AvailabilityMeasure out;
  out.month = clock.month(m);
  out.month_length = out.month.length();
  std::vector<Interval> spans;
  for (const auto& outage : outages) {
    if (outage.service_id != service_id || outage.kind != OutageKind::unplanned) continue;
    const Interval clipped{std::max(outage.start, out.month.begin), std::min(outage.end, out.month.end)};
    if (clipped.end <= clipped.begin) continue;
    spans.push_back(clipped);
    out.counted_outages.push_back(outage.id);
  }
  const auto unions = merged(std::move(spans));
  out.unavailable = overlap(unions, out.month);
  out.availability = ppm_of(out.month_length, out.unavailable);
  for (Date d = m.first_day(); d < m.next().first_day(); d = add_days(d, 1)) {
    const Interval window{clock.to_instant(d, minutes{0}), clock.to_instant(add_days(d, 1), minutes{0})};
    const seconds down = overlap(unions, window);
    out.days.push_back({d, window.length(), down, ppm_of(window.length(), down)});
  }
  out.shown = shown_availability(out.month_length - out.unavailable, out.month_length, tiers);
  out.trace.add("S5", "availability_measured",
                {{"month_length", out.month_length},
                 {"unavailable", out.unavailable},
                 {"outages", (long long)out.counted_outages.size()},
                 {"availability", out.shown}});
  return out;
}

bool reaches(const AvailabilityMeasure& measure, const AvailabilityTier& tier) {
  // A month is < 2.7e6 s, so both products stay below 2.7e12: exact in 64 bits.
  const long long lhs = (measure.month_length - measure.unavailable).count() * kMillion;
  const long long rhs = static_cast<long long>(tier.min_ppm) * measure.month_length.count();
  return tier.inclusive ? lhs >= rhs : lhs > rhs;
}

AvailabilityCredit availability_credit(const AvailabilityMeasure& measure, Money monthly_fee,
                                       const ServiceLevelTerms& terms) {
  AvailabilityCredit out;
  out.monthly_fee = monthly_fee;
  std::vector<Figure> figures{{"availability", shown_availability(measure.month_length - measure.unavailable,
                                                                  measure.month_length, terms.availability_tiers)}};
  if (!terms.credits) {
    // S10: the measure is reported; no tier is named where the terms have no credit table (F1).
    out.trace.add("S5", "availability_no_credit_table", std::move(figures));
    return out;
  }
  for (const auto& tier : terms.availability_tiers) {
    if (!reaches(measure, tier)) continue;
    figures.push_back({"tier_min", Ppm{tier.min_ppm}});
    figures.push_back({"tier_inclusive", tier.inclusive});
    out.percent = Percent{tier.percent};
    break;
  }
  out.credit = percent_of(monthly_fee, out.percent);
  figures.push_back({"tier", out.percent});
  figures.push_back({"monthly_fee", monthly_fee});
  figures.push_back({"credit", out.credit});
  out.trace.add("S5", "availability_tier", std::move(figures));
  return out;
}

}  // namespace clause
