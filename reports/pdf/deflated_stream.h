// Streams Clause deflates itself, with zlib, instead of letting PoDoFo deflate them as it writes:
// PoDoFo deflates at zlib's default level only, and again for every document, where a stream's
// level is a choice (content_stream.h) or its bytes are the same in every document (the ICC profile).
#pragma once

#include <string>
#include <string_view>

namespace PoDoFo {
class PdfObject;
}  // namespace PoDoFo

namespace clause::pdf {

// zlib's level 6, which PoDoFo's FlateDecode filter uses: the same bytes as PoDoFo would write.
inline constexpr int kPodofoDeflateLevel = 6;

// `bytes` deflated in one call (zlib format, as /FlateDecode reads it). Throws std::runtime_error
// if zlib fails.
std::string deflate(std::string_view bytes, int level);

// Makes `deflated` (from deflate()) the stream of `object`, written as it is, with /Filter /FlateDecode.
void set_deflated_stream(PoDoFo::PdfObject& object, const std::string& deflated);

}  // namespace clause::pdf
