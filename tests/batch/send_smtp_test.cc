// `clause send` against a real SMTP server (issue 13): tests/support/smtp_server.py, Debian's
// aiosmtpd on loopback with STARTTLS required and AUTH, its certificate made by the test and given
// as [mail] ca_file. Messages are read back by Python's email package; the server counts what it
// accepted. Scenarios of the issue's "Shown by": 451 then 250, a connection dropped mid-DATA, a 550
// for one recipient, a rerun after a partial failure.
#include <gtest/gtest.h>

#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

// The accounts with documents dated 2026-12-01 on the samples (statements of November, credit
// notes and invoices of the night): 11 statements' accounts (samples/README.md).
constexpr int kAccountsOfTheNight = 11;

std::string status_of(const Workspace& ws, const std::string& where) {
  return ws.sql("select status || '|' || attempts from deliveries where " + where);
}

TEST(SendSmtp, DeliversEveryClientItsDocumentsOverStartTlsWithAuth) {
  Workspace ws = night_copy("send-smtp-all");
  SmtpTestServer server(ws.root(), 2601);
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  auto sent = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_EQ(sent.output.find("s3cret"), std::string::npos) << "the secret is never logged";
  const auto messages = server.messages();
  ASSERT_EQ(int(messages.size()), kAccountsOfTheNight);
  EXPECT_EQ(ws.sql("select count(*) from deliveries where status = 'sent' and reply like '250 2.0.0 Ok: queued as %'"),
            std::to_string(kAccountsOfTheNight) + "\n");
  const auto expected = files_by_account(ws, "2026-12-01");
  const nlohmann::json parsed = parse_messages(messages);
  for (const auto& m : parsed) {
    EXPECT_TRUE(m["defects"].empty()) << m["file"];
    EXPECT_EQ(m["headers"]["From"], "KALANDA Facturation <facturation@kalanda.example>");
    EXPECT_EQ(m["headers"]["Date"], "Tue, 01 Dec 2026 00:00:00 +0000");
    EXPECT_EQ(m["headers"]["Auto-Submitted"], "auto-generated");
    EXPECT_EQ(m["headers"]["MIME-Version"], "1.0");
    EXPECT_EQ(m["content_type"], "multipart/mixed");
    EXPECT_TRUE(m["raw_ascii"]) << "8-bit text left unencoded in " << m["file"];
    const std::string subject = m["headers"]["Subject"];
    EXPECT_EQ(subject.rfind("KALANDA : vos documents du 01/12/2026 – ", 0), 0u) << subject;
    // The message's account is the one whose documents it carries; every file byte-identical.
    const std::string text = m["text"];
    const auto account_at = text.find("(compte ");
    ASSERT_NE(account_at, std::string::npos);
    const std::string account = text.substr(account_at + 8, text.find(')', account_at) - account_at - 8);
    std::set<std::string> carried;
    for (const auto& a : m["attachments"]) carried.insert(a["sha256"].get<std::string>());
    EXPECT_EQ(carried, expected.at(account)) << account;
  }
  // The envelope: AUTH as the configured user, over TLS.
  const auto envelope = nlohmann::json::parse(read_text(server.received() / "0001.json"));
  EXPECT_EQ(envelope["login"], "clause");
  EXPECT_EQ(envelope["tls"], true);
  EXPECT_EQ(envelope["mail_from"], "facturation@kalanda.example");
  EXPECT_EQ(ws.sql("select count(*) from deliveries where reply like '%s3cret%'"), "0\n");
  // Accented names round-trip: Émilie Dubois, "Relevé SLA" files.
  bool dubois = false;
  for (const auto& m : parsed) {
    if (m["to_addresses"][0] != "emilie.dubois@dubois.fr") continue;
    dubois = true;
    EXPECT_EQ(m["to_names"][0], "Émilie Dubois");
    EXPECT_EQ(m["headers"]["Subject"], "KALANDA : vos documents du 01/12/2026 – Menuiserie Dubois SARL");
    EXPECT_EQ(m["attachments"][0]["filename"], "Relevé SLA CTR-D-DUBOIS 2026-11.pdf");
    EXPECT_EQ(m["attachments"][1]["filename"], "Relevé SLA CTR-D-DUBOIS 2026-11.xlsx");
    EXPECT_EQ(m["attachments"][1]["type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  EXPECT_TRUE(dubois);
  // A rerun sends nothing: every document is in a message already.
  auto rerun = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(int(server.messages().size()), kAccountsOfTheNight);
}

TEST(SendSmtp, A451IsDeferredThenSentOnceByTheNextRun) {
  Workspace ws = night_copy("send-smtp-451");
  SmtpTestServer server(ws.root(), 2602, {"--data-replies", "451"});
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  auto first = clause_with(ws, config, "send --document FA-2026-000015");
  EXPECT_EQ(first.exit_code, 1) << first.output;
  EXPECT_NE(first.output.find("deferred to"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("451 4.3.0 Try again later"), std::string::npos) << first.output;
  EXPECT_EQ(status_of(ws, "1 = 1"), "deferred|1\n");
  EXPECT_EQ(server.messages().size(), 0u);
  auto second = clause_with(ws, config, "send --document FA-2026-000015");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(status_of(ws, "1 = 1"), "sent|2\n");
  ASSERT_EQ(server.messages().size(), 1u);
  // The night's other documents: one message per account, Saint-Roch's rest in a second one.
  auto third = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(third.exit_code, 0) << third.output;
  EXPECT_EQ(int(server.messages().size()), 1 + kAccountsOfTheNight) << "the others, not this one again";
  // The message the relay accepted carries the Message-ID queued before the first attempt.
  const auto parsed = parse_messages({server.messages()[0]});
  EXPECT_EQ(parsed[0]["headers"]["Message-ID"].get<std::string>() + "\n",
            ws.sql("select message_id from deliveries where id = 1"));
}

TEST(SendSmtp, AConnectionDroppedMidDataIsNotSentAndTheNextRunSendsItOnce) {
  Workspace ws = night_copy("send-smtp-drop");
  SmtpTestServer server(ws.root(), 2603, {"--drop-data", "1"});
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  auto first = clause_with(ws, config, "send --document FA-2026-000015");
  EXPECT_EQ(first.exit_code, 1) << first.output;
  EXPECT_EQ(ws.sql("select status from deliveries"), "deferred\n");
  EXPECT_EQ(server.messages().size(), 0u);
  auto second = clause_with(ws, config, "send --document FA-2026-000015");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(ws.sql("select status || '|' || attempts from deliveries"), "sent|2\n");
  EXPECT_EQ(server.messages().size(), 1u);
}

TEST(SendSmtp, A550ForOneRecipientFailsThatClientAndTheOthersAreSent) {
  Workspace ws = night_copy("send-smtp-550");
  SmtpTestServer server(ws.root(), 2604, {"--reject-rcpt", "claire.dumont@saintroch.fr"});
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  auto run = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("account ACC-SAINTROCH, message <"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("failed: 550 5.1.1 <claire.dumont@saintroch.fr>: Recipient address rejected"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(ws.sql("select account_id || '|' || status from deliveries where status <> 'sent'"),
            "ACC-SAINTROCH|failed\n");
  EXPECT_EQ(int(server.messages().size()), kAccountsOfTheNight - 1);
  // Permanent: a rerun does not try it again.
  auto rerun = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_EQ(int(server.messages().size()), kAccountsOfTheNight - 1);
}

TEST(SendSmtp, ARerunAfterAPartialFailureDeliversEveryMessageExactlyOnce) {
  Workspace ws = night_copy("send-smtp-rerun");
  // The 2nd and the 5th DATA are refused for now (451, 421).
  SmtpTestServer server(ws.root(), 2605, {"--data-replies", "250,451,250,250,421,250"});
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  auto first = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(first.exit_code, 1) << first.output;
  EXPECT_EQ(ws.sql("select count(*) from deliveries where status = 'deferred'"), "2\n");
  EXPECT_EQ(int(server.messages().size()), kAccountsOfTheNight - 2);
  auto second = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  auto third = clause_with(ws, config, "send --date 2026-12-01");
  EXPECT_EQ(third.exit_code, 0) << third.output;
  const auto messages = server.messages();
  ASSERT_EQ(int(messages.size()), kAccountsOfTheNight);
  std::set<std::string> ids;
  for (const auto& m : parse_messages(messages)) ids.insert(m["headers"]["Message-ID"].get<std::string>());
  EXPECT_EQ(int(ids.size()), kAccountsOfTheNight) << "each message once at the server";
  EXPECT_EQ(ws.sql("select count(*) from deliveries where status = 'sent'"),
            std::to_string(kAccountsOfTheNight) + "\n");
}

TEST(SendSmtp, AnUntrustedCertificateDefersAndSendsNothing) {
  Workspace ws = night_copy("send-smtp-untrusted");
  SmtpTestServer server(ws.root(), 2606);
  ASSERT_TRUE(server.ready());
  std::string keys = relay_keys(server, ws.root());
  keys.replace(keys.find("ca_file = \""), std::string("ca_file = \"").size() + server.cert().string().size() + 1,
               "ca_file = \"/etc/ssl/certs/ca-certificates.crt\"");
  const auto config = mail_config(ws.root(), keys);
  auto run = clause_with(ws, config, "send --document FA-2026-000015");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("SSL peer certificate or SSH remote key was not OK"), std::string::npos) << run.output;
  EXPECT_EQ(server.messages().size(), 0u);
}

TEST(SendSmtp, TheSecretComesFromAnEnvironmentVariableAndAWrongOneDefers) {
  Workspace ws = night_copy("send-smtp-env");
  SmtpTestServer server(ws.root(), 2607);
  ASSERT_TRUE(server.ready());
  std::string keys = relay_keys(server, ws.root());
  keys.replace(keys.find("password_file"), std::string("password_file").size(),
               "password_env = \"CLAUSE_TEST_RELAY\"\n#");
  const auto config = mail_config(ws.root(), keys);
  auto wrong = ws.clause("--config " + config.string() + " send --document FA-2026-000015");
  EXPECT_EQ(wrong.exit_code, 2) << wrong.output;
  EXPECT_NE(wrong.output.find("[mail] password_env: the variable CLAUSE_TEST_RELAY is not set"), std::string::npos)
      << wrong.output;
  auto denied = run_command("CLAUSE_TEST_RELAY=wrong-secret " + std::string(CLAUSE_BINARY_DIR) + "/batch/clause --db " +
                            ws.db_url() + " --config " + config.string() + " send --document FA-2026-000015");
  EXPECT_EQ(denied.exit_code, 1) << denied.output;
  EXPECT_EQ(ws.sql("select status from deliveries"), "deferred\n");
  auto good =
      run_command("CLAUSE_TEST_RELAY='s3cret-réseau' " + std::string(CLAUSE_BINARY_DIR) + "/batch/clause --db " +
                  ws.db_url() + " --config " + config.string() + " send --document FA-2026-000015");
  EXPECT_EQ(good.exit_code, 0) << good.output;
  EXPECT_EQ(server.messages().size(), 1u);
  EXPECT_EQ(good.output.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace clause::testing
