// What changes from one PDF to the next besides its content: the issue date written in the
// metadata (never the clock, so that a rerun gives the same bytes), PDF/A-3b conformance, files
// embedded beside the pages (the Factur-X XML) and extra XMP properties (the fx: schema).
#pragma once

#include <string>
#include <vector>

#include "model/time.h"

namespace clause::pdf {

// A file carried inside the PDF (PDF/A-3 associated file).
struct PdfAttachment {
  std::string name;  // "factur-x.xml": written as is in /F, /UF and the name tree
  std::string bytes;
  std::string mime_type = "text/xml";  // /Subtype of the embedded file stream
  std::string relationship = "Data";   // /AFRelationship: Data, Alternative, Source, Supplement
  std::string description;             // /Desc
};

// One property of an XMP extension schema, e.g. fx:DocumentType = INVOICE.
struct XmpProperty {
  std::string name;   // "DocumentType"
  std::string value;  // "INVOICE"
  std::string value_type = "Text";
  std::string description;
};

// A PDF/A extension schema and its values: PDF/A requires every non-standard XMP property to be
// described in the metadata itself.
struct XmpExtension {
  std::string schema;         // "Factur-X PDFA Extension Schema"
  std::string namespace_uri;  // "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
  std::string prefix;         // "fx"
  std::vector<XmpProperty> properties;
};

struct PdfOptions {
  bool pdfa3 = false;  // PDF/A-3b: XMP, sRGB OutputIntent, /AF, PDF 1.7
  Instant created{};   // Info CreationDate/ModDate and XMP dates (UTC)
  std::vector<PdfAttachment> attachments;
  std::vector<XmpExtension> xmp_extensions;
};

// The Factur-X extension schema (Factur-X 1.0 spec, section 8): DocumentFileName factur-x.xml,
// DocumentType INVOICE, Version 1.0, the given ConformanceLevel ("EN 16931", "BASIC"...).
XmpExtension facturx_xmp_extension(const std::string& conformance_level = "EN 16931");

}  // namespace clause::pdf
