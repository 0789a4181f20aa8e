// The layout pass: flows a document's blocks down A4 pages, opening a new page when a block does
// not fit (tables split between rows and repeat their header row), then adds the running header
// and the "page X / Y" footer once the page count is known. Produces display lists only; nothing
// here calls PoDoFo.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "reports/format.h"
#include "reports/layout/layout.h"
#include "reports/pdf/display_list.h"
#include "reports/pdf/pdf_style.h"
#include "reports/pdf/raster_image.h"
#include "reports/pdf/text_wrap.h"

namespace clause::pdf {

// A laid-out document: its pages and the pictures they refer to by index.
struct LaidOutDocument {
  std::vector<Page> pages;
  std::vector<const RasterImage*> images;
  std::deque<RasterImage> loaded_images;   // owns the document's own images (not the logo)
};

// Lays out the whole document. logo may be null. Throws std::runtime_error for unreadable images.
LaidOutDocument lay_out(const layout::Document& document, const PdfStyle& style, const Fonts& fonts,
                        const RasterImage* logo);

// Page flow state shared by the block layouts (page_flow.cc, table_flow.cc, chart_flow.cc).
class PageFlow {
 public:
  PageFlow(const PdfStyle& style, const Fonts& fonts, Language lang, LaidOutDocument& out);

  void heading(const layout::Heading& h);
  void paragraph(const layout::Paragraph& p);
  void key_values(const layout::KeyValues& kv);
  void table(const layout::Table& t);
  void image(const RasterImage& image, int index, double width_mm);
  void chart(const layout::Chart& c);
  void page_break();
  void signature(const layout::Signature& s);
  // Adds the running header and footer to every page.
  void finish(const layout::Document& document);

 private:
  double left() const;
  double width() const;
  double top() const;
  double bottom() const;
  // Starts a new page when `height` points do not fit below the cursor (unless the page is empty).
  void ensure(double height);
  void new_page();
  void gap(double points);   // vertical space, dropped at the top of a page
  bool at_page_top() const { return y_ <= top() + 0.01; }
  std::vector<Primitive>& items() { return out_.pages.back().items; }
  void text(double x, double baseline, double size, bool bold, Rgb colour, std::string s);
  void text_right(double right, double baseline, double size, bool bold, Rgb colour, std::string s);
  void hline(double x1, double x2, double y, double width, Rgb colour);
  // Out of line, in place: GCC 12 warns falsely when a variant is built from a temporary inline.
  void add(const Box& box);
  void add(const Line& line);
  void add(Polyline polyline);
  void add(const Picture& picture);

  const PdfStyle& style_;
  Fonts fonts_;
  Language lang_;
  LaidOutDocument& out_;
  double y_ = 0;   // the cursor: top of the next block, from the page's top edge
};

}  // namespace clause::pdf
