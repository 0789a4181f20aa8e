// The structured invoice of Factur-X: UN/CEFACT Cross Industry Invoice (CII D16B) at the EN 16931
// profile (BT-24 "urn:cen.eu:en16931:2017"), as embedded in the PDF under the name factur-x.xml.
// Checked by ../shared/validation/validate-cii.sh (Factur-X XSD + CEN EN 16931 Schematron).
#pragma once

#include <string>

#include "reports/invoice/invoice_document.h"

namespace clause::facturx {

// The CII XML of `document`, UTF-8 with an XML declaration; the same document always gives the same
// bytes. Mentions (BT-22 notes) are written in French, the language of the French invoice.
// Throws std::invalid_argument with document_problem() when the document cannot be issued.
std::string cii_xml(const InvoiceDocument& document);

}  // namespace clause::facturx
