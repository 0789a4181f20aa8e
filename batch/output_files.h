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
// The two halves, for jobs that render off the main thread and publish in the ledger transaction:
// write_temporary writes and fsyncs the temporary file beside `target` (creating the folder) and
// returns its name; publish renames it into place and fsyncs the folder.
std::filesystem::path write_temporary(const std::filesystem::path& target, std::string_view bytes);
void publish(const std::filesystem::path& temporary, const std::filesystem::path& target);
// Flushes a file written by a library (libxlsxwriter writes its own files) to disk.
void sync_file(const std::filesystem::path& file);
// sync_file then publish: for a temporary file a library wrote.
void commit_file(const std::filesystem::path& temporary, const std::filesystem::path& target);
// The temporary name used beside `target` ("target.tmp-<pid>"): a killed run leaves at most these,
// which the next run overwrites or removes.
std::filesystem::path temporary_name(const std::filesystem::path& target);

// Lower-case hex SHA-256 of bytes, or of a file's content.
std::string sha256_hex(std::string_view bytes);
std::string sha256_of_file(const std::filesystem::path& file);
std::string read_file(const std::filesystem::path& file);

}  // namespace clause
