// `clause send --outbox` and the demo's outbox (issue 13): .eml files holding the bytes libcurl
// sends, read back by Python's email package. Isolation (invariant 4): no message carries another
// client's document, name or address. Splitting over the size limit, never truncating; a file
// alone above it reported; the Message-ID derived from the documents; mail templates validated.
#include <gtest/gtest.h>

#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

std::vector<std::filesystem::path> eml_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
    if (e.path().extension() == ".eml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string outbox_keys() { return "mode = \"outbox\"\nfrom = \"facturation@kalanda.example\"\n"; }

TEST(SendOutbox, NoMessageCarriesAnotherClientsDocumentNameOrAddress) {
  Workspace ws = night_copy("send-outbox-isolation");
  const auto config = mail_config(ws.root(), outbox_keys());
  auto run = clause_with(ws, config, "send --outbox " + (ws.root() / "outbox").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto files = eml_files(ws.root() / "outbox");
  ASSERT_EQ(files.size(), 23u);  // every night of the demo (TheDemoWritesEveryNightsMessagesToTheOutbox)
  // Every account's id, name and people's addresses and names, from the database.
  struct Client {
    std::string name;
    std::set<std::string> addresses, people;
  };
  std::map<std::string, Client> clients;
  std::string rows = ws.sql(
      "select a.id || '|' || a.name || '|' || coalesce(p.email, '') || '|' || "
      "coalesce(p.full_name, '') from accounts a left join people p on p.account_id = a.id");
  for (std::size_t at = 0; at < rows.size();) {
    std::size_t end = rows.find('\n', at);
    std::string line = rows.substr(at, end - at);
    at = end == std::string::npos ? rows.size() : end + 1;
    std::vector<std::string> f;
    for (std::size_t b = 0, e; b <= line.size(); b = e + 1) {
      e = line.find('|', b);
      if (e == std::string::npos) e = line.size();
      f.push_back(line.substr(b, e - b));
    }
    Client& c = clients[f[0]];
    c.name = f[1];
    if (!f[2].empty()) c.addresses.insert(f[2]);
    if (!f[3].empty()) c.people.insert(f[3]);
  }
  const auto by_account = files_by_account(ws);
  std::map<std::string, std::string> owner_of_file;
  for (const auto& [account, shas] : by_account)
    for (const auto& sha : shas) owner_of_file[sha] = account;
  for (const auto& m : parse_messages(files)) {
    const std::string account = std::filesystem::path(m["file"].get<std::string>()).stem().string();
    const std::string everything = m["headers"].dump() + m["text"].get<std::string>() + m["html"].get<std::string>();
    for (const auto& a : m["attachments"]) EXPECT_EQ(owner_of_file[a["sha256"]], account) << m["file"];
    for (const auto& to : m["to_addresses"]) EXPECT_TRUE(clients[account].addresses.count(to)) << to;
    for (const auto& [other, c] : clients) {
      if (other == account) continue;
      EXPECT_EQ(everything.find(other + ")"), std::string::npos) << other << " in " << account << "'s message";
      EXPECT_EQ(everything.find(c.name), std::string::npos) << c.name << " in " << account << "'s message";
      for (const auto& address : c.addresses)
        EXPECT_EQ(everything.find(address), std::string::npos) << address << " in " << account << "'s message";
      for (const auto& person : c.people)
        if (!clients[account].people.count(person))
          EXPECT_EQ(everything.find(person), std::string::npos) << person << " in " << account << "'s message";
    }
  }
}

TEST(SendOutbox, TheMessageIdFollowsTheDocumentsAndTheListingTheirAmounts) {
  Workspace a = night_copy("send-outbox-id-a"), b = night_copy("send-outbox-id-b");
  const auto config = mail_config(a.root(), outbox_keys());
  ASSERT_EQ(clause_with(a, config, "send --outbox " + (a.root() / "outbox").string()).exit_code, 0);
  ASSERT_EQ(clause_with(b, config, "send --outbox " + (b.root() / "outbox").string()).exit_code, 0);
  EXPECT_EQ(a.sql("select message_id from deliveries order by account_id"),
            b.sql("select message_id from deliveries order by account_id"));
  const auto saint_roch = parse_messages({a.root() / "outbox" / "2026-12-01" / "ACC-SAINTROCH.eml"})[0];
  const std::string text = saint_roch["text"];
  EXPECT_NE(text.find("- Relevé SLA du contrat CTR-K-SAINTROCH, période 2026-11 : crédits de service de 124,19\u00a0€"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("- Avoir n° AV-2026-000008 (contrat CTR-K-SAINTROCH) : 149,03\u00a0€ TTC"), std::string::npos);
  EXPECT_NE(text.find("- Facture n° FA-2026-000015 (contrat CTR-K-SAINTROCH) : 1\u202f533,52\u00a0€ TTC"),
            std::string::npos);
  EXPECT_EQ(saint_roch["attachments"].size(), 4u);
}

TEST(SendOutbox, ANightOverTheSizeLimitIsSplitNeverTruncated) {
  Workspace ws = night_copy("send-outbox-split");
  // Saint-Roch's night: the statement (PDF + XLSX, 94 kB, ~129 kB in base64), AV-2026-000008 and
  // FA-2026-000015 (81 and 83 kB, ~112 kB in base64 each; sizes with [documents] font_subsets =
  // "shared"): 125 kB a message leaves the statement alone above it and the two others apart.
  const auto config = mail_config(ws.root(), outbox_keys() + "max_message_bytes = 125000\n");
  auto run = clause_with(ws, config, "send --date 2026-12-01 --outbox " + (ws.root() / "outbox").string());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(
      run.output.find("account ACC-SAINTROCH, CTR-K-SAINTROCH 2026-11: too big: CTR-K-SAINTROCH 2026-11 needs about"),
      std::string::npos)
      << run.output;
  EXPECT_EQ(ws.sql("select part || '/' || parts || '|' || status from deliveries where account_id = 'ACC-SAINTROCH' "
                   "and night = '2026-12-01' order by id"),
            "1/1|failed\n1/2|sent\n2/2|sent\n");
  const auto parts = parse_messages({ws.root() / "outbox" / "2026-12-01" / "ACC-SAINTROCH-1-of-2.eml",
                                     ws.root() / "outbox" / "2026-12-01" / "ACC-SAINTROCH-2-of-2.eml"});
  EXPECT_EQ(parts[0]["headers"]["Subject"], "KALANDA : vos documents du 01/12/2026 – Clinique Saint-Roch SAS (1/2)");
  EXPECT_EQ(parts[0]["attachments"][0]["filename"], "Avoir AV-2026-000008.pdf");
  EXPECT_EQ(parts[1]["attachments"][0]["filename"], "Facture FA-2026-000015.pdf");
  EXPECT_NE(parts[0]["headers"]["Message-ID"], parts[1]["headers"]["Message-ID"]);
  for (const auto& p : parts) EXPECT_LE(p["bytes"].get<long long>(), 125000);  // the limit
}

TEST(SendOutbox, ABrokenMailTemplateStopsTheRunWithItsFileAndLine) {
  Workspace ws = night_copy("send-outbox-template");
  std::filesystem::copy(std::filesystem::path(CLAUSE_SOURCE_DIR) / "templates", ws.root() / "templates",
                        std::filesystem::copy_options::recursive);
  std::ofstream(ws.root() / "templates" / "fr" / "mail" / "subject.mustache") << "Vos documents\n{{#documents}}\n";
  std::string text = read_text(mail_config(ws.root(), outbox_keys()));
  text.replace(text.find(std::string(CLAUSE_SOURCE_DIR) + "/templates"), std::string(CLAUSE_SOURCE_DIR).size() + 10,
               (ws.root() / "templates").string());
  std::ofstream(ws.root() / "clause.toml") << text;
  auto run = clause_with(ws, ws.root() / "clause.toml", "send");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find((ws.root() / "templates/fr/mail/subject.mustache").string() + ":2: "), std::string::npos)
      << run.output;
  EXPECT_EQ(ws.sql("select count(*) from deliveries"), "0\n");
}

TEST(SendOutbox, OffRefusesToSendWithoutAnOutbox) {
  Workspace ws = night_copy("send-outbox-off");
  const auto config = mail_config(ws.root(), "mode = \"off\"\n");
  auto run = clause_with(ws, config, "send");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("e-mail delivery is off ([mail] mode = \"off\" in " + config.string() +
                            "): set mode to \"smtp\" or \"outbox\", or give --outbox DIR"),
            std::string::npos)
      << run.output;
}

