#include "reports/pdf/pdf_metadata.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "reports/pdf/deflated_stream.h"
#include "reports/pdf/sha256.h"

namespace clause::pdf {
namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;
using PoDoFo::PdfString;
using PoDoFo::PdfVariant;

PdfString utf8(const std::string& s) { return PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.c_str())); }

// Text content for XML: &, <, > and quotes escaped.
std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string two(unsigned v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

struct Civil {
  int year;
  unsigned month, day, hour, minute, second;
};

Civil civil(Instant t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  return {static_cast<int>(ymd.year()),
          static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()),
          static_cast<unsigned>(hms.hours().count()),
          static_cast<unsigned>(hms.minutes().count()),
          static_cast<unsigned>(hms.seconds().count())};
}

void append_stream(PdfObject* object, const std::string& bytes, bool compressed) {
  if (compressed) {
    object->GetStream()->Set(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()));
  } else {
    // XMP must stay readable by tools that do not inflate streams (PDF/A 6.6.2.1).
    object->GetStream()->Set(bytes.data(), static_cast<PoDoFo::pdf_long>(bytes.size()), PoDoFo::TVecFilters());
  }
}

}  // namespace

std::string pdf_date(Instant t) {
  const Civil c = civil(t);
  return "D:" + std::to_string(c.year) + two(c.month) + two(c.day) + two(c.hour) + two(c.minute) + two(c.second) +
         "+00'00'";
}

std::string xmp_date(Instant t) {
  const Civil c = civil(t);
  return std::to_string(c.year) + "-" + two(c.month) + "-" + two(c.day) + "T" + two(c.hour) + ":" + two(c.minute) +
         ":" + two(c.second) + "+00:00";
}

XmpExtension facturx_xmp_extension(const std::string& conformance_level) {
  return {"Factur-X PDFA Extension Schema",
          "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
          "fx",
          {{"DocumentFileName", "factur-x.xml", "Text", "name of the embedded XML invoice file"},
           {"DocumentType", "INVOICE", "Text", "INVOICE"},
           {"Version", "1.0", "Text", "The actual version of the Factur-X XML schema"},
           {"ConformanceLevel", conformance_level, "Text", "The conformance level of the embedded Factur-X data"}}};
}

