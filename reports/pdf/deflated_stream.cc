#include "reports/pdf/deflated_stream.h"

#include <podofo/podofo.h>
#include <zlib.h>

#include <stdexcept>

namespace clause::pdf {

std::string deflate(std::string_view bytes, int level) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                static_cast<uLong>(bytes.size()), level) != Z_OK)
    throw std::runtime_error("zlib could not deflate a PDF stream");
  out.resize(size);
  return out;
}

void set_deflated_stream(PoDoFo::PdfObject& object, const std::string& deflated) {
  // SetRawData neither encodes nor touches /Filter: the key says how the bytes already are.
  PoDoFo::PdfMemoryInputStream input(deflated.data(), static_cast<PoDoFo::pdf_long>(deflated.size()));
  object.GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(deflated.size()));
  object.GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName("FlateDecode"));
}

}  // namespace clause::pdf
