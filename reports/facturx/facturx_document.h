// A Factur-X invoice or credit note: the PDF/A-3b page a person reads, rendered from the
// invoice/credit_note template, with the CII XML (cii_writer.h) embedded as factur-x.xml and the
// fx: XMP extension declaring the EN 16931 profile.
#pragma once

#include <string>

#include "model/time.h"
#include "reports/format.h"
#include "reports/invoice/invoice_document.h"
#include "reports/pdf/pdf_options.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/templates/template_set.h"

namespace clause::facturx {

// The PDF options of a Factur-X file carrying `xml`: PDF/A-3b, created at `created`, factur-x.xml
// with /AFRelationship /Data (Factur-X 1.0, section 6: "Data" for the XML invoice in France), and
// facturx_xmp_extension("EN 16931").
pdf::PdfOptions facturx_options(const std::string& xml, Instant created);

// The Factur-X PDF bytes of `document` in `lang` (the set must be of that language). Same inputs,
// same bytes. Throws std::invalid_argument (document_problem), TemplateError or std::runtime_error.
std::string render_facturx_pdf(const InvoiceDocument& document, const templates::TemplateSet& templates,
                               const pdf::PdfRenderer& renderer, Language lang, Instant created);

}  // namespace clause::facturx
