#include "reports/pdf/page_flow.h"

#include <algorithm>

#include "reports/pdf/cell_text.h"

namespace clause::pdf {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// A paragraph's lines are never split so that fewer than this many stand on either page (orphans
// and widows), so a paragraph of 3 lines or fewer is always kept whole.
constexpr std::size_t kMinLinesPerPage = 2;
// A heading keeps at least this much of what follows on its page, whatever follows.
constexpr double kHeadingKeep = 60;

struct HeadingMetrics {
  double size, leading, before, after;
};

HeadingMetrics heading_metrics(int level, const PdfStyle& style) {
  const double body = style.body_size;
  const double size = level == 1 ? body * 1.9 : level == 2 ? body * 1.3 : body * 1.08;
  return {size, size * 1.25,
          level == 1   ? 4.0
          : level == 2 ? 16.0
                       : 10.0,
          level == 1   ? 10.0
          : level == 2 ? 3.0 + 7.0
                       : 4.0};
}

double paragraph_size(const layout::Paragraph& p, const PdfStyle& style) {
  return p.small ? style.body_size * 0.78 : style.body_size;
}

}  // namespace

PageFlow::PageFlow(const PdfStyle& style, const Fonts& fonts, Language lang, LaidOutDocument& out)
    : style_(style), fonts_(fonts), lang_(lang), out_(out) {
  new_page();
}

double PageFlow::left() const { return style_.margin_left_mm * kPointsPerMm; }
double PageFlow::width() const { return kPageWidth - (style_.margin_left_mm + style_.margin_right_mm) * kPointsPerMm; }
double PageFlow::top() const { return style_.margin_top_mm * kPointsPerMm; }
double PageFlow::bottom() const { return kPageHeight - style_.margin_bottom_mm * kPointsPerMm; }

void PageFlow::new_page() {
  out_.pages.emplace_back();
  y_ = top();
}

void PageFlow::ensure(double height) {
  if (y_ + height > bottom() && !at_page_top()) new_page();
}

void PageFlow::gap(double points) {
  if (!at_page_top()) y_ += points;
}

void PageFlow::add(const Box& box) { items().emplace_back(std::in_place_type<Box>, box); }
void PageFlow::add(const Line& line) { items().emplace_back(std::in_place_type<Line>, line); }
void PageFlow::add(Polyline polyline) { items().emplace_back(std::in_place_type<Polyline>, std::move(polyline)); }
void PageFlow::add(const Picture& picture) { items().emplace_back(std::in_place_type<Picture>, picture); }

void PageFlow::text(double x, double baseline, double size, bool bold, Rgb colour, std::string s) {
  if (!s.empty())
    items().emplace_back(std::in_place_type<TextRun>, TextRun{x, baseline, size, bold, colour, std::move(s)});
}

void PageFlow::text_right(double right, double baseline, double size, bool bold, Rgb colour, std::string s) {
  const double w = fonts_.face(bold).width(s, size);
  text(right - w, baseline, size, bold, colour, std::move(s));
}

void PageFlow::hline(double x1, double x2, double y, double w, Rgb colour) { add(Line{x1, y, x2, y, w, colour}); }

void PageFlow::heading(const layout::Heading& h, double next_start) {
  const int level = std::clamp(h.level, 1, 3);
  const HeadingMetrics m = heading_metrics(level, style_);
  const auto lines = wrap_text(h.text, true, fonts_, m.size, width());
  // A heading never ends a page: it moves with the start of what follows it.
  gap(m.before);
  ensure(m.leading * static_cast<double>(lines.size()) + std::max(kHeadingKeep, m.after + next_start));
  const Rgb colour = level == 3 ? style_.text : style_.accent;
  for (const auto& line : lines) {
    y_ += m.leading;
    text(left(), y_ - m.leading * 0.22, m.size, true, colour, line);
  }
  if (level == 2) {
    y_ += 3;
    hline(left(), left() + width(), y_, 0.6, style_.rule);
    y_ += 7;
  } else {
    y_ += m.after;
  }
}

void PageFlow::paragraph(const layout::Paragraph& p, double next_start, bool last) {
  const double size = paragraph_size(p, style_);
  const double leading = size * 1.42;
  const Rgb colour = p.small ? style_.muted : style_.text;
  const auto lines = wrap_spans(p.spans, fonts_, size, width());
  const std::size_t n = lines.size();
  // Split only with kMinLinesPerPage lines on each side; never the last block (its tail would be
  // alone on the last page) nor a paragraph kept with the next block, unless longer than a page.
  const bool whole = p.keep_with_next || last || n < 2 * kMinLinesPerPage;
  if (p.keep_with_next) ensure(leading * static_cast<double>(n) + size * 0.7 + next_start);
  std::size_t i = 0;
  while (i < n) {
    const std::size_t remaining = n - i;
    std::size_t fit = 0;  // counted the way the lines are drawn, so that the two agree
    for (double y = y_; fit < remaining && y + leading <= bottom(); y += leading) ++fit;
    std::size_t take = remaining;
    if (fit < remaining) {
      take = whole || fit < kMinLinesPerPage ? 0 : std::min(fit, remaining - kMinLinesPerPage);
      if (take < kMinLinesPerPage) take = 0;
      if (take == 0 && at_page_top()) take = std::max<std::size_t>(fit, 1);  // longer than a page
    }
    for (std::size_t k = i; k < i + take; ++k) {
      y_ += leading;
      for (const auto& piece : lines[k].pieces) {
        text(left() + piece.x, y_ - leading * 0.28, size, piece.bold, colour, piece.text);
      }
    }
    i += take;
    if (i < n) new_page();
  }
  y_ += size * 0.7;
}

