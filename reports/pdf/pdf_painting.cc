#include "reports/pdf/pdf_painting.h"

#include "reports/pdf/content_stream.h"
#include "reports/pdf/path_operators.h"
#include "reports/pdf/subset_font.h"
#include "reports/pdf/text_operators.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <vector>

namespace clause::pdf {

namespace {

// Emits colour and width operators only when they change: a 40-row table repeats the same colour.
class Pen {
 public:
  explicit Pen(std::string& operators) : operators_(operators) {}
  void fill(Rgb c) {
    if (!has_fill_ || !same(fill_, c)) append_fill_colour(operators_, c);
    fill_ = c;
    has_fill_ = true;
  }
  void stroke(Rgb c, double width) {
    if (!has_stroke_ || !same(stroke_, c)) append_stroke_colour(operators_, c);
    has_stroke_ = true;
    if (width != stroke_width_) append_line_width(operators_, width);
    stroke_ = c;
    stroke_width_ = width;
  }

 private:
  static bool same(Rgb a, Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
  std::string& operators_;
  Rgb fill_;
  Rgb stroke_;
  bool has_fill_ = false;
  bool has_stroke_ = false;
  double stroke_width_ = -1;
};

// A painter that lets text_operators.h write a run's operators into its page: the font goes
// into the page's resources, as DrawText puts it there.
class TextPainter : public PoDoFo::PdfPainter {
 public:
  void add_font_resource(PoDoFo::PdfFont& font) {
    AddToPageResources(font.GetIdentifier(), font.GetObject()->Reference(), PoDoFo::PdfName("Font"));
  }
};

}  // namespace

void paint(PoDoFo::PdfMemDocument& document, const LaidOutDocument& laid_out, const Fonts& faces,
           DocumentFonts& fonts) {
  using namespace PoDoFo;
  std::vector<std::unique_ptr<PdfImage>> images(laid_out.images.size());
  const auto image_at = [&](int index) -> PdfImage& {
    auto& slot = images.at(static_cast<std::size_t>(index));
    if (!slot) {
      const RasterImage& source = *laid_out.images[static_cast<std::size_t>(index)];
      slot = std::make_unique<PdfImage>(&document);
      const auto* data = reinterpret_cast<const unsigned char*>(source.bytes.data());
      const auto size = static_cast<pdf_long>(source.bytes.size());
      if (source.format == RasterImage::Format::png)
        slot->LoadFromPngData(data, size);
      else
        slot->LoadFromJpegData(data, size);
    }
    return *slot;
  };
  const double h = kPageHeight;
  for (const Page& page_layout : laid_out.pages) {
    PdfPage* page = document.CreatePage(PdfRect(0, 0, kPageWidth, kPageHeight));
    TextPainter painter;
    painter.SetPage(page);
    begin_plain_contents(painter);
    // The operators Clause writes (text_operators.h, path_operators.h) gather here and go into
    // the page in one append, before anything the painter itself draws and at the page's end.
    std::string operators;
    const auto hand_over = [&] {
      if (operators.empty()) return;
      painter.GetCanvas()->Append(operators);
      operators.clear();
    };
    Pen pen(operators);
    PdfFont* current_font = nullptr;
    double current_size = 0;
    std::vector<PdfFont*> in_resources;
    for (const Primitive& item : page_layout.items) {
      if (const auto* run = std::get_if<TextRun>(&item)) {
        const auto select = [&](PdfFont* font) {
          if (font != current_font || run->size != current_size) {
            font->SetFontSize(static_cast<float>(run->size));
            painter.SetFont(font);
            current_font = font;
            current_size = run->size;
          }
        };
        const FontFace& primary = faces.face(run->bold);
        if (primary.covers_all(run->text)) {
          PdfFont* font = &fonts.font(primary);
          select(font);
          pen.fill(run->colour);
          if (painter.GetTextRenderingMode() == ePdfTextRenderingMode_Fill &&
              append_text_operators(operators, *font, primary, run->x, h - run->baseline, run->text)) {
            if (std::find(in_resources.begin(), in_resources.end(), font) == in_resources.end()) {
              painter.add_font_resource(*font);
              in_resources.push_back(font);
            }
            fonts.drawn_by_clause(primary, run->text);
            continue;
          }
          hand_over();
          painter.DrawText(run->x, h - run->baseline, PdfString(reinterpret_cast<const pdf_utf8*>(run->text.c_str())));
          fonts.drawn_by_podofo(primary, run->text.c_str());
          continue;
        }
        pen.fill(run->colour);
        hand_over();
        double dx = 0;
        for (const GlyphPiece& piece : primary.pieces(run->text)) {
          select(&fonts.font(*piece.face));
          std::string text;
          for (char32_t c : piece.codes) append_utf8(text, c < 0x10000 ? c : piece.face->pua_code(c));
          // The fallback faces have one weight: bold is drawn by stroking the outline as well,
          // inside q/Q because the rendering mode and the stroke outlive the text object.
          const bool embolden = run->bold && piece.face->is_fallback();
          if (embolden) {
            painter.Save();
            painter.SetStrokingColor(run->colour.r, run->colour.g, run->colour.b);
            painter.SetStrokeWidth(run->size * 0.04);
            painter.SetTextRenderingMode(ePdfTextRenderingMode_FillAndStroke);
          }
          painter.DrawText(run->x + dx, h - run->baseline, PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str())));
          fonts.drawn_by_podofo(*piece.face, text.c_str());
          if (embolden) {
            painter.SetTextRenderingMode(ePdfTextRenderingMode_Fill);
            painter.Restore();
          }
          dx += piece.advance * run->size / 1000.0;
        }
      } else if (const auto* box = std::get_if<Box>(&item)) {
        pen.fill(box->fill);
        append_filled_rectangle(operators, box->x, h - box->y - box->height, box->width, box->height);
      } else if (const auto* line = std::get_if<Line>(&item)) {
        pen.stroke(line->colour, line->width);
        append_line(operators, line->x1, h - line->y1, line->x2, h - line->y2);
      } else if (const auto* poly = std::get_if<Polyline>(&item)) {
        if (poly->points.size() < 2) continue;
        pen.stroke(poly->colour, poly->width);
        std::vector<std::pair<double, double>> points;
        for (const auto& [x, y] : poly->points) points.emplace_back(x, h - y);
        append_polyline(operators, points);
      } else if (const auto* picture = std::get_if<Picture>(&item)) {
        PdfImage& image = image_at(picture->image);
        hand_over();
        painter.DrawImage(picture->x, h - picture->y - picture->height, &image, picture->width / image.GetWidth(),
                          picture->height / image.GetHeight());
      }
    }
    hand_over();
    painter.FinishPage();
    deflate_contents(*page);
  }
}

}  // namespace clause::pdf
