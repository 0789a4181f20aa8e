// `clause gdpr` (issue 14, RULES G1-G6) through the CLI on a copy of the samples. On 2026-11-22
// the samples hold three purgeable accounts (samples/README.md case 15: Garage Perrin, Fromagerie
// Vidal, Studio Photo Klein), Agence Web Horizon kept by its active sub-account (G2) and Librairie
// Fontaine inactive on 2026-12-10 (G4). The copy adds what a real export holds about a client
// gone quiet, so that the purge has everything to find: an outage and an incident of Perrin's
// server whose texts quote its people (name in another case, e-mail in capitals, a phone without
// blanks), the SYNTEC index its 2022 revision needs, and Perrin's invoice and statement of March
// 2024 (issued here, the invoice paid), so that a legal document and a regenerable one exist.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "batch/output_files.h"
#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::read_text;
using testing::run_command;
using testing::Workspace;

std::string ascii_lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    out.push_back(text.substr(start, end - start));
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

class Gdpr : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    ws_ = std::make_unique<Workspace>("gdpr-" + name);
    const auto copy = ws_->root() / "export";
    std::filesystem::create_directories(copy);
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(CLAUSE_SOURCE_DIR) / "samples"))
      if (f.path().extension() == ".csv") std::filesystem::copy_file(f.path(), copy / f.path().filename());
    append(copy / "outages.csv",
           "OUT-PR-0312,SRV-PR-WEB,2024-03-12T08:00:00Z,2024-03-12T09:30:00Z,unplanned,\"Coupure signalée par "
           "gérard perrin (GERARD.PERRIN@PERRIN.FR, +33 6 34 38 42 54)\"\n");
    append(copy / "incidents.csv",
           "INC-PR-0312,CTR-K-PERRIN,SRV-PR-WEB,2024-03-12T09:00:00+01:00,2024-03-12T09:40:00+01:00,"
           "2024-03-12T10:30:00+01:00,true,server,false,0,Rappel de Sylvie Perrin au +33635455585\n");
    append(copy / "price_indices.csv", "SYNTEC,2022-02,275.0,2022-03-31\n");
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(clause("import " + copy.string()).exit_code, 0);
    ASSERT_EQ(clause("invoices --date 2024-03-01 --out " + out()).exit_code, 0);
    ASSERT_EQ(clause("statements --month 2024-03 --out " + out()).exit_code, 0);
    // The e-mails of those documents, in the outbox: they carry the people's names and addresses.
    auto sent = clause("send --outbox " + out() + "/outbox");
    ASSERT_EQ(sent.exit_code, 0) << sent.output;
    ws_->sql(
        "insert into payments (id, invoice_number, paid, amount_cents) select 'PAY-T-' || number, number, "
        "'2024-03-20', ttc_cents from issued_documents where kind = 'invoice'");
    // The personal data of the purgeable accounts, as the export gives it.
    for (const auto& line : lines_of(ws_->sql("select full_name, email, phone, replace(phone, ' ', '') from people "
                                              "where account_id in ('ACC-PERRIN', 'ACC-HZ-VIDAL', 'ACC-HZ-KLEIN')"))) {
      std::size_t start = 0;
      for (std::size_t end; start <= line.size(); start = end + 1) {
        end = line.find('|', start);
        if (end == std::string::npos) end = line.size();
        if (end > start) needles_.insert(ascii_lower(line.substr(start, end - start)));
      }
    }
    // Their postal addresses' first lines (the street): in the database only, since the invoices
    // keep the billing address as issued (G3).
    for (const auto& line : lines_of(ws_->sql("select postal_address from people where postal_address <> '' and "
                                              "account_id in ('ACC-PERRIN', 'ACC-HZ-VIDAL', 'ACC-HZ-KLEIN')")))
      if (line.size() > 6 &&
          !(std::all_of(line.begin(), line.begin() + 5, ::isdigit) && line[5] == ' '))  // not "33000 Bordeaux"
        street_needles_.insert(ascii_lower(line));
  }

  static void append(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::app) << text;
  }
  std::string out() const { return ws_->out().string(); }
  std::string audit() const { return (ws_->root() / "gdpr-audit.jsonl").string(); }
  std::string exported() const { return (ws_->root() / "export").string(); }
  testing::CommandResult clause(const std::string& args) const { return ws_->clause(args); }
  testing::CommandResult gdpr(const std::string& args, const std::string& env = "") const {
    return run_command("cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + env + " " + std::string(CLAUSE_BINARY_DIR) +
                       "/batch/clause --db " + ws_->db_url() + " gdpr " + args + " --out " + out() + " --audit-file " +
                       audit());
  }
  std::string db_file() const { return (ws_->root() / "clause.db").string(); }

  // The purged people's data found in `text`, ASCII case-insensitively.
  std::vector<std::string> found_in(const std::string& text) const {
    const std::string lower = ascii_lower(text);
    std::vector<std::string> found;
    for (const auto& n : needles_)
      if (lower.find(n) != std::string::npos) found.push_back(n);
    return found;
  }
  // "file: needle" for each purged person's datum in a file under the output folder.
  std::vector<std::string> found_in_files() const {
    std::vector<std::string> found;
    for (const auto& f : std::filesystem::recursive_directory_iterator(ws_->out())) {
      if (!f.is_regular_file()) continue;
      const auto ext = f.path().extension();
      const std::string text = ext == ".pdf" ? testing::pdf_text(f.path())
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
  // Every table but runs (which records each run, the replay's too), rows sorted.
  std::string table_dump(const std::string& db) const {
    std::string dump;
    for (const auto& t : lines_of(run_command("sqlite3 " + db +
                                              " \"select name from sqlite_master where type = "
                                              "'table' and name <> 'runs' order by name\"")
                                      .output)) {
      auto rows = lines_of(run_command("sqlite3 " + db + " \"select * from " + t + "\"").output);
      std::sort(rows.begin(), rows.end());
      dump += "== " + t + "\n";
      for (const auto& r : rows) dump += r + "\n";
    }
    return dump;
  }
  // path -> SHA-256 on disk of every issued invoice and credit note.
  std::map<std::string, std::string> legal_files() const {
    std::map<std::string, std::string> out;
    for (const auto& p : lines_of(ws_->sql("select f.path from document_files f join issued_documents d on "
                                           "d.id = f.document_id where d.kind in ('invoice', 'credit_note')")))
      out[p] = std::filesystem::exists(p) ? sha256_of_file(p) : "missing";
    return out;
  }

  // found_in with the streets too: the scan of the database.
  std::vector<std::string> found_in_database() const {
    const std::string dump = run_command("sqlite3 " + db_file() + " .dump").output;
    std::vector<std::string> found = found_in(dump);
    const std::string lower = ascii_lower(dump);
    for (const auto& n : street_needles_)
      if (lower.find(n) != std::string::npos) found.push_back(n);
    return found;
  }

  std::unique_ptr<Workspace> ws_;
  std::set<std::string> needles_;
  std::set<std::string> street_needles_;
};

TEST_F(Gdpr, DryRunListsG1G2G4ChangesNoPersonalDataAndWritesOneReminder) {
  auto r = gdpr("--date 2026-11-22");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("3 inactive, 1 kept, 1 soon inactive (1 reminder(s) queued for `clause send`)"),
            std::string::npos)
      << r.output;
  const std::string pdf = testing::collapsed_pdf_text(ws_->out() / "gdpr" / "gdpr-2026-11-22.pdf");
  EXPECT_NE(pdf.find("ACC-PERRIN Garage Perrin SARL client 15/03/2024 15/03/2026 G1 à purger"), std::string::npos)
      << pdf;
  EXPECT_NE(pdf.find("ACC-HZ-VIDAL Fromagerie Vidal sous-compte 10/05/2022 10/05/2024 G1 à purger"), std::string::npos)
      << pdf;
  EXPECT_NE(pdf.find("30/06/2023 30/06/2025 G2 sous-compte actif"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("ACC-FONTAINE Librairie Fontaine 10/12/2024 10/12/2026 rappel à envoyer depuis le 22/11/2026"),
            std::string::npos)
      << pdf;
  EXPECT_EQ(run_command("qpdf --check " + (ws_->out() / "gdpr" / "gdpr-2026-11-22.pdf").string()).exit_code, 0);
  const std::string sheets = run_command("/usr/bin/python3 -c \"import openpyxl; wb = openpyxl.load_workbook('" +
                                         (ws_->out() / "gdpr" / "gdpr-2026-11-22.xlsx").string() +
                                         "'); print(wb.sheetnames); print([c.value for c in wb['Inactifs'][2]])\"")
                                 .output;
  EXPECT_NE(sheets.find("'Synthèse', 'Inactifs', 'Conservés', 'Bientôt inactifs'"), std::string::npos) << sheets;
  EXPECT_NE(sheets.find("'ACC-HZ-KLEIN', 'Studio Photo Klein'"), std::string::npos) << sheets;
  EXPECT_EQ(ws_->sql("select count(*) from people where full_name <> ''"), "31\n");
  EXPECT_FALSE(std::filesystem::exists(audit()));
  // G4: queued for `clause send` (tests/batch/gdpr_reminder_smtp_test.cc), once per inactivity period.
  r = gdpr("--date 2026-11-23");
  EXPECT_NE(r.output.find("1 soon inactive (0 reminder(s) queued"), std::string::npos) << r.output;
  EXPECT_EQ(ws_->sql("select account_id, last_activity, reminded_on, status from gdpr_reminders"),
            "ACC-FONTAINE|2024-12-10|2026-11-22|queued\n");
}

// G4 through `clause send` (outbox mode): the reminder is written once as an e-mail, recorded on
// its row, and removed by the purge that follows the period it warned of (G3, regenerable).
TEST_F(Gdpr, G4TheReminderIsEMailedOnceBySendAndRemovedByTheLaterPurge) {
  ASSERT_EQ(gdpr("--date 2026-11-22").exit_code, 0);
  const std::string outbox = out() + "/outbox";
  auto sent = clause("send --outbox " + outbox);
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_NE(sent.output.find("account ACC-FONTAINE, GDPR reminder (inactive on 2026-12-10), message <"),
            std::string::npos)
      << sent.output;
  const auto eml = ws_->out() / "outbox" / "2026-11-22" / "gdpr-reminder--ACC-FONTAINE.eml";
  EXPECT_EQ(ws_->sql("select status, attempts, recipients, path from gdpr_reminders"),
            "sent|1|2|" + eml.string() + "\n");
  const std::string message = read_text(eml);
  EXPECT_NE(message.find("To: \"Denis Fontaine\" <denis.fontaine@fontaine.fr>,"), std::string::npos) << message;
  // A rerun of both sends nothing twice.
  ASSERT_EQ(gdpr("--date 2026-11-23").exit_code, 0);
  sent = clause("send --outbox " + outbox);
  EXPECT_EQ(sent.output.find("GDPR reminder"), std::string::npos) << sent.output;
  EXPECT_EQ(ws_->sql("select attempts from gdpr_reminders"), "1\n");
  // 2026-12-10: Fontaine is inactive (G1); its purge removes the reminder with the rest.
  auto r = gdpr("--date 2026-12-10 --apply");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("account ACC-FONTAINE purged (G1)"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(eml));
  EXPECT_EQ(ws_->sql("select reminders_removed from gdpr_purges where account_id = 'ACC-FONTAINE'"), "1\n");
  EXPECT_EQ(ws_->sql("select status, path from gdpr_reminders"), "sent|\n");
}

TEST_F(Gdpr, ApplyLeavesNoPurgedPersonInAnyTableOrFileKeepsLegalDocumentsAndAuditsWithoutPersonalData) {
  ASSERT_EQ(needles_.size(), 24u);  // 6 people: name, e-mail, phone and phone without blanks
  const auto legal_before = legal_files();
  ASSERT_EQ(legal_before.size(), 2u);     // FA-2024-000001 (Perrin) and FA-2024-000002 (Vernet)
  ASSERT_EQ(street_needles_.size(), 3u);  // Route de Grenoble, 2 rue du Marché, 110 rue Judaïque
  EXPECT_FALSE(found_in(run_command("sqlite3 " + db_file() + " .dump").output).empty());
  const std::string perrin_mail = run_command("find " + out() + "/outbox -name 'ACC-PERRIN.eml'").output;
  EXPECT_NE(perrin_mail, "");  // the send of SetUp wrote it
  auto r = gdpr("--date 2026-11-22 --apply");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("account ACC-PERRIN purged (G1): 2 person(s) erased, 3 text(s) scrubbed, 2 file(s) removed"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(found_in_database(), std::vector<std::string>{});
  EXPECT_EQ(found_in_files(), std::vector<std::string>{});
  EXPECT_EQ(run_command("find " + out() + "/outbox -name 'ACC-PERRIN*.eml'").output, "");  // regenerable: removed
  EXPECT_EQ(ws_->sql("select summary from outages where id = 'OUT-PR-0312'"),
            "Coupure signalée par [effacé] ([effacé], [effacé])\n");
  EXPECT_EQ(ws_->sql("select summary from incidents where id = 'INC-PR-0312'"), "Rappel de [effacé] au [effacé]\n");
  EXPECT_EQ(legal_files(), legal_before);
  EXPECT_FALSE(std::filesystem::exists(ws_->out() / "2024-03" / "garage-perrin-sarl--ACC-PERRIN" /
                                       "CTR-K-PERRIN-releve-2024-03.pdf"));
  EXPECT_TRUE(std::filesystem::exists(ws_->out() / "2024-03" / "laboratoire-bioanalyse-vernet-selas--ACC-VERNET" /
                                      "CTR-K-VERNET-releve-2024-03.pdf"));
  // The audit rows: ids, dates, rule ids and counts, in the database and in the file.
  EXPECT_EQ(ws_->sql("select account_id, purged_on, last_activity, rules, people_erased, texts_scrubbed, "
                     "files_removed, reminders_removed from gdpr_purges order by account_id"),
            "ACC-HZ-KLEIN|2026-11-22|2023-01-15|G1 G3|2|1|0|0\n"
            "ACC-HZ-VIDAL|2026-11-22|2022-05-10|G1 G3|2|1|0|0\n"
            "ACC-PERRIN|2026-11-22|2024-03-15|G1 G3|2|3|2|0\n");  // the outage, the incident, the billing address
  // The billing address was Gérard Perrin's postal address (people.csv): erased with it.
  EXPECT_EQ(ws_->sql("select address from accounts where id = 'ACC-PERRIN'"), "Garage Perrin SARL\n[effacé]\n");
  const std::string file = read_text(audit());
  EXPECT_EQ(lines_of(file).size(), 3u);
  EXPECT_EQ(found_in(file), std::vector<std::string>{});
  // A rerun does nothing.
  r = gdpr("--date 2026-11-22 --apply");
  EXPECT_NE(r.output.find("0 account(s) purged"), std::string::npos) << r.output;
  EXPECT_EQ(read_text(audit()), file);
}

TEST_F(Gdpr, G5ReimportKeepsPurgedPeopleErasedAndSaysHowMany) {
  ASSERT_EQ(gdpr("--date 2026-11-22 --apply").exit_code, 0);
  const std::string after = table_dump(db_file());
  auto r = clause("import " + exported());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("6 row(s) of people erased by a GDPR purge came back in the export and were kept erased"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(found_in_database(), std::vector<std::string>{});
  EXPECT_EQ(table_dump(db_file()), after);
}

TEST_F(Gdpr, G5ReplayOnAPrePurgeBackupGivesTheDatabaseAfterTheApply) {
  ASSERT_EQ(gdpr("--date 2026-11-21").exit_code, 0);  // the night before: its reminder is in the backup
  const std::string backup = (ws_->root() / "backup.db").string();
  ASSERT_EQ(run_command("sqlite3 " + db_file() + " \".backup " + backup + "\"").exit_code, 0);
  ASSERT_EQ(gdpr("--date 2026-11-22 --apply").exit_code, 0);
  const std::string after = table_dump(db_file());
  ASSERT_EQ(run_command("sqlite3 " + backup + " \".backup " + db_file() + "\"").exit_code, 0);  // the restore
  ASSERT_NE(table_dump(db_file()), after);
  auto r = gdpr("--replay");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("3 purge(s) and 0 destruction(s) applied again"), std::string::npos) << r.output;
  std::ofstream(ws_->root() / "after.dump") << after;
  std::ofstream(ws_->root() / "replayed.dump") << table_dump(db_file());
  EXPECT_EQ(
      run_command("diff " + (ws_->root() / "after.dump").string() + " " + (ws_->root() / "replayed.dump").string())
          .output,
      "");
  EXPECT_NE(gdpr("--replay").output.find("0 purge(s)"), std::string::npos);
}

TEST_F(Gdpr, KilledBeforeTheCommitLeavesNothingOfThatAccountsPurgeAndTheRerunFinishesIt) {
  // Perrin is the third account (by id): killed once its line is in the audit file, before the commit.
  auto r = gdpr("--date 2026-11-22 --apply", "CLAUSE_KILL_POINT=gdpr_audited CLAUSE_KILL_AFTER_ACCOUNTS=3");
  ASSERT_EQ(r.exit_code, 9) << r.output;
  EXPECT_EQ(ws_->sql("select account_id from gdpr_purges order by 1"), "ACC-HZ-KLEIN\nACC-HZ-VIDAL\n");
  EXPECT_EQ(ws_->sql("select count(*) from people where account_id = 'ACC-PERRIN' and full_name <> ''"), "2\n");
  EXPECT_EQ(ws_->sql("select summary from incidents where id = 'INC-PR-0312'"),
            "Rappel de Sylvie Perrin au +33635455585\n");
  EXPECT_TRUE(std::filesystem::exists(ws_->out() / "2024-03" / "garage-perrin-sarl--ACC-PERRIN" /
                                      "CTR-K-PERRIN-releve-2024-03.pdf"));
  r = gdpr("--date 2026-11-22 --apply");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("1 account(s) purged"), std::string::npos) << r.output;
  EXPECT_EQ(found_in_database(), std::vector<std::string>{});
  EXPECT_EQ(found_in_files(), std::vector<std::string>{});
}

TEST_F(Gdpr, KilledAfterTheCommitLeavesTheWholePurgeAndTheNextRunRemovesItsFiles) {
  auto r = gdpr("--date 2026-11-22 --apply", "CLAUSE_KILL_POINT=gdpr_committed CLAUSE_KILL_AFTER_ACCOUNTS=3");
  ASSERT_EQ(r.exit_code, 9) << r.output;
  EXPECT_EQ(ws_->sql("select count(*) from gdpr_purges"), "3\n");
  // Perrin's statement PDF and XLSX, and its two e-mails (the invoice's night and the statement's).
  EXPECT_EQ(ws_->sql("select count(*) from gdpr_pending_files"), "4\n");
  EXPECT_EQ(run_command("find " + out() + "/outbox -name 'ACC-PERRIN*.eml' | wc -l").output, "2\n");
  r = gdpr("--date 2026-11-22");
  EXPECT_NE(r.output.find("4 file(s) left by an interrupted purge removed"), std::string::npos) << r.output;
  EXPECT_EQ(found_in_files(), std::vector<std::string>{});
  EXPECT_EQ(ws_->sql("select count(*) from gdpr_pending_files"), "0\n");
}

TEST_F(Gdpr, G6DestroysDocumentsPastRetentionAndKeepsTheirNumberDateAndDestruction) {
  // Issued 2024-03-01: kept through 2034-12-31, destroyed from 2035-01-01.
  auto r = gdpr("--date 2034-12-31 --apply");
  EXPECT_NE(r.output.find("0 document(s) past retention"), std::string::npos) << r.output;
  r = gdpr("--date 2035-01-01 --apply");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("2 document(s) destroyed"), std::string::npos) << r.output;
  EXPECT_EQ(legal_files(), (std::map<std::string, std::string>{}));
  EXPECT_EQ(run_command("find " + out() + "/invoices -name 'FA-*'").output, "");
  EXPECT_EQ(ws_->sql("select number, issued_on, path, sha256, ttc_cents from issued_documents where kind = 'invoice' "
                     "order by number"),
            "FA-2024-000001|2024-03-01|||0\nFA-2024-000002|2024-03-01|||0\n");
  EXPECT_EQ(ws_->sql("select number, issued_on, destroyed_on from gdpr_destroyed_documents order by number"),
            "FA-2024-000001|2024-03-01|2035-01-01\nFA-2024-000002|2024-03-01|2035-01-01\n");
  const std::string pdf = testing::collapsed_pdf_text(ws_->out() / "gdpr" / "gdpr-2035-01-01.pdf");
  EXPECT_NE(pdf.find("facture FA-2024-000001 CTR-K-PERRIN 01/03/2024 31/12/2034 détruite"), std::string::npos) << pdf;
  const auto audit_lines = lines_of(read_text(audit()));
  EXPECT_EQ(std::count_if(audit_lines.begin(), audit_lines.end(),
                          [](const std::string& l) { return l.find("\"kind\":\"destroyed\"") != std::string::npos; }),
            2);
}

}  // namespace
}  // namespace clause
