// G4 reminders through `clause send` against a real SMTP server (issue 14; tests/support/
// smtp_server.py, as tests/batch/send_smtp_test.cc): on the samples, `clause gdpr --date
// 2026-11-22` queues the reminder of Librairie Fontaine (last activity 2024-12-10, inactive on
// 2026-12-10, 18 days later: G4), and `clause send` e-mails it to the account's two people, once
// per inactivity period; new activity opens a new period, reminded again. A 451 is retried.
#include <gtest/gtest.h>

#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

// A workspace with the samples imported, configured for `server`.
struct ReminderNight {
  explicit ReminderNight(const std::string& name, int port, const std::vector<std::string>& behaviour = {})
      : ws(name), server(ws.root(), port, behaviour), config(mail_config(ws.root(), relay_keys(server, ws.root()))) {
    EXPECT_TRUE(server.ready());
    EXPECT_EQ(run("init").exit_code, 0);
    auto imported = run("import " + std::string(CLAUSE_SOURCE_DIR) + "/samples");
    EXPECT_EQ(imported.exit_code, 0) << imported.output;
  }
  CommandResult run(const std::string& args) const { return clause_with(ws, config, args); }
  CommandResult gdpr(const std::string& date) const {
    return run("gdpr --date " + date + " --audit-file " + (ws.root() / "gdpr-audit.jsonl").string());
  }
  Workspace ws;
  SmtpTestServer server;
  std::filesystem::path config;
};

// The messages of `parsed` addressed to `address`.
std::vector<nlohmann::json> to(const nlohmann::json& parsed, const std::string& address) {
  std::vector<nlohmann::json> out;
  for (const auto& m : parsed)
    for (const auto& a : m["to_addresses"])
      if (a == address) out.push_back(m);
  return out;
}

TEST(GdprReminderSmtp, G4OneEMailPerSoonInactiveAccountToItsPeopleOnlyOncePerPeriod) {
  ReminderNight night("gdpr-reminder-smtp", 2681);
  auto listed = night.gdpr("2026-11-22");
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(listed.output.find("1 soon inactive (1 reminder(s) queued for `clause send`)"), std::string::npos)
      << listed.output;
  auto sent = night.run("send");
  EXPECT_EQ(sent.exit_code, 0) << sent.output;
  ASSERT_EQ(night.server.messages().size(), 1u);
  const nlohmann::json parsed = parse_messages(night.server.messages());
  const auto& m = parsed[0];
  EXPECT_TRUE(m["defects"].empty());
  EXPECT_EQ(m["to_addresses"], (nlohmann::json{"denis.fontaine@fontaine.fr", "agnes.fontaine@fontaine.fr"}));
  EXPECT_EQ(m["to_names"], (nlohmann::json{"Denis Fontaine", "Agnès Fontaine"}));
  EXPECT_EQ(m["headers"]["From"], "KALANDA Facturation <facturation@kalanda.example>");
  EXPECT_EQ(m["headers"]["Subject"], "KALANDA : votre compte ACC-FONTAINE deviendra inactif le 10/12/2026");
  EXPECT_EQ(m["headers"]["Date"], "Sun, 22 Nov 2026 00:00:00 +0000");
  const std::string text = m["text"];
  EXPECT_NE(text.find("Le compte Librairie Fontaine (ACC-FONTAINE) n'a pas utilisé nos services depuis le 10/12/2024."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("le seront à partir du 10/12/2026"), std::string::npos) << text;
  EXPECT_TRUE(m["attachments"].empty());
  // Isolation: no other account's name, person or address in the message's bytes.
  const std::string raw = read_text(night.server.messages()[0]);
  for (const auto& other : {"ACC-PERRIN", "Garage Perrin", "gerard.perrin@perrin.fr", "Claire Dumont",
                            "claire.dumont@saintroch.fr", "ACC-SAINTROCH", "Vidal", "Klein"})
    EXPECT_EQ(raw.find(other), std::string::npos) << other;
  EXPECT_EQ(night.ws.sql("select status || '|' || attempts || '|' || recipients || '|' || (reply like '250 %') || '|' "
                         "|| (sent_at like '____-__-__T__:__:__Z') from gdpr_reminders"),
            "sent|1|2|1|1\n");
  // Reruns of both steps send nothing twice.
  ASSERT_EQ(night.gdpr("2026-11-29").exit_code, 0);
  EXPECT_EQ(night.run("send").exit_code, 0);
  EXPECT_EQ(night.server.messages().size(), 1u);
  // New activity on 2025-01-20 opens a new period (inactive on 2027-01-20): reminded again.
  night.ws.sql("update accounts set last_activity = '2025-01-20' where id = 'ACC-FONTAINE'");
  ASSERT_EQ(night.gdpr("2027-01-01").exit_code, 0);
  auto again = night.run("send");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  const auto fontaine = to(parse_messages(night.server.messages()), "denis.fontaine@fontaine.fr");
  ASSERT_EQ(fontaine.size(), 2u);
  EXPECT_EQ(fontaine[1]["headers"]["Subject"], "KALANDA : votre compte ACC-FONTAINE deviendra inactif le 20/01/2027");
  EXPECT_NE(fontaine[0]["headers"]["Message-ID"], fontaine[1]["headers"]["Message-ID"]);
  EXPECT_EQ(night.ws.sql("select last_activity || '|' || status from gdpr_reminders where account_id = 'ACC-FONTAINE' "
                         "order by last_activity"),
            "2024-12-10|sent\n2025-01-20|sent\n");
}

TEST(GdprReminderSmtp, G4A451IsDeferredAndTheNextSendDeliversItOnceUnderTheSameMessageId) {
  ReminderNight night("gdpr-reminder-451", 2682, {"--data-replies", "451"});
  ASSERT_EQ(night.gdpr("2026-11-22").exit_code, 0);
  auto first = night.run("send");
  EXPECT_EQ(first.exit_code, 1) << first.output;
  EXPECT_NE(first.output.find("account ACC-FONTAINE, GDPR reminder (inactive on 2026-12-10): deferred to "),
            std::string::npos)
      << first.output;
  EXPECT_EQ(night.ws.sql("select status || '|' || attempts from gdpr_reminders"), "deferred|1\n");
  const std::string id = night.ws.sql("select message_id from gdpr_reminders");
  auto second = night.run("send");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  ASSERT_EQ(night.server.messages().size(), 1u);
  EXPECT_EQ(parse_messages(night.server.messages())[0]["headers"]["Message-ID"].get<std::string>() + "\n", id);
  EXPECT_EQ(night.ws.sql("select status || '|' || attempts from gdpr_reminders"), "sent|2\n");
}

// A reminder queued but not sent before the account is used again is cancelled, not sent.
TEST(GdprReminderSmtp, G4AReminderOfAPeriodEndedByNewActivityIsCancelledNotSent) {
  ReminderNight night("gdpr-reminder-cancel", 2683);
  ASSERT_EQ(night.gdpr("2026-11-22").exit_code, 0);
  night.ws.sql("update accounts set last_activity = '2026-11-25' where id = 'ACC-FONTAINE'");
  auto sent = night.run("send");
  EXPECT_EQ(sent.exit_code, 0) << sent.output;
  EXPECT_NE(sent.output.find("cancelled: the account was active again on 2026-11-25"), std::string::npos)
      << sent.output;
  EXPECT_EQ(night.server.messages().size(), 0u);
  EXPECT_EQ(night.ws.sql("select status from gdpr_reminders"), "cancelled\n");
}

}  // namespace
}  // namespace clause::testing
