// Charts drawn as vectors: a bar chart (e.g. availability per day) or a line chart, with a title,
// a legend when there are several series, horizontal grid lines at round values, labelled ticks
// and axis titles. Values outside [y_min, y_max] are clamped to the plot area.
#include <algorithm>
#include <cmath>

#include "reports/pdf/page_flow.h"

namespace clause::pdf {
namespace {

// A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals over range.
double nice_step(double range, int ticks) {
  const double raw = range / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

int decimals_for(double step) {
  int d = 0;
  while (d < 4 && std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-9) ++d;
  return d;
}

Rgb series_colour(const PdfStyle& style, std::size_t i) {
  const auto mix = [](Rgb a, Rgb b, double t) {
    return Rgb{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
  };
  switch (i % 3) {
    case 0:
      return style.accent;
    case 1:
      return mix(style.accent, Rgb{1, 1, 1}, 0.5);
    default:
      return style.muted;
  }
}

}  // namespace

void PageFlow::chart(const layout::Chart& c) {
  const double body = style_.body_size;
  const double small = body * 0.75;
  const double height = 64 * kPointsPerMm;
  gap(8);
  ensure(height);
  const double x0 = left();
  const double y0 = y_;

  // Title and legend.
  text(x0, y0 + body, body, true, style_.text, c.title);
  const bool legend = c.series.size() > 1;
  if (legend) {
    double lx = x0 + width();
    for (std::size_t s = c.series.size(); s-- > 0;) {
      const double w = fonts_.regular.width(c.series[s].name, small);
      lx -= w;
      text(lx, y0 + body, small, false, style_.muted, c.series[s].name);
      lx -= 11;
      add(Box{lx, y0 + body - small * 0.8, 7, 7, series_colour(style_, s)});
      lx -= 10;
    }
  }

  // Value range and ticks.
  double lo = 0;
  double hi = 0;
  bool any = false;
  for (const auto& s : c.series)
    for (double v : s.values) {
      lo = any ? std::min(lo, v) : std::min(0.0, v);
      hi = any ? std::max(hi, v) : std::max(0.0, v);
      any = true;
    }
  if (c.y_min) lo = *c.y_min;
  if (c.y_max) hi = *c.y_max;
  if (hi <= lo) hi = lo + 1;
  const double step = nice_step(hi - lo, 5);
  if (!c.y_min) lo = std::floor(lo / step) * step;
  if (!c.y_max) hi = std::ceil(hi / step - 1e-9) * step;
  const int decimals = decimals_for(step);

  std::vector<std::pair<double, std::string>> ticks;
  double label_w = 0;
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-6; v += step) {
    std::string label = format_number(v, decimals, lang_);
    label_w = std::max(label_w, fonts_.regular.width(label, small));
    ticks.emplace_back(v, std::move(label));
  }

  // The plot area.
  const double plot_top = y0 + body * 1.6 + (c.y_title.empty() ? 4 : small * 2.2);
  const double plot_left = x0 + label_w + 8;
  const double plot_right = x0 + width();
  const double plot_bottom = y0 + height - small * 1.6 - (c.x_title.empty() ? 0 : small * 1.9);
  const double plot_w = plot_right - plot_left;
  const double plot_h = plot_bottom - plot_top;
  const auto y_of = [&](double v) { return plot_bottom - (std::clamp(v, lo, hi) - lo) / (hi - lo) * plot_h; };

  if (!c.y_title.empty()) text(x0, plot_top - small * 1.0, small, false, style_.muted, c.y_title);
  for (const auto& [v, label] : ticks) {
    const double y = y_of(v);
    add(Line{plot_left, y, plot_right, y, 0.35, style_.rule});
    text_right(plot_left - 5, y + small * 0.35, small, false, style_.muted, label);
  }

  const std::size_t n = c.labels.size();
  if (n > 0) {
    const double slot = plot_w / static_cast<double>(n);
    double widest = 0;
    for (const auto& l : c.labels) widest = std::max(widest, fonts_.regular.width(l, small));
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 4) / slot)));
    for (std::size_t i = 0; i < n; i += every) {
      const double cx = plot_left + slot * (static_cast<double>(i) + 0.5);
      const double w = fonts_.regular.width(c.labels[i], small);
      text(cx - w / 2, plot_bottom + small * 1.45, small, false, style_.muted, c.labels[i]);
      add(Line{cx, plot_bottom, cx, plot_bottom + 2.5, 0.5, style_.muted});
    }
    const double m = static_cast<double>(std::max<std::size_t>(1, c.series.size()));
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const auto& values = c.series[s].values;
      const Rgb colour = series_colour(style_, s);
      if (c.kind == layout::Chart::Kind::bar) {
        const double group = slot * 0.72;
        const double bar = group / m;
        const double base = y_of(std::clamp(0.0, lo, hi));
        for (std::size_t i = 0; i < std::min(n, values.size()); ++i) {
          const double x =
              plot_left + slot * static_cast<double>(i) + (slot - group) / 2 + bar * static_cast<double>(s);
          const double top_y = std::min(base, y_of(values[i]));
          const double h = std::fabs(base - y_of(values[i]));
          if (h > 0.05) add(Box{x, top_y, bar, h, colour});
        }
      } else {
        Polyline line{{}, 1.4, colour};
        for (std::size_t i = 0; i < std::min(n, values.size()); ++i) {
          line.points.emplace_back(plot_left + slot * (static_cast<double>(i) + 0.5), y_of(values[i]));
        }
        if (n <= 40) {
          for (const auto& [px, py] : line.points) add(Box{px - 1.6, py - 1.6, 3.2, 3.2, colour});
        }
        add(std::move(line));
      }
    }
  }
  // Axes over the bars.
  add(Line{plot_left, plot_top, plot_left, plot_bottom, 0.6, style_.muted});
  add(Line{plot_left, plot_bottom, plot_right, plot_bottom, 0.6, style_.muted});
  if (!c.x_title.empty()) {
    const double w = fonts_.regular.width(c.x_title, small);
    text(plot_left + (plot_w - w) / 2, y0 + height - small * 0.2, small, false, style_.muted, c.x_title);
  }
  y_ = y0 + height + 10;
}

}  // namespace clause::pdf
