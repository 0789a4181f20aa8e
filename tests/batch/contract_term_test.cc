// Contracts end (RULES N4, K Art. 9) end to end: a kalanda-hds contract of 36 months with no `end`
// recorded gets statements and invoices through its term and none after, through the real `clause`
// binary on a data set written here.
#include <gtest/gtest.h>

#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/csv_dataset.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

std::string sql(const Workspace& ws, const std::string& query) {
  return run_command("sqlite3 " + (ws.root() / "clause.db").string() + " \"" + query + "\"").output;
}

// CTR-N4: kalanda-hds, monthly, from 2026-01-01 for 36 months, no `end`, 1 000.00 a month.
// SYNTEC 2026-10 = 296.8 published 2026-12-02 and 2027-10 = 300.0 published 2027-12-02.
void write_term_contract(const std::filesystem::path& dir) {
  testing::CsvDataSet data;
  data.row("accounts",
           "ACC-N4,client,,Société Terme SARL,1 rue du Terme 75001 Paris,552100554,,fr,2026-11-20,2025-12-01")
      .row("contracts", "CTR-N4,ACC-N4,kalanda-hds,2026-01-01,,36,false,monthly,false,false,0,metropole,Europe/Paris")
      .row("services", "SRV-N4,CTR-N4,server,srv.terme.fr,Serveur srv.terme.fr,true")
      .row("fee_revisions", "SRV-N4,2026-01-01,1000.00,")
      .row("price_indices", "SYNTEC,2026-10,296.8,2026-12-02")
      .row("price_indices", "SYNTEC,2027-10,300.0,2027-12-02");
  data.write(dir);
}

// N4: the service ends on 2026-01-01 + 36 months - 1 day = 2028-12-31 (T5). December 2028 gets
// its statement; January 2029 none, and nothing is reported as skipped (the contract simply has
// no service that month). B1, B3: the invoice of 2028-12-01 bills the price revised twice,
// 1 000.00 x 296.8 / 268.5 = 1 105.3994 -> 1 105.40 on 2027-01-01, then x 300.0 / 296.8 =
// 1 117.3181 -> 1 117.32 on 2028-01-01; on 2029-01-01 nothing is invoiced.
TEST(ContractTermN4, A36MonthContractWithNoEndGetsNoStatementOrInvoiceAfterItsTerm) {
  Workspace ws("term-n4-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  write_term_contract(ws.root() / "data");
  auto imported = ws.clause("import " + (ws.root() / "data").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  auto december = ws.statements("2028-12");
  ASSERT_EQ(december.exit_code, 0) << december.output;
  ASSERT_EQ(ws.manifest("2028-12")["documents"].size(), 1u);
  EXPECT_EQ(ws.manifest("2028-12")["documents"][0]["contract"], "CTR-N4");

  auto january = ws.statements("2029-01");
  EXPECT_EQ(january.exit_code, 0) << january.output;
  EXPECT_NE(january.output.find("statements 2029-01: 0 issued, 0 already issued, 0 skipped"), std::string::npos)
      << january.output;
  EXPECT_EQ(ws.manifest("2029-01")["documents"].size(), 0u);
  EXPECT_EQ(ws.manifest("2029-01")["skipped"].size(), 0u);
  // Asked for by name, the month is left out the same way.
  auto named = ws.statements("2029-01", "--contract CTR-N4");
  EXPECT_EQ(named.exit_code, 0) << named.output;
  EXPECT_EQ(sql(ws, "select count(*) from issued_documents where kind = 'statement' and period = '2029-01'"), "0\n");

  const std::string invoices = "invoices --out " + ws.out().string() + " --date ";
  ASSERT_EQ(ws.clause(invoices + "2028-12-01").exit_code, 0);
  auto after = ws.clause(invoices + "2029-01-01");
  EXPECT_EQ(after.exit_code, 0) << after.output;
  EXPECT_EQ(sql(ws, "select issued_on, period, ht_cents from issued_documents where kind = 'invoice'"),
            "2028-12-01|2028-12-01|111732\n");
}

}  // namespace
}  // namespace clause
