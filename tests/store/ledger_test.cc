// The ledger on both backends: B7 numbering (continuous per kind and year, allocated with the
// record, no gap when rendering fails), invariant 1 (a rerun finds the document and issues
// nothing), the files recorded with a document (one document per path), runs and interrupted
// runs, service credits and the audit log.
#include "store/ledger.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/csv_import.h"
#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

Instant at(const char* text) { return parse_instant(text).value(); }
Date day(const char* text) { return parse_date(text).value(); }
const std::string kDigest(64, 'a'), kOtherDigest(64, 'b');

class Ledger : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    CLAUSE_NEED_BACKEND(GetParam());
    t_ = std::make_unique<TestDatabase>(GetParam());
    db().migrate();
    ASSERT_TRUE(import_directory(db(), std::filesystem::path{CLAUSE_SOURCE_DIR} / "tests/import_corpus/base").ok());
    run_ = start_run(db(), "invoices", "--date 2026-11-01", at("2026-11-01T02:00:00Z"));
  }
  Database& db() { return t_->db(); }
  IssuedDocument draft(DocumentKind kind, const char* contract, const char* period, const char* issued) {
    IssuedDocument d;
    d.kind = kind;
    d.contract_id = contract;
    d.period = period;
    d.issued_on = day(issued);
    d.total_ht = Money::from_cents(45000);
    d.total_vat = Money::from_cents(9000);
    d.total_ttc = Money::from_cents(54000);
    d.run_id = run_;
    return d;
  }
  // Issues a document whose "file" is named after its number.
  IssueResult issue(const IssuedDocument& d) {
    return issue_document(db(), d, [](IssuedDocument& doc) {
      doc.path = "out/" + doc.contract_id + "/" + doc.number.value_or(doc.period) + ".pdf";
      doc.sha256 = kDigest;
      return std::vector<DocumentFile>{{doc.path, doc.sha256}};
    });
  }
  std::unique_ptr<TestDatabase> t_;
  long long run_ = 0;
};

TEST_P(Ledger, NumbersAreContinuousPerKindAndYear) {  // B7
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01")).document.number, "FA-2026-000001");
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-2", "2026-11", "2026-11-01")).document.number, "FA-2026-000002");
  EXPECT_EQ(issue(draft(DocumentKind::credit_note, "C-1", "2026-10", "2026-11-01")).document.number, "AV-2026-000001");
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-1", "2027-01", "2027-01-01")).document.number, "FA-2027-000001");
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-1", "2026-12", "2026-12-01")).document.number, "FA-2026-000003");
  EXPECT_EQ(issue(draft(DocumentKind::statement, "C-1", "2026-10", "2026-11-01")).document.number, std::nullopt);
}