double PageFlow::start_height(const layout::Block& block, double next_start, bool last,
                              const RasterImage* picture) const {
  return std::visit(
      Overloaded{
          [&](const layout::Heading& h) {
            const HeadingMetrics m = heading_metrics(std::clamp(h.level, 1, 3), style_);
            const auto lines = wrap_text(h.text, true, fonts_, m.size, width());
            return m.before + m.leading * static_cast<double>(lines.size()) +
                   std::max(kHeadingKeep, m.after + next_start);
          },
          [&](const layout::Paragraph& p) {
            const double size = paragraph_size(p, style_);
            const double leading = size * 1.42;
            const std::size_t n = wrap_spans(p.spans, fonts_, size, width()).size();
            if (p.keep_with_next) return leading * static_cast<double>(n) + size * 0.7 + next_start;
            const bool whole = last || n < 2 * kMinLinesPerPage;
            return leading * static_cast<double>(whole ? n : kMinLinesPerPage);
          },
          [&](const layout::KeyValues& kv) {
            if (kv.rows.empty()) return 0.0;
            const double size = style_.body_size;
            double key_width = 0;
            for (const auto& row : kv.rows) key_width = std::max(key_width, fonts_.regular.width(row.key, size));
            key_width = std::min(key_width + 14, width() * 0.45);
            const auto& row = kv.rows.front();
            const std::size_t n = std::max(
                wrap_text(row.key, false, fonts_, size, key_width - 14).size(),
                wrap_text(display_text(row.type, row.value, lang_), false, fonts_, size, width() - key_width).size());
            return size * 1.5 * static_cast<double>(n);
          },
          [&](const layout::Table& t) { return table_start(t); },
          [&](const layout::Image& b) {
            if (picture == nullptr) return 0.0;
            const double w = std::min(b.width_mm * kPointsPerMm, width());
            return w * picture->height_px / picture->width_px;
          },
          [&](const layout::Chart&) { return 8 + 64 * kPointsPerMm; },
          [&](const layout::PageBreak&) { return 0.0; },
          [&](const layout::Signature& sig) { return sig.parties.empty() ? 0.0 : 12 + 40 * kPointsPerMm; },
      },
      block);
}

void PageFlow::key_values(const layout::KeyValues& kv) {
  const double size = style_.body_size;
  const double leading = size * 1.5;
  double key_width = 0;
  for (const auto& row : kv.rows) key_width = std::max(key_width, fonts_.regular.width(row.key, size));
  key_width = std::min(key_width + 14, width() * 0.45);
  for (const auto& row : kv.rows) {
    const auto keys = wrap_text(row.key, false, fonts_, size, key_width - 14);
    const auto values = wrap_text(display_text(row.type, row.value, lang_), false, fonts_, size, width() - key_width);
    const std::size_t n = std::max(keys.size(), values.size());
    ensure(leading * static_cast<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
      const double baseline = y_ + leading * static_cast<double>(i + 1) - leading * 0.3;
      if (i < keys.size()) text(left(), baseline, size, false, style_.muted, keys[i]);
      if (i < values.size()) text(left() + key_width, baseline, size, false, style_.text, values[i]);
    }
    y_ += leading * static_cast<double>(n);
  }
  y_ += size * 0.8;
}

void PageFlow::image(const RasterImage& picture, int index, double width_mm) {
  const double w = std::min(width_mm * kPointsPerMm, width());
  const double h = w * picture.height_px / picture.width_px;
  ensure(h);
  add(Picture{left(), y_, w, h, index});
  y_ += h + 10;
}

void PageFlow::page_break() {
  if (!at_page_top()) new_page();
}

