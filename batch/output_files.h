// Writing files to disk so that they appear whole or not at all: written to a temporary name in the
// same folder, flushed, then renamed (ARCHITECTURE invariant 1). Issued documents are renamed only
// once their ledger row has committed (batch/document_publication.h); manifests and journals, which
// every run writes anew, are renamed at once. The SHA-256 recorded in the ledger is computed here.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace clause {

// Writes `bytes` to `target` atomically (temporary file + fsync + rename); creates the folder.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);
// The two halves, for jobs that render off the main thread and publish in the ledger transaction:
// write_temporary writes and fsyncs the temporary file beside `target` (creating the folder) and
// returns its name; publish renames it into place and fsyncs the folder.
std::filesystem::path write_temporary(const std::filesystem::path& target, std::string_view bytes);
void publish(const std::filesystem::path& temporary, const std::filesystem::path& target);
// publish without flushing the folder at once: the folder is flushed with the others of the run by
// flush_published_folders(). An issued document's rename need not reach the disk before the next
// document is issued: one a power cut loses leaves the file under its temporary name, which the
// next run publishes from the ledger (batch/output_recovery.h). Flushing the folder of each
// document in its turn was ~1.4 ms on the invoices' main thread (issue 16).
void publish_unflushed(const std::filesystem::path& temporary, const std::filesystem::path& target);
// Flushes the folders publish_unflushed renamed into since the last call, with one syncfs per file
// system they are on: a run calls it before it writes its manifest and reports its documents
// issued. A folder that cannot be opened is reported and kept for the next call. Thread-safe.
void flush_published_folders();
// Flushes a file written by a library (libxlsxwriter writes its own files) to disk.
void sync_file(const std::filesystem::path& file);
// sync_file then publish: for a temporary file a library wrote.
void commit_file(const std::filesystem::path& temporary, const std::filesystem::path& target);
// The temporary name used beside `target` ("target.tmp-<pid>"): a killed run leaves at most these,
// and the next run completes or removes them (batch/output_recovery.h), knowing from the pid
// whether the process that wrote one is still running.
std::filesystem::path temporary_name(const std::filesystem::path& target);
// The pid in a temporary name, or 0 when `file` is not one.
long temporary_owner_pid(const std::filesystem::path& file);
// The name under which a document is rendered ahead of its transaction (batch/billing_pipeline.h),
// "a.pdf" -> "a.pdf.ahead", before its temporary name is added.
std::filesystem::path ahead_name(const std::filesystem::path& target);
// The target a temporary file stands for ("a.pdf.tmp-42" -> "a.pdf"; rendered ahead,
// "a.pdf.ahead.tmp-42" -> "a.pdf").
std::filesystem::path target_of_temporary(const std::filesystem::path& file);

// Lower-case hex SHA-256 of bytes, or of a file's content (read in pieces).
std::string sha256_hex(std::string_view bytes);
std::string sha256_of_file(const std::filesystem::path& file);
// sync_file and sha256_of_file through one descriptor: for a file a library wrote (an XLSX) and
// the ledger records.
std::string sync_file_and_hash(const std::filesystem::path& file);
std::string read_file(const std::filesystem::path& file);

}  // namespace clause