std::string xmp_packet(const layout::Document& document, const PdfOptions& options, const PdfStyle& style) {
  const std::string date = xmp_date(options.created);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(document.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!document.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(document.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!document.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(document.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "<pdf:Producer>" + xml_escaped(style.producer) + "</pdf:Producer>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "<xmp:CreatorTool>" + xml_escaped(style.producer) + "</xmp:CreatorTool>\n";
  x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
       "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  x += "</rdf:Description>\n";
  if (options.pdfa3) {
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
    x += "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n";
    x += "</rdf:Description>\n";
  }
  if (!options.xmp_extensions.empty()) {
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
         " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
    x += "<pdfaExtension:schemas><rdf:Bag>\n";
    for (const auto& ext : options.xmp_extensions) {
      x += "<rdf:li rdf:parseType=\"Resource\">\n";
      x += "<pdfaSchema:schema>" + xml_escaped(ext.schema) + "</pdfaSchema:schema>\n";
      x += "<pdfaSchema:namespaceURI>" + xml_escaped(ext.namespace_uri) + "</pdfaSchema:namespaceURI>\n";
      x += "<pdfaSchema:prefix>" + xml_escaped(ext.prefix) + "</pdfaSchema:prefix>\n";
      x += "<pdfaSchema:property><rdf:Seq>\n";
      for (const auto& p : ext.properties) {
        x += "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>" + xml_escaped(p.name) +
             "</pdfaProperty:name><pdfaProperty:valueType>" + xml_escaped(p.value_type) +
             "</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>"
             "<pdfaProperty:description>" +
             xml_escaped(p.description) + "</pdfaProperty:description></rdf:li>\n";
      }
      x += "</rdf:Seq></pdfaSchema:property>\n</rdf:li>\n";
    }
    x += "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
    for (const auto& ext : options.xmp_extensions) {
      x += "<rdf:Description rdf:about=\"\" xmlns:" + ext.prefix + "=\"" + xml_escaped(ext.namespace_uri) + "\">\n";
      for (const auto& p : ext.properties) {
        x += "<" + ext.prefix + ":" + p.name + ">" + xml_escaped(p.value) + "</" + ext.prefix + ":" + p.name + ">\n";
      }
      x += "</rdf:Description>\n";
    }
  }
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

void write_document_metadata(PoDoFo::PdfMemDocument& pdf, const layout::Document& document, const PdfOptions& options,
                             const PdfStyle& style, const std::string& deflated_icc_profile) {
  PdfDictionary& info = pdf.GetInfo()->GetObject()->GetDictionary();
  info.Clear();  // PoDoFo's defaults carry the wall clock and its own Producer
  info.AddKey("Title", utf8(document.title));
  if (!document.author.empty()) info.AddKey("Author", utf8(document.author));
  if (!document.subject.empty()) info.AddKey("Subject", utf8(document.subject));
  info.AddKey("Creator", utf8(style.producer));
  info.AddKey("Producer", utf8(style.producer));
  const PdfString date(pdf_date(options.created));
  info.AddKey("CreationDate", date);
  info.AddKey("ModDate", date);

  PdfDictionary& catalog = pdf.GetCatalog()->GetDictionary();
  if (!document.language.empty()) catalog.AddKey("Lang", PdfString(document.language));
  if (!options.pdfa3) return;

  PdfObject* metadata = pdf.GetObjects().CreateObject("Metadata");
  metadata->GetDictionary().AddKey(PdfName::KeySubtype, PdfName("XML"));
  append_stream(metadata, xmp_packet(document, options, style), false);
  catalog.AddKey("Metadata", metadata->Reference());

  PdfObject* profile = pdf.GetObjects().CreateObject();
  profile->GetDictionary().AddKey("N", PdfVariant(static_cast<PoDoFo::pdf_int64>(3)));
  set_deflated_stream(*profile, deflated_icc_profile);
  PdfObject* intent = pdf.GetObjects().CreateObject("OutputIntent");
  PdfDictionary& d = intent->GetDictionary();
  d.AddKey("S", PdfName("GTS_PDFA1"));
  d.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
  d.AddKey("RegistryName", PdfString("http://www.color.org"));
  d.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
  d.AddKey("DestOutputProfile", profile->Reference());
  PdfArray intents;
  intents.push_back(intent->Reference());
  catalog.AddKey("OutputIntents", intents);
}

void embed_attachments(PoDoFo::PdfMemDocument& pdf, const PdfOptions& options) {
  if (options.attachments.empty()) return;
  const PdfString date(pdf_date(options.created));
  PdfArray names;
  PdfArray associated;
  // A name tree's keys must be sorted.
  std::vector<const PdfAttachment*> files;
  for (const auto& file : options.attachments) files.push_back(&file);
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const PdfAttachment* attachment : files) {
    const PdfAttachment& file = *attachment;
    PdfObject* stream = pdf.GetObjects().CreateObject("EmbeddedFile");
    stream->GetDictionary().AddKey(PdfName::KeySubtype, PdfName(file.mime_type));
    PdfDictionary params;
    params.AddKey("ModDate", date);
    params.AddKey("Size", PdfVariant(static_cast<PoDoFo::pdf_int64>(file.bytes.size())));
    stream->GetDictionary().AddKey("Params", params);
    append_stream(stream, file.bytes, true);

    PdfObject* spec = pdf.GetObjects().CreateObject("Filespec");
    PdfDictionary& s = spec->GetDictionary();
    s.AddKey("F", PdfString(file.name));
    s.AddKey("UF", utf8(file.name));
    if (!file.description.empty()) s.AddKey("Desc", utf8(file.description));
    s.AddKey("AFRelationship", PdfName(file.relationship));
    PdfDictionary ef;
    ef.AddKey("F", stream->Reference());
    ef.AddKey("UF", stream->Reference());
    s.AddKey("EF", ef);

    names.push_back(PdfString(file.name));
    names.push_back(spec->Reference());
    associated.push_back(spec->Reference());
  }
  PdfDictionary tree;
  tree.AddKey("Names", names);
  PdfDictionary name_dictionary;
  name_dictionary.AddKey("EmbeddedFiles", tree);
  PdfDictionary& catalog = pdf.GetCatalog()->GetDictionary();
  catalog.AddKey("Names", name_dictionary);
  catalog.AddKey("AF", associated);
}

void stamp_file_identifier(std::string& pdf) {
  const auto at = pdf.rfind("/ID");
  if (at == std::string::npos) throw std::logic_error("PDF without a trailer /ID");
  const auto digest = sha256(pdf);
  static const char* hex = "0123456789ABCDEF";
  std::string id;
  for (int i = 0; i < 16; ++i) {
    id.push_back(hex[digest[i] >> 4]);
    id.push_back(hex[digest[i] & 0xF]);
  }
  // Both strings of the array: "<" 32 hex digits ">".
  std::size_t pos = at;
  for (int k = 0; k < 2; ++k) {
    pos = pdf.find('<', pos);
    const auto end = pdf.find('>', pos);
    if (pos == std::string::npos || end == std::string::npos || end - pos - 1 != id.size())
      throw std::logic_error("unexpected trailer /ID shape");
    pdf.replace(pos + 1, id.size(), id);
    pos = end + 1;
  }
}

}  // namespace clause::pdf
