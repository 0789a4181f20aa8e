// Where issued documents go on disk. Two distinct documents never share a path, whatever their ids
// (ARCHITECTURE invariant 1): every id is written into a path through path_segment, which is
// injective, and the readable part taken from a client's name is only a prefix that a fixed
// separator keeps apart from it. The ledger checks the result again before a file is published
// (store/ledger.h, document_files), so a collision would be an error, never an overwrite.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clause {

// An id as one path component, injectively: ASCII letters, digits, '-' and a '.' that is not first
// are kept (case kept: "CTR-A" and "ctr-a" stay apart), any other byte becomes "_XX" (upper-case
// hex; '_' itself "_5F", a leading '.' "_2E": never ".", ".." or a hidden file):
// "C.1" -> "C.1", "c 1/é" -> "c_201_2F_C3_A9". Never empty ("_" for the empty id).
std::string path_segment(std::string_view id);

// "Boulangerie Lefèvre & Fils" -> "boulangerie-lefevre-fils": lower-case ASCII letters, digits and
// single dashes, at most 40 characters, never empty ("client"). Readable only, not unique.
std::string readable_slug(std::string_view text);

// A client's folder: "<readable_slug(name)>--<path_segment(account id)>". The slug never holds
// "--" nor ends with '-', so the first "--" separates the two and distinct accounts get distinct
// folders whatever their names.
std::string client_folder_name(std::string_view account_name, std::string_view account_id);

}  // namespace clause
