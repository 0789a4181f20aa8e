// `clause explain` on the hand-made samples: the trace of an incident, a contract's month and an
// account, with the figures of samples/README.md and their rule ids.
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::Workspace;

class Explain : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("explain-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    ASSERT_EQ(ws_->clause("import samples").exit_code, 0);
  }
  static void TearDownTestSuite() { delete ws_; }
  static Workspace* ws_;
};
Workspace* Explain::ws_ = nullptr;

// Case 3 (S1 HNO across the DST change): contacted 25 Oct 00:30+02:00, deadline 02:30+01:00
// (3 elapsed hours), started 05:40 -> 3 h 10 late -> 25 % of 540.00 = 135.00.
TEST_F(Explain, IncidentAcrossTheDstChange) {
  auto r = ws_->clause("explain --incident INC-GA-1025");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("S1\tcontacté le dim. 25/10/2026 00:30 (HNO) : échéance GTI le dim. 25/10/2026 02:30"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("3 h 10 de retard : palier de 25\u00A0% de 540,00\u00A0€ = 135,00\u00A0€"), std::string::npos)
      << r.output;
}

// Case 20 (S7 Decision): explain shows the cap the statement applies: November billed 1 000.00 x
// 14/30 = 466.67, and the 100 % credit (8 h late) capped there.
TEST_F(Explain, IncidentOfAProratedMonthShowsTheCapOfTheFeeBilled) {
  auto r = ws_->clause("explain --incident INC-ZO-1121");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("S7\t1\u202F000,00\u00A0€ × 14 / 30 jours = 466,67\u00A0€"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("plafonné à 100\u00A0% de la redevance facturée pour le mois (466,67\u00A0€) : avoir de "
                          "466,67\u00A0€"),
            std::string::npos)
      << r.output;
}

// French figures use a no-break space before € and a narrow one before % (reports/format.h).
// Case 4 (S7) and case 5 (I1, I2) for the contract's month.
TEST_F(Explain, ContractMonthShowsCapAndBilledInterventions) {
  auto lefevre = ws_->clause("explain --contract CTR-K-LEFEVRE --month 2026-11");
  ASSERT_EQ(lefevre.exit_code, 0) << lefevre.output;
  EXPECT_NE(lefevre.output.find("total credit: 300,00\u00A0€"), std::string::npos) << lefevre.output;
  auto garnier = ws_->clause("explain --contract CTR-K-GARNIER --month 2026-11 --language en");
  ASSERT_EQ(garnier.exit_code, 0) << garnier.output;
  EXPECT_NE(garnier.output.find("258.00"), std::string::npos) << garnier.output;  // 6th emergency, 8 steps
  EXPECT_NE(garnier.output.find("322.50"), std::string::npos) << garnier.output;  // 7th, quoted, 10 steps
}

// Case 15 (G1, G2): Agence Web Horizon is inactive since 2025-06-30 but kept for its active sub-account.
TEST_F(Explain, AccountKeptForItsActiveSubAccount) {
  auto r = ws_->clause("explain --account ACC-HORIZON --date 2026-11-22");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("account ACC-HORIZON on 2026-11-22: kept"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("held: active_sub_account ACC-HZ-LEMOINE"), std::string::npos) << r.output;
}

TEST_F(Explain, UnknownIncidentIsAUsageError) {
  auto r = ws_->clause("explain --incident NOPE");
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.output.find("no incident \"NOPE\""), std::string::npos) << r.output;
}

}  // namespace
}  // namespace clause
