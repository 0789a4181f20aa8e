// The path and colour operators Clause writes in place of PoDoFo's painter (issue 16,
// reports/pdf/path_operators.h): the exact bytes PdfPainter writes for the same calls, so that the
// documents stay byte for byte what they were.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "reports/pdf/content_stream.h"
#include "reports/pdf/path_operators.h"

namespace clause::pdf {
namespace {

// What PoDoFo's painter writes for `draw`, on a page whose stream is plain (as paint's are).
template <typename Draw>
std::string painted_by_podofo(Draw draw) {
  PoDoFo::PdfMemDocument document;
  PoDoFo::PdfPainter painter;
  painter.SetPage(document.CreatePage(PoDoFo::PdfRect(0, 0, 595.276, 841.89)));
  begin_plain_contents(painter);
  draw(painter);
  PoDoFo::PdfStream* canvas = painter.GetCanvas();
  canvas->EndAppend();
  char* bytes = nullptr;
  PoDoFo::pdf_long length = 0;
  canvas->GetFilteredCopy(&bytes, &length);
  std::string out(bytes, static_cast<std::size_t>(length));
  PoDoFo::podofo_free(bytes);
  canvas->BeginAppend(false);
  painter.FinishPage();
  return out;
}

TEST(PathOperators, WriteWhatThePainterWritesForKnownFigures) {
  // Worked out from "%.3f": 0.0005 is stored a little above one half of a thousandth, 20.0005 a
  // little below, so they round up and down.
  std::string out;
  append_fill_colour(out, {0.955, 0.96, 0.968});
  append_filled_rectangle(out, 56.6929, 20.0005, 481.8898, 0.0005);
  append_stroke_colour(out, {0.78, 0.8, 0.83});
  append_line_width(out, 0.5);
  append_line(out, 1, 2, 3, 4);
  append_polyline(out, {{1, 2}, {3, 4}, {5.5, 6.25}});
  EXPECT_EQ(out,
            "0.955 0.960 0.968 rg\n56.693 20.000 481.890 0.001 re\nf\n0.780 0.800 0.830 RG\n0.500 w\n"
            "1.000 2.000 m 3.000 4.000 l S\n1 j\n1.000 2.000 m\n3.000 4.000 l\n5.500 6.250 l\nS\n0 j\n");
  EXPECT_EQ(out, painted_by_podofo([](PoDoFo::PdfPainter& p) {
              p.SetColor(0.955, 0.96, 0.968);
              p.Rectangle(56.6929, 20.0005, 481.8898, 0.0005);
              p.Fill();
              p.SetStrokingColor(0.78, 0.8, 0.83);
              p.SetStrokeWidth(0.5);
              p.DrawLine(1, 2, 3, 4);
              p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Round);
              p.MoveTo(1, 2);
              p.LineTo(3, 4);
              p.LineTo(5.5, 6.25);
              p.Stroke();
              p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Miter);
            }));
}

TEST(PathOperators, WriteWhatThePainterWritesForAnyCoordinates) {
  std::mt19937_64 random(16);
  std::uniform_real_distribution<double> coordinate(-900.0, 900.0), unit(0.0, 1.0), width(0.0, 5.0);
  for (int round = 0; round < 500; ++round) {
    const double x = coordinate(random), y = coordinate(random), w = coordinate(random), h = coordinate(random);
    const Rgb fill{unit(random), unit(random), unit(random)}, stroke{unit(random), unit(random), unit(random)};
    const double line_width = width(random);
    std::string out;
    append_fill_colour(out, fill);
    append_filled_rectangle(out, x, y, w, h);
    append_stroke_colour(out, stroke);
    append_line_width(out, line_width);
    append_line(out, x, y, w, h);
    append_polyline(out, {{x, y}, {w, h}, {y, x}});
    const std::string podofo = painted_by_podofo([&](PoDoFo::PdfPainter& p) {
      p.SetColor(fill.r, fill.g, fill.b);
      p.Rectangle(x, y, w, h);
      p.Fill();
      p.SetStrokingColor(stroke.r, stroke.g, stroke.b);
      p.SetStrokeWidth(line_width);
      p.DrawLine(x, y, w, h);
      p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Round);
      p.MoveTo(x, y);
      p.LineTo(w, h);
      p.LineTo(y, x);
      p.Stroke();
      p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Miter);
    });
    ASSERT_EQ(out, podofo) << "round " << round;
  }
}

TEST(PathOperators, APolylineOfOnePointDrawsNothing) {
  std::string out = "q\n";
  append_polyline(out, {{1, 2}});
  EXPECT_EQ(out, "q\n");
}

TEST(PathOperators, RefuseAColourOutsideZeroToOneAsPdfColorDoes) {
  std::string out;
  EXPECT_THROW(append_fill_colour(out, {1.2, 0, 0}), std::invalid_argument);
  EXPECT_THROW(append_stroke_colour(out, {0, -0.1, 0}), std::invalid_argument);
  EXPECT_THROW(PoDoFo::PdfColor(1.2, 0, 0), PoDoFo::PdfError);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace clause::pdf
