// Writing issued documents to disk: names safe for any client name, and files that appear whole or
// not at all (written to a temporary name in the same folder, flushed, then renamed: ARCHITECTURE
// invariant 1). The SHA-256 recorded in the ledger and the manifest is computed here.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clause {

// "Boulangerie Lefèvre & Fils" -> "boulangerie-lefevre-fils": lower-case ASCII letters, digits and
// single dashes, at most 60 characters, never empty ("client"), never "." or "..".
std::string safe_file_name(std::string_view text);

// Writes `bytes` to `target` atomically (temporary file + fsync + rename); creates the folder.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);
// Renames an already written temporary file into place after fsync.
void commit_file(const std::filesystem::path& temporary, const std::filesystem::path& target);
// The temporary name used beside `target` ("target.tmp-<pid>").
std::filesystem::path temporary_name(const std::filesystem::path& target);

// Lower-case hex SHA-256 of bytes, or of a file's content.
std::string sha256_hex(std::string_view bytes);
std::string sha256_of_file(const std::filesystem::path& file);
std::string read_file(const std::filesystem::path& file);

}  // namespace clause
