#include "reports/pdf/content_stream.h"

#include <podofo/podofo.h>

#include <stdexcept>
#include <string_view>

#include "reports/pdf/deflated_stream.h"

namespace clause::pdf {

void begin_plain_contents(PoDoFo::PdfPainter& painter) {
  PoDoFo::PdfStream* canvas = painter.GetCanvas();
  if (canvas == nullptr || canvas->GetLength() != 0)
    throw std::logic_error("begin_plain_contents: call it on a new page, before drawing");
  canvas->EndAppend();
  // No filter, and bDeleteFilters: the /Filter that SetPage wrote goes too, until deflate_contents.
  canvas->BeginAppend(PoDoFo::TVecFilters(), true, true);
}

void deflate_contents(PoDoFo::PdfPage& page, int level) {
  PoDoFo::PdfObject* contents = page.GetContents();
  const auto* plain = contents == nullptr ? nullptr : dynamic_cast<const PoDoFo::PdfMemStream*>(contents->GetStream());
  if (plain == nullptr) throw std::logic_error("deflate_contents: the page has no in-memory content stream");
  if (contents->GetDictionary().HasKey(PoDoFo::PdfName::KeyFilter))
    throw std::logic_error("deflate_contents: the content stream is already filtered");
  set_deflated_stream(*contents,
                      deflate(std::string_view(plain->Get(), static_cast<std::size_t>(plain->GetLength())), level));
}

}  // namespace clause::pdf