TEST(SendOutbox, TheDemoWritesEveryNightsMessagesToTheOutbox) {
  const Workspace& ws = prepared_night();  // `clause demo`, [mail] mode = "off"
  const auto files = eml_files(ws.out() / "outbox");
  // One message per client and night with documents: 9 on 11-01 (October's 9 statements, their
  // accounts' credit notes and invoices), Moreau 11-15, Zola 11-17, Dubois 11-20, 11 on 12-01;
  // and (issue 14, G4) Fontaine's reminder, queued on 11-10, 30 days before it becomes inactive;
  // and (issue 12, B5) Dubois's warning: 26,500 MB on 11-02 after 22,050 on 11-01 (quota 25 GB),
  // found the night after, 11-03.
  EXPECT_EQ(files.size(), 25u);
  EXPECT_TRUE(std::filesystem::exists(ws.out() / "outbox" / "2026-11-03" / "ACC-DUBOIS-mail-quota-CTR-D-DUBOIS.eml"));
  EXPECT_TRUE(std::filesystem::exists(ws.out() / "outbox" / "2026-11-10" / "gdpr-reminder--ACC-FONTAINE.eml"));
  EXPECT_EQ(ws.sql("select status from gdpr_reminders"), "sent\n");
  EXPECT_EQ(ws.sql("select count(*) from deliveries where status = 'sent'"), "23\n");
  EXPECT_EQ(ws.sql("select count(*) from issued_documents d where not exists (select 1 from delivery_documents x "
                   "where x.document_id = d.id)"),
            "0\n");
  // The invoice attached to Saint-Roch's message of 12-01 is the issued file, and a sound PDF.
  const auto m = parse_messages({ws.out() / "outbox" / "2026-12-01" / "ACC-SAINTROCH.eml"})[0];
  EXPECT_EQ(m["attachments"][3]["filename"], "Facture FA-2026-000015.pdf");
  EXPECT_EQ(m["attachments"][3]["sha256"].get<std::string>() + "\n",
            ws.sql("select sha256 from issued_documents where number = 'FA-2026-000015'"));
}

}  // namespace
}  // namespace clause::testing
