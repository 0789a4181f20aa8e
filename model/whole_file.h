// Reading a whole file into memory: SQL files, templates, wording files, fonts, images, exports,
// issued documents. The one routine every layer above uses (issue 11), in model/ because store/
// and reports/ both need it and neither may depend on the other. It answers "no bytes" instead of
// throwing, so that each caller keeps the message its users read ("cannot read font file ...").
// rules/ stays pure and never includes it (tests/layering).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace clause {

// The bytes of `file`, or nothing when it cannot be opened.
std::optional<std::string> read_whole_file(const std::filesystem::path& file);

}  // namespace clause
