// A page's content stream, deflated once when the page is painted instead of piece by piece.
//
// PoDoFo's painter deflates every Append as it comes, at zlib's default level, which it does not
// let one choose: 13.5 % of a statement run's CPU samples (docs/speed.md). The painter writes into
// a plain stream instead, and the finished page is deflated in one call at kContentDeflateLevel.
#pragma once

namespace PoDoFo {
class PdfPainter;
class PdfPage;
}  // namespace PoDoFo

namespace clause::pdf {

// zlib's fastest level. Against the default (6) it costs 3.6x less on a statement's 27.7 kB of
// operators, and 10,000 clients' statement PDFs grew by 3.2 kB each (+3.8 %; docs/speed.md): the
// documents are written every night and mostly read once, so the CPU is worth more than the bytes.
inline constexpr int kContentDeflateLevel = 1;

// Restarts the painter's current page stream with no filter, so that the painter's appends copy
// bytes. Call right after PdfPainter::SetPage, before anything is drawn.
void begin_plain_contents(PoDoFo::PdfPainter& painter);

// Replaces the page's plain content stream by its deflated bytes, with /Filter /FlateDecode.
// Call after PdfPainter::FinishPage.
void deflate_contents(PoDoFo::PdfPage& page, int level = kContentDeflateLevel);

}  // namespace clause::pdf
