#include "reports/pdf/pdf_renderer.h"

#include <podofo/podofo.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/whole_file.h"
#include "reports/pdf/deflated_stream.h"
#include "reports/pdf/font_face.h"
#include "reports/pdf/font_fallback.h"
#include "reports/pdf/page_flow.h"
#include "reports/pdf/pdf_metadata.h"
#include "reports/pdf/pdf_painting.h"
#include "reports/pdf/raster_image.h"
#include "reports/pdf/subset_font.h"

namespace clause::pdf {
namespace {

std::string read_file(const std::string& path) {
  auto bytes = read_whole_file(path);
  if (!bytes || bytes->empty()) throw std::runtime_error("cannot read " + path);
  return std::move(*bytes);
}

}  // namespace

PdfRenderer::PdfRenderer(PdfStyle style)
    : style_(std::move(style)),
      fallbacks_(std::make_unique<FallbackFonts>(style_.fallback_fonts)),
      regular_(FontFace::load(style_.regular_font, fallbacks_.get())),
      bold_(FontFace::load(style_.bold_font, fallbacks_.get())) {
  regular_->set_subset_floor(style_.subset_floor);
  bold_->set_subset_floor(style_.subset_floor);
  if (!style_.logo_path.empty()) logo_ = std::make_unique<RasterImage>(load_raster_image(style_.logo_path));
  // Deflated once for the run, at PoDoFo's level: the bytes each PDF/A document held before.
  deflated_icc_profile_ = deflate(read_file(style_.icc_profile), kPodofoDeflateLevel);
}

PdfRenderer::~PdfRenderer() = default;

std::string PdfRenderer::render(const layout::Document& document, const PdfOptions& options) const {
  const Fonts fonts{*regular_, *bold_};
  const LaidOutDocument laid_out = lay_out(document, style_, fonts, logo_.get());

  // The constructor's PdfDate calls localtime(): one result per thread (reports/reentrant_libc_time.cc).
  PoDoFo::PdfMemDocument pdf;
  pdf.SetPdfVersion(PoDoFo::ePdfVersion_1_7);
  DocumentFonts subsets(pdf.GetObjects(), fonts, laid_out.pages);
  paint(pdf, laid_out, fonts, subsets);
  subsets.embed();

  write_document_metadata(pdf, document, options, style_, deflated_icc_profile_);
  embed_attachments(pdf, options);

  PoDoFo::PdfRefCountedBuffer buffer(64 * 1024);
  PoDoFo::PdfOutputDevice device(&buffer);
  pdf.Write(&device);
  std::string bytes(buffer.GetBuffer(), device.GetLength());
  stamp_file_identifier(bytes);
  return bytes;
}

}  // namespace clause::pdf
