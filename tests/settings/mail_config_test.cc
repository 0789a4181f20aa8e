// The [mail] table of the configuration (issue 13, docs/email.md): read strictly like the rest,
// the relay's secret refused in the file, and the keys a mode needs required.
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "settings/config.h"
#include "settings/toml_reader.h"

namespace clause {
namespace {

const std::filesystem::path kConfig = std::filesystem::path(CLAUSE_SOURCE_DIR) / "config/clause.toml";

// The line of the "[mail]" header in the file problems_with() writes: a missing key is reported
// there, the keys of `mail` on the lines after it (the shipped file's other tables come first).
int mail_header_line = 0;

// "FILE:N" for the Nth line after the [mail] header (0: the header itself).
std::string at(const std::string& file, int n) { return file + ":" + std::to_string(mail_header_line + n); }

// The shipped configuration with its [mail] table replaced by `mail`; the problems loading it.
std::vector<std::string> problems_with(const std::string& mail, std::string* where = nullptr) {
  // One file per test: ctest runs the tests of this file in parallel processes.
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / ("mail-" + test + ".toml");
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string before = text.substr(0, text.find("\n[mail]"));
  mail_header_line = int(std::count(before.begin(), before.end(), '\n')) + 2;
  std::ofstream(file) << before << "\n[mail]\n" << mail;
  if (where) *where = file.string();
  try {
    load_config(file);
  } catch (const ConfigError& e) {
    return e.problems();
  }
  return {};
}

TEST(MailConfig, TheShippedConfigurationKeepsDeliveryOff) {
  const Config c = load_config(kConfig);
  EXPECT_EQ(c.mail.mode, "off");
  EXPECT_EQ(c.mail.from_address, "facturation@kalanda.example");
  EXPECT_EQ(c.mail.recipient_roles, (std::vector<std::string>{"billing", "legal"}));
  EXPECT_EQ(c.mail.max_message_bytes, 10000000);
}

TEST(MailConfig, ASecretWrittenInTheFileIsRefused) {
  std::string f;
  const auto problems = problems_with("mode = \"outbox\"\nfrom = \"a@b.fr\"\npassword = \"hunter2\"\n", &f);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(
      problems[0],
      at(f, 3) + ": key mail.password: the relay's secret is never written here: use password_file or password_env");
}

TEST(MailConfig, SmtpNeedsAHostAndAuthASecretSource) {
  std::string f;
  const auto problems = problems_with("mode = \"smtp\"\nfrom = \"a@b.fr\"\nuser = \"clause\"\n", &f);
  EXPECT_EQ(problems,
            (std::vector<std::string>{at(f, 0) + ": key mail.host: missing key (mode = \"smtp\")",
                                      at(f, 3) + ": key mail.user: AUTH needs password_file or password_env"}));
}

TEST(MailConfig, UnknownModesAndSecuritiesAreNamed) {
  std::string f;
  const auto problems = problems_with("mode = \"sendmail\"\nsecurity = \"ssl\"\n", &f);
  EXPECT_EQ(problems,
            (std::vector<std::string>{at(f, 1) + ": key mail.mode: \"sendmail\" is not one of: off, outbox, smtp",
                                      at(f, 2) + ": key mail.security: \"ssl\" is not one of: starttls, tls, none",
                                      at(f, 0) + ": key mail.from: missing key"}));
}

}  // namespace
}  // namespace clause