TEST_P(Ledger, ADocumentDatedBeforeTheLatestOfItsSequenceIsRefused) {  // B7: numbers follow the dates
  issue(draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-20"));
  EXPECT_EQ(numbering_would_go_back(db(), DocumentKind::invoice, day("2026-11-05")),
            "FA-2026-000001 is dated 2026-11-20: a document of its sequence dated 2026-11-05 would be numbered out of "
            "date order (B7)");
  bool produced = false;
  EXPECT_THROW(issue_document(db(), draft(DocumentKind::invoice, "C-2", "2026-11", "2026-11-05"),
                              [&](IssuedDocument&) {
                                produced = true;
                                return std::vector<DocumentFile>{};
                              }),
               NumberingOutOfOrder);
  EXPECT_FALSE(produced);
  EXPECT_FALSE(find_issued_document(db(), DocumentKind::invoice, "C-2", "2026-11"));
  // The same day, a later day, another kind and another year's sequence are all in order, and the
  // refused document used no number.
  EXPECT_EQ(numbering_would_go_back(db(), DocumentKind::invoice, day("2026-11-20")), std::nullopt);
  EXPECT_EQ(numbering_would_go_back(db(), DocumentKind::credit_note, day("2026-11-05")), std::nullopt);
  EXPECT_EQ(numbering_would_go_back(db(), DocumentKind::invoice, day("2025-12-31")), std::nullopt);
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-2", "2026-11", "2026-11-20")).document.number, "FA-2026-000002");
}

TEST_P(Ledger, RerunFindsTheDocumentAndIssuesNothing) {  // invariant 1
  IssueResult first = issue(draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01"));
  ASSERT_TRUE(first.newly_issued);
  EXPECT_EQ(first.document.path, "out/C-1/FA-2026-000001.pdf");
  t_->reopen();
  bool produced = false;
  IssueResult again =
      issue_document(db(), draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01"), [&](IssuedDocument&) {
        produced = true;
        return std::vector<DocumentFile>{};
      });
  EXPECT_FALSE(again.newly_issued);
  EXPECT_FALSE(produced);
  EXPECT_EQ(again.document, first.document);
  EXPECT_EQ(load_issued_documents_of_contract(db(), "C-1"), std::vector<IssuedDocument>{first.document});
}

TEST_P(Ledger, FailedRenderingLeavesNoGap) {  // B7: no gap
  EXPECT_THROW(
      issue_document(db(), draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01"),
                     [](IssuedDocument&) -> std::vector<DocumentFile> { throw std::runtime_error("disk full"); }),
      std::runtime_error);
  EXPECT_FALSE(find_issued_document(db(), DocumentKind::invoice, "C-1", "2026-11"));
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01")).document.number, "FA-2026-000001");
}

TEST_P(Ledger, EveryFileOfADocumentIsRecordedWithIt) {  // invariant 1: published after the commit
  IssueResult statement =
      issue_document(db(), draft(DocumentKind::statement, "C-1", "2026-10", "2026-11-01"), [](IssuedDocument& doc) {
        doc.path = "out/C-1-releve.pdf";
        doc.sha256 = kDigest;
        return std::vector<DocumentFile>{{doc.path, kDigest}, {"out/C-1-releve.xlsx", kOtherDigest}};
      });
  EXPECT_EQ(find_document_file(db(), "out/C-1-releve.xlsx"),
            (RecordedFile{{"out/C-1-releve.xlsx", kOtherDigest}, DocumentKind::statement, "C-1", "2026-10"}));
  EXPECT_EQ(find_document_file(db(), "out/nothing.pdf"), std::nullopt);
  EXPECT_EQ(load_document_files(db()).size(), 2u);
  EXPECT_TRUE(statement.newly_issued);
}

TEST_P(Ledger, APathHeldByAnotherDocumentIsRefusedAndUsesNoNumber) {  // invariant 1: never an overwrite
  issue(draft(DocumentKind::invoice, "C-1", "2026-11", "2026-11-01"));
  try {
    issue_document(db(), draft(DocumentKind::invoice, "C-2", "2026-11", "2026-11-01"), [](IssuedDocument& doc) {
      doc.path = "out/C-1/FA-2026-000001.pdf";  // C-1's file
      doc.sha256 = kOtherDigest;
      return std::vector<DocumentFile>{{doc.path, doc.sha256}};
    });
    ADD_FAILURE() << "no PathTaken";
  } catch (const PathTaken& e) {
    EXPECT_STREQ(e.what(),
                 "out/C-1/FA-2026-000001.pdf already holds the invoice of contract C-1 for 2026-11: not overwritten");
  }
  EXPECT_FALSE(find_issued_document(db(), DocumentKind::invoice, "C-2", "2026-11"));
  EXPECT_EQ(issue(draft(DocumentKind::invoice, "C-2", "2026-11", "2026-11-01")).document.number, "FA-2026-000002");
}

TEST_P(Ledger, ARunWhoseProcessEndedIsMarkedInterruptedByTheNext) {
  // The fixture's run was started by this process, which is alive: it is left alone. A run of a
  // process that has ended (a child that exited) is marked failed with a note.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  db().session() << "UPDATE runs SET pid = " + std::to_string(child) + " WHERE id = " + std::to_string(run_);
  const long long next = start_run(db(), "invoices", "--date 2026-11-02", at("2026-11-02T02:00:00Z"));
  EXPECT_EQ(mark_interrupted_runs(db(), next), std::vector<long long>{run_});
  clause::Run killed = load_run(db(), run_).value();
  EXPECT_EQ(killed.status, RunStatus::failed);
  EXPECT_EQ(killed.note, "interrupted: its process " + std::to_string(child) +
                             " ended before the run finished (found by run " + std::to_string(next) + ")");
  EXPECT_EQ(load_run(db(), next)->status, RunStatus::running);  // this process: still going
  EXPECT_EQ(mark_interrupted_runs(db(), next), std::vector<long long>{});
}

TEST_P(Ledger, RunsRecordTheirOutcome) {
  finish_run(db(), run_, at("2026-11-01T02:05:00Z"), RunStatus::partial, {40, 1, 39});
  clause::Run r = load_run(db(), run_).value();
  EXPECT_EQ(r, (clause::Run{run_,
                            "invoices",
                            "--date 2026-11-01",
                            at("2026-11-01T02:00:00Z"),
                            at("2026-11-01T02:05:00Z"),
                            RunStatus::partial,
                            {40, 1, 39},
                            ""}));
  EXPECT_FALSE(load_run(db(), run_ + 1000));
}

TEST_P(Ledger, ServiceCreditsAreReplacedByServiceAndMonth) {
  upsert_service_credits(
      db(), {{"C-1", "S-1", {2026, 10}, Money::from_cents(4500)}, {"C-1", "S-2", {2026, 10}, Money::from_cents(6000)}});
  upsert_service_credits(db(), {{"C-1", "S-1", {2026, 10}, Money::from_cents(11250)}});
  EXPECT_EQ(load_service_credits_of_contract(db(), "C-1"),
            (std::vector<ServiceCredit>{{"C-1", "S-1", {2026, 10}, Money::from_cents(11250)},
                                        {"C-1", "S-2", {2026, 10}, Money::from_cents(6000)}}));
}

TEST_P(Ledger, AuditLogRoundTrips) {
  append_audit_entry(db(), {0, at("2026-11-01T03:00:00Z"), run_, "purge_people", "account", "A-2", "2 people"});
  append_audit_entry(db(), {0, at("2026-11-01T03:01:00Z"), std::nullopt, "import", "directory", "", "34 rows"});
  auto log = load_audit_log(db());
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].run_id, run_);
  EXPECT_EQ(log[0].entity_id, "A-2");
  EXPECT_EQ(log[1].run_id, std::nullopt);
  EXPECT_EQ(log[1].at, at("2026-11-01T03:01:00Z"));
}

INSTANTIATE_TEST_SUITE_P(Backends, Ledger, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace clause
