// `clause gdpr --apply` and `--replay` on PostgreSQL (issue 14, migrations 007 and 010 in their
// dialect), with the same export and checks as tests/batch/gdpr_test.cc on SQLite: after the purge
// no purged person's name, e-mail or phone is in any table or any file under the output folder,
// the legal documents keep their SHA-256, and replaying the audit file on a copy of the database
// taken before the purge gives the same tables. Skipped unless CLAUSE_TEST_PG is set (CI sets it).
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "batch/output_files.h"
#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    out.push_back(text.substr(start, end - start));
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

class GdprPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    CLAUSE_NEED_BACKEND(Backend::postgresql);
    pg_ = std::make_unique<PostgresWorkspace>("clause_gdpr_" + std::to_string(::getpid()));
    ASSERT_TRUE(pg_->created());
    ws_ = std::make_unique<Workspace>("gdpr-postgres");
    config_ = mail_config(ws_->root(), "mode = \"off\"\n");
    const auto copy = ws_->root() / "export";
    std::filesystem::create_directories(copy);
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(CLAUSE_SOURCE_DIR) / "samples"))
      if (f.path().extension() == ".csv") std::filesystem::copy_file(f.path(), copy / f.path().filename());
    std::ofstream(copy / "outages.csv", std::ios::app)
        << "OUT-PR-0312,SRV-PR-WEB,2024-03-12T08:00:00Z,2024-03-12T09:30:00Z,unplanned,\"Coupure signalée par "
           "gérard perrin (GERARD.PERRIN@PERRIN.FR, +33 6 34 38 42 54)\"\n";
    std::ofstream(copy / "incidents.csv", std::ios::app)
        << "INC-PR-0312,CTR-K-PERRIN,SRV-PR-WEB,2024-03-12T09:00:00+01:00,2024-03-12T09:40:00+01:00,"
           "2024-03-12T10:30:00+01:00,true,server,false,0,Rappel de Sylvie Perrin au +33635455585\n";
    std::ofstream(copy / "price_indices.csv", std::ios::app) << "SYNTEC,2022-02,275.0,2022-03-31\n";
    ASSERT_EQ(clause("init").exit_code, 0);
    ASSERT_EQ(clause("import " + copy.string()).exit_code, 0);
    ASSERT_EQ(clause("invoices --date 2024-03-01 --out " + out()).exit_code, 0);
    ASSERT_EQ(clause("statements --month 2024-03 --out " + out()).exit_code, 0);
    auto sent = clause("send --outbox " + out() + "/outbox");
    ASSERT_EQ(sent.exit_code, 0) << sent.output;
    pg_->psql(
        "INSERT INTO payments (id, invoice_number, paid, amount_cents) SELECT 'PAY-T-' || number, number, "
        "'2024-03-20', ttc_cents FROM issued_documents WHERE kind = 'invoice'");
    for (const auto& line : lines(pg_->psql("SELECT full_name || '|' || email || '|' || phone || '|' || "
                                            "replace(phone, ' ', '') FROM people WHERE account_id IN "
                                            "('ACC-PERRIN', 'ACC-HZ-VIDAL', 'ACC-HZ-KLEIN')"))) {
      std::size_t start = 0;
      for (std::size_t end; start <= line.size(); start = end + 1) {
        end = line.find('|', start);
        if (end == std::string::npos) end = line.size();
        if (end > start) needles_.insert(lower(line.substr(start, end - start)));
      }
    }
  }
  void TearDown() override {
    if (!copy_.empty())
      run_command("psql \"" + with_database(pg_server(), "postgres") + "\" -qAt -c \"DROP DATABASE IF EXISTS " + copy_ +
                  "\"");
  }

  std::string out() const { return ws_->out().string(); }
  std::string audit() const { return (ws_->root() / "gdpr-audit.jsonl").string(); }
  CommandResult clause(const std::string& args, const std::string& url = "") const {
    const std::string db = url.empty() ? pg_->url() : url;
    return run_command("cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + std::string(CLAUSE_BINARY_DIR) +
                       "/batch/clause --config " + config_.string() + " --db '" + db + "' " + args);
  }
  CommandResult gdpr(const std::string& args, const std::string& url = "") const {
    return clause("gdpr " + args + " --out " + out() + " --audit-file " + audit(), url);
  }
  std::string psql_on(const std::string& db, const std::string& query) const {
    return run_command("psql \"" + with_database(pg_server(), db) + "\" -qAt -c \"" + query + "\"").output;
  }
  // Every table but runs (which records each run, the replay's too), one "table|row" a line, sorted;
  // one psql for all of them.
  std::string table_dump(const std::string& db) const {
    std::string query;
    for (const auto& t : lines(psql_on(db,
                                       "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                       "'public' AND table_type = 'BASE TABLE' AND table_name <> 'runs' ORDER BY 1")))
      query += (query.empty() ? "" : " UNION ALL ") + std::string("SELECT '") + t + "|' || x::text FROM " + t + " x";
    auto rows = lines(psql_on(db, query));
    std::sort(rows.begin(), rows.end());
    std::string dump;
    for (const auto& r : rows) dump += r + "\n";
    return dump;
  }
  std::vector<std::string> found_in(const std::string& text) const {
    const std::string l = lower(text);
    std::vector<std::string> found;
    for (const auto& n : needles_)
      if (l.find(n) != std::string::npos) found.push_back(n);
    return found;
  }
  std::vector<std::string> found_in_files() const {
    std::vector<std::string> found;
    for (const auto& f : std::filesystem::recursive_directory_iterator(ws_->out())) {
      if (!f.is_regular_file()) continue;
      const auto ext = f.path().extension();
      const std::string text = ext == ".pdf" ? pdf_text(f.path())
                               : ext == ".xlsx"
                                   ? run_command(
                                         "/usr/bin/python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                         "print(''.join(z.read(n).decode() for n in z.namelist()))\" '" +
                                         f.path().string() + "'")
                                         .output
                                   : read_text(f.path());
      for (const auto& n : found_in(text)) found.push_back(f.path().filename().string() + ": " + n);
    }
    return found;
  }
  std::map<std::string, std::string> legal_files() const {
    std::map<std::string, std::string> files;
    for (const auto& p : lines(pg_->psql("SELECT f.path FROM document_files f JOIN issued_documents d ON "
                                         "d.id = f.document_id WHERE d.kind IN ('invoice', 'credit_note')")))
      files[p] = std::filesystem::exists(p) ? sha256_of_file(p) : "missing";
    return files;
  }

  std::unique_ptr<PostgresWorkspace> pg_;
  std::unique_ptr<Workspace> ws_;
  std::filesystem::path config_;
  std::set<std::string> needles_;
  std::string copy_;
};

TEST_F(GdprPostgres, ApplyLeavesNoPurgedPersonAnywhereKeepsLegalDocumentsAndReplayOnAPrePurgeCopyGivesTheSameTables) {
  ASSERT_EQ(needles_.size(), 24u);  // 6 people: name, e-mail, phone and phone without blanks
  const auto legal_before = legal_files();
  ASSERT_EQ(legal_before.size(), 2u);
  EXPECT_FALSE(found_in(table_dump(pg_->url())).empty());
  ASSERT_EQ(gdpr("--date 2026-11-21").exit_code, 0);  // the night before: its reminder is in the backup
  // The backup taken before the purge: a copy of the database.
  copy_ = "clause_gdpr_copy_" + std::to_string(::getpid());
  psql_on("postgres", "DROP DATABASE IF EXISTS " + copy_);
  ASSERT_EQ(
      psql_on("postgres", "CREATE DATABASE " + copy_ + " TEMPLATE " + "clause_gdpr_" + std::to_string(::getpid())), "");
  auto r = gdpr("--date 2026-11-22 --apply");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("account ACC-PERRIN purged (G1): 2 person(s) erased, 3 text(s) scrubbed, 2 file(s) removed"),
            std::string::npos)
      << r.output;
  const std::string after = table_dump(pg_->url());
  EXPECT_EQ(found_in(after + pg_->psql("SELECT x::text FROM runs x")), std::vector<std::string>{});
  EXPECT_EQ(found_in_files(), std::vector<std::string>{});
  EXPECT_EQ(pg_->psql("SELECT summary FROM incidents WHERE id = 'INC-PR-0312'"), "Rappel de [effacé] au [effacé]\n");
  EXPECT_EQ(legal_files(), legal_before);
  EXPECT_EQ(pg_->psql("SELECT account_id || '|' || people_erased || '|' || texts_scrubbed || '|' || files_removed "
                      "FROM gdpr_purges ORDER BY account_id"),
            "ACC-HZ-KLEIN|2|1|0\nACC-HZ-VIDAL|2|1|0\nACC-PERRIN|2|3|2\n");
  EXPECT_EQ(found_in(read_text(audit())), std::vector<std::string>{});
  r = gdpr("--date 2026-11-22 --apply");  // a rerun does nothing
  EXPECT_NE(r.output.find("0 account(s) purged"), std::string::npos) << r.output;
  // The restore: the copy, replayed.
  const std::string copy_url = with_database(pg_server(), copy_);
  ASSERT_NE(table_dump(copy_url), after);
  r = gdpr("--replay", copy_url);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("3 purge(s) and 0 destruction(s) applied again"), std::string::npos) << r.output;
  std::ofstream(ws_->root() / "after.dump") << after;
  std::ofstream(ws_->root() / "replayed.dump") << table_dump(copy_url);
  EXPECT_EQ(
      run_command("diff " + (ws_->root() / "after.dump").string() + " " + (ws_->root() / "replayed.dump").string())
          .output,
      "");
}

}  // namespace
}  // namespace clause::testing
