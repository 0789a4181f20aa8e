// Staged files written through one descriptor (write_temporary, sync_file_and_hash:
// batch/output_files.h, issue 16): the folder made only when missing, a failed write leaving
// nothing behind, and the SHA-256 the ledger records checked against the standard's test vectors.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <stdexcept>

#include "batch/output_files.h"
#include "model/whole_file.h"

namespace clause {
namespace {

namespace fs = std::filesystem;

class OutputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("clause-output-files-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(OutputFiles, WriteTemporaryMakesTheMissingFoldersAndWritesTheBytes) {
  const fs::path target = root_ / "client-a" / "2026" / "FA-2026-000001.pdf";
  const fs::path tmp = write_temporary(target, "%PDF-1.7 a");
  EXPECT_EQ(tmp, temporary_name(target));
  EXPECT_EQ(read_whole_file(tmp).value_or(""), "%PDF-1.7 a");
  EXPECT_FALSE(fs::exists(target));  // published only by publish()
  // Into the folder that now exists, and over an older temporary file of the same name.
  EXPECT_EQ(read_whole_file(write_temporary(target, "b")).value_or(""), "b");
}

TEST_F(OutputFiles, WriteTemporaryUnderAFileSaysWhichAndWritesNothing) {
  std::ofstream(root_ / "not-a-folder") << "x";
  const fs::path target = root_ / "not-a-folder" / "FA-2026-000001.pdf";
  try {
    write_temporary(target, "%PDF-1.7");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot write " + temporary_name(target).string()), std::string::npos)
        << e.what();
  }
}

TEST_F(OutputFiles, AWriteCutShortLeavesNoPartialFile) {
  // A file-size limit of 16 bytes stands for a full disk: the 17th byte fails with EFBIG.
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit previous{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
  rlimit limited = previous;
  limited.rlim_cur = 16;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
  const fs::path target = root_ / "FA-2026-000002.pdf";
  std::string message;
  try {
    write_temporary(target, std::string(100, 'x'));
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &previous);
  std::signal(SIGXFSZ, previous_handler);
  EXPECT_NE(message.find("cannot write " + temporary_name(target).string() + ": File too large"), std::string::npos)
      << message;
  EXPECT_FALSE(fs::exists(temporary_name(target)));
}

TEST_F(OutputFiles, SyncFileAndHashGivesTheStandardsDigests) {
  // FIPS 180-2 test vectors: "abc", and one million times "a" (read in several pieces).
  std::ofstream(root_ / "abc", std::ios::binary) << "abc";
  EXPECT_EQ(sync_file_and_hash(root_ / "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::ofstream(root_ / "million", std::ios::binary) << std::string(1000000, 'a');
  EXPECT_EQ(sync_file_and_hash(root_ / "million"), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  std::ofstream(root_ / "empty", std::ios::binary);
  EXPECT_EQ(sync_file_and_hash(root_ / "empty"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(OutputFiles, SyncFileAndHashOfAMissingFileSaysWhich) {
  try {
    sync_file_and_hash(root_ / "gone.xlsx.tmp-1");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open " + (root_ / "gone.xlsx.tmp-1").string()), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace clause
