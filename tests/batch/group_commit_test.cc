// Group commit (GroupCommit, batch/document_publication.h, issue 16): within the scope an SQLite
// file's commits are flushed once per batch of documents, and a committed document's files keep
// their temporary names until its batch is flushed; on PostgreSQL every file is in place at once.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "batch/document_publication.h"
#include "batch/output_files.h"
#include "store/csv_import.h"
#include "tests/store/test_database.h"

namespace clause {
namespace {

namespace fs = std::filesystem;
using testing::Backend;
using testing::TestDatabase;

class GroupCommitTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    CLAUSE_NEED_BACKEND(GetParam());
    t_ = std::make_unique<TestDatabase>(GetParam());
    db().migrate();
    ASSERT_TRUE(import_directory(db(), fs::path{CLAUSE_SOURCE_DIR} / "tests/import_corpus/base").ok());
    run_ = start_run(db(), "invoices", "--date 2026-11-01", parse_instant("2026-11-01T02:00:00Z").value());
    root_ = fs::temp_directory_path() / ("clause-group-commit-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  Database& db() { return t_->db(); }

  // Issues the invoice of `contract` for `period`; its file is named after its number.
  std::string issue(const char* contract, const char* period = "2026-11") {
    IssuedDocument d;
    d.kind = DocumentKind::invoice;
    d.contract_id = contract;
    d.period = period;
    d.issued_on = parse_date("2026-11-01").value();
    d.total_ht = Money::from_cents(45000);
    d.total_vat = Money::from_cents(9000);
    d.total_ttc = Money::from_cents(54000);
    d.run_id = run_;
    auto r = issue_and_publish(db(), d, [&](IssuedDocument& doc) {
      return std::vector<StagedFile>{stage_bytes(file(*doc.number), "%PDF-1.7 " + *doc.number)};
    });
    return *r.document.number;
  }
  fs::path file(const std::string& number) { return root_ / (number + ".pdf"); }
  bool published(const std::string& number) { return fs::exists(file(number)); }
  bool waiting(const std::string& number) { return fs::exists(temporary_name(file(number))); }
  long long in_ledger() {
    long long n = 0;
    db().session() << "select count(*) from issued_documents", soci::into(n);
    return n;
  }
  int synchronous() {
    int mode = 0;
    db().session() << "PRAGMA synchronous", soci::into(mode);
    return mode;
  }

  std::unique_ptr<TestDatabase> t_;
  long long run_ = 0;
  fs::path root_;
};

// On an SQLite file a committed document's file keeps its temporary name until the flush of its
// batch; on PostgreSQL, whose commits are durable when they return, it is in place at once.
TEST_P(GroupCommitTest, AFileIsUnderItsNameOnceTheCommitHoldingItsRowIsFlushed) {
  const bool held = GetParam() == Backend::sqlite;
  if (held) {
    ASSERT_EQ(synchronous(), 2);  // FULL: SQLite's default, a flush per commit
  }
  {
    GroupCommit group(db(), 3);
    if (held) {
      EXPECT_EQ(synchronous(), 1);  // NORMAL
    }
    const auto first = issue("C-1"), second = issue("C-2");
    EXPECT_EQ(in_ledger(), 2);  // committed ...
    EXPECT_EQ(published(first), !held);
    EXPECT_EQ(published(second), !held);  // ... but on SQLite not yet flushed, so not under their names
    EXPECT_EQ(waiting(first), held);
    EXPECT_EQ(waiting(second), held);
    const auto third = issue("C-1", "2026-10");  // the third of the batch: the three are flushed and renamed
    EXPECT_TRUE(published(first));
    EXPECT_TRUE(published(second));
    EXPECT_TRUE(published(third));
    EXPECT_FALSE(waiting(third));
    const auto fourth = issue("C-2", "2026-10");
    EXPECT_EQ(published(fourth), !held);
    publish_issued_documents();  // what a run does before its manifest
    EXPECT_TRUE(published(fourth));
    EXPECT_FALSE(waiting(fourth));
    EXPECT_EQ(first, "FA-2026-000001");
    EXPECT_EQ(fourth, "FA-2026-000004");
  }
  if (held) {
    EXPECT_EQ(synchronous(), 2);  // the scope's end flushes each commit again
  }
}

TEST_P(GroupCommitTest, TheEndOfTheScopePublishesWhatIsHeld) {
  std::string number;
  {
    GroupCommit group(db(), GroupCommit::kDocumentsPerFlush);
    number = issue("C-1");
    EXPECT_EQ(published(number), GetParam() == Backend::postgresql);  // PostgreSQL: at once
  }
  EXPECT_TRUE(published(number));
  EXPECT_FALSE(waiting(number));
}

TEST_P(GroupCommitTest, WithoutTheScopeAFileIsInPlaceAtOnce) {
  const auto number = issue("C-1");
  EXPECT_TRUE(published(number));
  EXPECT_FALSE(waiting(number));
}

TEST_P(GroupCommitTest, OneScopeAtATime) {
  GroupCommit group(db(), 2);
  EXPECT_THROW({ GroupCommit second(db(), 2); }, std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitTest, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace clause
