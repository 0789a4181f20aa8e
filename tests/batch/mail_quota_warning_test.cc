// B5 (RULES B5, D Art. 6.1: "the client is warned when the quota is first exceeded"), end to end
// (issue 12): `clause nightly` finds the first day above quota, queues the warning, and its send
// step e-mails it through the real SMTP test server (tests/support/smtp_server.py, STARTTLS and
// AUTH) to the account's billing contact; the same night run again and the next nights (still above
// quota) send nothing more.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "tests/batch/csv_dataset.h"
#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

// CTR-B5 (dag): mailboxes at 24 000 MB on 31 Aug 2026, then 31 000 MB on 1, 2 and 3 Sep.
void write_data(const std::filesystem::path& dir) {
  CsvDataSet data;
  data.row("accounts",
           "ACC-B5,client,,Association Courrier Plein,5 rue des Boîtes 44000 Nantes,552100445,,fr,"
           "2026-08-20,2025-10-01")
      .row("contracts", "CTR-B5,ACC-B5,dag,2025-11-01,,12,true,annual,true,false,0,metropole,Europe/Paris")
      .row("services", "SRV-B5,CTR-B5,server,srv.courrier.org,Serveur srv.courrier.org,true")
      .row("fee_revisions", "SRV-B5,2025-11-01,1200.00,")
      .row("mail_usage", "CTR-B5,2026-08-31,24000")
      .row("mail_usage", "CTR-B5,2026-09-01,31000")
      .row("mail_usage", "CTR-B5,2026-09-02,31000")
      .row("mail_usage", "CTR-B5,2026-09-03,31000");
  data.write(dir);
  std::ofstream(dir / "people.csv") << "id,account_id,full_name,email,phone,postal_address,role\n"
                                       "P-B5,ACC-B5,Hélène Trésor,tresorier@courrier.org,,,billing\n";
}

std::vector<std::filesystem::path> warnings(const SmtpTestServer& server) {
  std::vector<std::filesystem::path> out;
  for (const auto& m : server.messages())
    if (read_text(m).find("quota") != std::string::npos) out.push_back(m);
  return out;
}

// The 1 Sep sample is the first above 25 000 MB after 24 000 on 31 Aug: the night of 2 Sep warns
// (B5), with the usage of that day, 31 000 MB = 31,00 Go, and the quota, 25 Go.
TEST(MailQuotaWarning, B5TheFirstExceedanceIsEmailedOnceToTheBillingContact) {
  Workspace ws("b5-warning-" + std::to_string(::getpid()));
  SmtpTestServer server(ws.root(), 2690);
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  ASSERT_EQ(clause_with(ws, config, "init").exit_code, 0);
  write_data(ws.root() / "data");
  auto imported = clause_with(ws, config, "import " + (ws.root() / "data").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  auto night = clause_with(ws, config, "nightly --date 2026-09-02 --out " + ws.out().string());
  EXPECT_LE(night.exit_code, 1) << night.output;
  const auto sent = warnings(server);
  ASSERT_EQ(sent.size(), 1u) << night.output;
  const nlohmann::json m = parse_messages(sent)[0];
  EXPECT_TRUE(m["defects"].empty());
  EXPECT_EQ(m["to_addresses"][0], "tresorier@courrier.org");
  EXPECT_EQ(m["to_names"][0], "Hélène Trésor");
  EXPECT_EQ(m["headers"]["Subject"],
            "KALANDA : quota de messagerie dépassé – contrat CTR-B5 – Association Courrier Plein");
  const std::string text = m["text"];
  EXPECT_NE(text.find("Le 01/09/2026, les boîtes de messagerie du contrat CTR-B5 de Association Courrier Plein "
                      "(compte ACC-B5) occupaient 31,00 Go, au-delà du quota de 25 Go"),
            std::string::npos)
      << text;
  // The terms of D Art. 6.1 as the profile holds them: 30 days of grace, 10,00 € HT per started 5 Go.
  EXPECT_NE(text.find("reste au-delà du quota pendant 30 jours consécutifs, chaque mois suivant est facturé "
                      "10,00\u00a0€ HT par tranche de 5 Go entamée au-delà de 25 Go"),
            std::string::npos)
      << text;
  EXPECT_EQ(ws.sql("select exceeded_on || '|' || megabytes || '|' || night || '|' || status || '|' || attempts "
                   "from mail_quota_warnings"),
            "2026-09-01|31000|2026-09-02|sent|1\n");

  // The same night again, `clause send` again, then the next night (3 Sep: 2 Sep was above quota
  // already, no new exceedance): no second warning.
  EXPECT_LE(clause_with(ws, config, "nightly --date 2026-09-02 --out " + ws.out().string()).exit_code, 1);
  EXPECT_LE(clause_with(ws, config, "send --date 2026-09-02").exit_code, 1);
  EXPECT_LE(clause_with(ws, config, "nightly --date 2026-09-03 --out " + ws.out().string()).exit_code, 1);
  EXPECT_EQ(warnings(server).size(), 1u);
  EXPECT_EQ(ws.sql("select count(*) from mail_quota_warnings"), "1\n");
}

// With delivery through the outbox, the warning is an .eml file beside the documents' messages.
TEST(MailQuotaWarning, B5TheOutboxHoldsTheWarningAsAnEmlFile) {
  Workspace ws("b5-outbox-" + std::to_string(::getpid()));
  const auto config = mail_config(ws.root(), "mode = \"outbox\"\nfrom = \"facturation@kalanda.example\"\noutbox = \"" +
                                                 (ws.root() / "outbox").string() + "\"\n");
  ASSERT_EQ(clause_with(ws, config, "init").exit_code, 0);
  write_data(ws.root() / "data");
  ASSERT_EQ(clause_with(ws, config, "import " + (ws.root() / "data").string()).exit_code, 0);
  auto night = clause_with(ws, config, "nightly --date 2026-09-02 --out " + ws.out().string());
  EXPECT_LE(night.exit_code, 1) << night.output;
  const auto eml = ws.root() / "outbox" / "2026-09-02" / "ACC-B5-mail-quota-CTR-B5.eml";
  ASSERT_TRUE(std::filesystem::exists(eml)) << night.output;
  EXPECT_NE(read_text(eml).find("tresorier@courrier.org"), std::string::npos);
}

}  // namespace
}  // namespace clause::testing
