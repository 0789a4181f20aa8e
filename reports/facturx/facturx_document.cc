// Factur-X assembly: template -> layout -> PDF/A-3b with the CII XML attached.
#include "reports/facturx/facturx_document.h"

#include "reports/facturx/cii_writer.h"
#include "reports/invoice/invoice_data.h"

namespace clause::facturx {

pdf::PdfOptions facturx_options(const std::string& xml, Instant created) {
  pdf::PdfOptions options;
  options.pdfa3 = true;
  options.created = created;
  pdf::PdfAttachment attachment;
  attachment.name = "factur-x.xml";
  attachment.bytes = xml;
  attachment.mime_type = "text/xml";
  attachment.relationship = "Data";
  attachment.description = "Factur-X invoice (EN 16931)";
  options.attachments.push_back(std::move(attachment));
  options.xmp_extensions.push_back(pdf::facturx_xmp_extension("EN 16931"));
  return options;
}

std::string render_facturx_pdf(const InvoiceDocument& document, const templates::TemplateSet& templates,
                               const pdf::PdfRenderer& renderer, Language lang, Instant created) {
  const std::string xml = cii_xml(document);  // checks the document first
  const layout::Document page = templates.render(template_kind(document.kind), invoice_data(document, lang));
  return renderer.render(page, facturx_options(xml, created));
}

}  // namespace clause::facturx
