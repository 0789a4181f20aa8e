// The document-level parts of a PDF besides its pages: the Info dictionary, the PDF/A-3b parts
// (XMP metadata with pdfaid and extension schemas, sRGB OutputIntent) and associated files
// (EmbeddedFiles name tree, /AF, /AFRelationship), all dated from the options, never the clock.
#pragma once

#include <string>

#include "reports/layout/layout.h"
#include "reports/pdf/pdf_options.h"
#include "reports/pdf/pdf_style.h"

namespace PoDoFo {
class PdfMemDocument;
}

namespace clause::pdf {

// "D:20261101000000+00'00'": the PDF date of a UTC instant.
std::string pdf_date(Instant t);
// "2026-11-01T00:00:00+00:00": the XMP date of the same instant.
std::string xmp_date(Instant t);

// The XMP packet (dc:title, dc:creator, pdf:Producer, xmp dates, pdfaid 3B when asked, the
// extension schemas and their values), uncompressed UTF-8.
std::string xmp_packet(const layout::Document& document, const PdfOptions& options, const PdfStyle& style);

// Info (Title, Author, Subject, Creator, Producer, CreationDate, ModDate), catalog /Lang, and
// with options.pdfa3 the /Metadata stream and the OutputIntent with the ICC profile, given already
// deflated (deflated_stream.h) since it is the same in every document.
void write_document_metadata(PoDoFo::PdfMemDocument& pdf, const layout::Document& document, const PdfOptions& options,
                             const PdfStyle& style, const std::string& deflated_icc_profile);

// Embeds options.attachments: EmbeddedFiles name tree, /AF array, one /Filespec each with /F and
// /UF written as given (PdfFileSpec would hex-escape '-' and '.').
void embed_attachments(PoDoFo::PdfMemDocument& pdf, const PdfOptions& options);

// Replaces the trailer /ID (PoDoFo's MD5 of the Info dictionary) by the first 16 bytes of the
// SHA-256 of the file, in place: same length, so the cross-reference offsets stay valid.
void stamp_file_identifier(std::string& pdf);

}  // namespace clause::pdf