void PageFlow::signature(const layout::Signature& s) {
  if (s.parties.empty()) return;
  const double size = style_.body_size;
  const double box_h = 40 * kPointsPerMm;
  const double spacing = 14;
  const double n = static_cast<double>(s.parties.size());
  const double box_w = (width() - spacing * (n - 1)) / n;
  gap(12);
  ensure(box_h);
  const bool en = lang_ == Language::en;
  const char* labels[] = {
      en ? "Name and title:" : "Nom et qualité :", en ? "Date:" : "Date :", en ? "Signature:" : "Signature :"};
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const double x = left() + static_cast<double>(i) * (box_w + spacing);
    const double pad = 9;
    // The frame: a hairline box with the party's name on an accent rule.
    hline(x, x + box_w, y_, 1.2, style_.accent);
    hline(x, x + box_w, y_ + box_h, 0.5, style_.rule);
    add(Line{x, y_, x, y_ + box_h, 0.5, style_.rule});
    add(Line{x + box_w, y_, x + box_w, y_ + box_h, 0.5, style_.rule});
    const auto names = wrap_text(s.parties[i], true, fonts_, size, box_w - 2 * pad);
    text(x + pad, y_ + pad + size, size, true, style_.text, names.front());
    double line_y = y_ + pad + size + 22;
    for (int k = 0; k < 2; ++k) {
      const double label_w = fonts_.regular.width(labels[k], size * 0.85);
      text(x + pad, line_y, size * 0.85, false, style_.muted, labels[k]);
      add(Line{x + pad + label_w + 4, line_y + 1, x + box_w - pad, line_y + 1, 0.4, style_.rule});
      line_y += 20;
    }
    text(x + pad, line_y, size * 0.85, false, style_.muted, labels[2]);
  }
  y_ += box_h + 12;
}

void PageFlow::finish(const layout::Document& document) {
  const std::size_t total = out_.pages.size();
  const double small = style_.body_size * 0.76;
  const double header_baseline = top() - 16;
  const double footer_rule = bottom() + 14;
  for (std::size_t i = 0; i < total; ++i) {
    auto& page_items = out_.pages[i].items;
    std::vector<Primitive> frame;
    const auto add_text = [&](double x, double baseline, std::string s) {
      frame.emplace_back(std::in_place_type<TextRun>, TextRun{x, baseline, small, false, style_.muted, std::move(s)});
    };
    if (!document.header.empty()) {
      for (const auto& line : wrap_text(document.header, false, fonts_, small, width()))
        add_text(left(), header_baseline, line);
      frame.emplace_back(std::in_place_type<Line>,
                         Line{left(), header_baseline + 5, left() + width(), header_baseline + 5, 0.5, style_.rule});
    }
    frame.emplace_back(std::in_place_type<Line>,
                       Line{left(), footer_rule, left() + width(), footer_rule, 0.5, style_.rule});
    const std::string number = "page " + std::to_string(i + 1) + " / " + std::to_string(total);
    const double number_w = fonts_.regular.width(number, small);
    double baseline = footer_rule + small * 1.6;
    for (const auto& line : wrap_text(document.footer, false, fonts_, small, width() - number_w - 20)) {
      add_text(left(), baseline, line);
      baseline += small * 1.35;
    }
    add_text(left() + width() - number_w, footer_rule + small * 1.6, number);
    frame.reserve(frame.size() + page_items.size());
    for (auto& item : page_items) frame.push_back(std::move(item));
    page_items = std::move(frame);
  }
}

LaidOutDocument lay_out(const layout::Document& document, const PdfStyle& style, const Fonts& fonts,
                        const RasterImage* logo) {
  LaidOutDocument out;
  PageFlow flow(style, fonts, language_of(document.language), out);
  if (logo != nullptr) {
    out.images.push_back(logo);
    flow.image(*logo, 0, style.logo_width_mm);
  }
  // Pictures first (in block order, so their indices do not change), for their heights.
  const std::size_t n = document.blocks.size();
  std::vector<int> image_of(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    if (const auto* b = std::get_if<layout::Image>(&document.blocks[i])) {
      out.loaded_images.push_back(load_raster_image(b->path));
      out.images.push_back(&out.loaded_images.back());
      image_of[i] = static_cast<int>(out.images.size() - 1);
    }
  }
  // What each block must keep of the next one on its page, from the end.
  std::vector<double> next_start(n + 1, 0.0);
  for (std::size_t i = n; i-- > 0;) {
    const RasterImage* picture = image_of[i] < 0 ? nullptr : out.images[image_of[i]];
    next_start[i] = flow.start_height(document.blocks[i], next_start[i + 1], i + 1 == n, picture);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double next = next_start[i + 1];
    std::visit(Overloaded{
                   [&](const layout::Heading& b) { flow.heading(b, next); },
                   [&](const layout::Paragraph& b) { flow.paragraph(b, next, i + 1 == n); },
                   [&](const layout::KeyValues& b) { flow.key_values(b); },
                   [&](const layout::Table& b) { flow.table(b); },
                   [&](const layout::Image& b) { flow.image(*out.images[image_of[i]], image_of[i], b.width_mm); },
                   [&](const layout::Chart& b) { flow.chart(b); },
                   [&](const layout::PageBreak&) { flow.page_break(); },
                   [&](const layout::Signature& b) { flow.signature(b); },
               },
               document.blocks[i]);
  }
  flow.finish(document);
  return out;
}

}  // namespace clause::pdf
