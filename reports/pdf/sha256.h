// SHA-256 (OpenSSL EVP), for content-derived identifiers: the PDF /ID and the font subset tags.
#pragma once

#include <array>
#include <string_view>

namespace clause::pdf {

std::array<unsigned char, 32> sha256(std::string_view bytes);

}  // namespace clause::pdf
