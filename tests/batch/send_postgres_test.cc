// `clause send` on PostgreSQL (issue 13, migration 006 in its dialect): the night of 2026-12-01
// issued, then sent twice to a real SMTP server; each message once, recorded sent, nothing resent.
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/batch/send_fixture.h"

namespace clause::testing {
namespace {

TEST(SendPostgres, EachMessageIsSentOnceAndRecorded) {
  CLAUSE_NEED_BACKEND(testing::Backend::postgresql);
  PostgresWorkspace pg("clause_send_" + std::to_string(::getpid()));
  ASSERT_TRUE(pg.created());
  Workspace ws("send-postgres");
  SmtpTestServer server(ws.root(), 2610);
  ASSERT_TRUE(server.ready());
  const auto config = mail_config(ws.root(), relay_keys(server, ws.root()));
  const std::string with = "--config " + config.string() + " ";
  ASSERT_EQ(pg.clause(with + "init").exit_code, 0);
  ASSERT_EQ(pg.clause(with + "import samples").exit_code, 0);
  ASSERT_EQ(pg.clause(with + "statements --month 2026-11").exit_code, 0);
  ASSERT_EQ(pg.clause(with + "invoices --date 2026-12-01").exit_code, 0);
  auto sent = pg.clause(with + "send --date 2026-12-01");
  EXPECT_EQ(sent.exit_code, 0) << sent.output;
  auto again = pg.clause(with + "send --date 2026-12-01");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(server.messages().size(), 11u);
  EXPECT_EQ(pg.psql("SELECT count(*) FROM deliveries WHERE status = 'sent' AND attempts = 1"), "11\n");
  EXPECT_EQ(pg.psql("SELECT count(*) FROM issued_documents d WHERE d.issued_on = '2026-12-01' AND NOT EXISTS "
                    "(SELECT 1 FROM delivery_documents x WHERE x.document_id = d.id)"),
            "0\n");
}

}  // namespace
}  // namespace clause::testing
