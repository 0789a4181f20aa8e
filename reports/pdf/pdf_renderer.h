// Turns a layout::Document into PDF bytes (PoDoFo 0.9.8): A4 pages, a running header, a footer
// with "page X / Y", headings, paragraphs, key/value blocks, tables that split across pages and
// repeat their header, images, vector charts and signature blocks; optionally PDF/A-3b with
// embedded files (Factur-X). The same document and options always give the same bytes.
#pragma once

#include <memory>
#include <string>

#include "reports/layout/layout.h"
#include "reports/pdf/pdf_options.h"
#include "reports/pdf/pdf_style.h"

namespace clause::pdf {

class FallbackFonts;
class FontFace;
struct RasterImage;

class PdfRenderer {
 public:
  // Reads the font files, the logo and the ICC profile once (the fallback fonts only when a
  // document first needs them); throws std::runtime_error naming the file that cannot be read.
  explicit PdfRenderer(PdfStyle style);
  ~PdfRenderer();
  PdfRenderer(const PdfRenderer&) = delete;
  PdfRenderer& operator=(const PdfRenderer&) = delete;

  // The PDF file's bytes. Throws std::runtime_error when an image block names an unreadable file.
  // Safe to call from several threads at once: the renderer is not modified.
  std::string render(const layout::Document& document, const PdfOptions& options) const;

  const PdfStyle& style() const { return style_; }

 private:
  PdfStyle style_;
  std::unique_ptr<FallbackFonts> fallbacks_;  // before the faces that refer to it
  std::unique_ptr<FontFace> regular_;
  std::unique_ptr<FontFace> bold_;
  std::unique_ptr<RasterImage> logo_;
  std::string deflated_icc_profile_;
};

}  // namespace clause::pdf
