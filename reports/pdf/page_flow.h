// The layout pass: flows a document's blocks down A4 pages, opening a new page when a block does
// not fit (tables split between rows and repeat their header row), then adds the running header
// and the "page X / Y" footer once the page count is known. Produces display lists only; nothing
// here calls PoDoFo.
//
// No page holds only a fragment (docs/templates.md, "Pages"): a paragraph splits with at least 2
// lines on each page, the document's last block and a keep-with-next paragraph are not split, a
// heading or keep-with-next paragraph moves with the start of the next block, and a table moves
// at least 2 rows onto a new page. Each block is told how tall the next block's start is.
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
  std::deque<RasterImage> loaded_images;  // owns the document's own images (not the logo)
};

// Lays out the whole document. logo may be null. Throws std::runtime_error for unreadable images.
LaidOutDocument lay_out(const layout::Document& document, const PdfStyle& style, const Fonts& fonts,
                        const RasterImage* logo);

// Page flow state shared by the block layouts (page_flow.cc, table_flow.cc, chart_flow.cc).
class PageFlow {
 public:
  PageFlow(const PdfStyle& style, const Fonts& fonts, Language lang, LaidOutDocument& out);

  // next_start: start_height() of the following block (0 when none).
  void heading(const layout::Heading& h, double next_start);
  // last: nothing follows, so the paragraph is not split when it fits on one page.
  void paragraph(const layout::Paragraph& p, double next_start, bool last);
  void key_values(const layout::KeyValues& kv);
  void table(const layout::Table& t);
  void image(const RasterImage& image, int index, double width_mm);
  // Height below the cursor (mid-page) that must be free for `block` to start there: a heading
  // or keep-with-next paragraph with next_start, a paragraph whole or its first 2 lines, a table's
  // caption, header and first 2 rows, a key/value block's first row, a picture, chart or signature.
  // image: the picture of an Image block (else unused).
  double start_height(const layout::Block& block, double next_start, bool last, const RasterImage* image) const;
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
  double table_start(const layout::Table& t) const;  // table_flow.cc
  // Starts a new page when `height` points do not fit below the cursor (unless the page is empty).
  void ensure(double height);
  void new_page();
  void gap(double points);  // vertical space, dropped at the top of a page
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
  double y_ = 0;  // the cursor: top of the next block, from the page's top edge
};

}  // namespace clause::pdf
