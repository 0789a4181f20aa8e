// `clause schedule` (issue 12) through the CLI on the hand-made samples: `clause init`,
// `clause import samples`, then the échéancier of a window. Every date is the hand derivation of
// samples/SCHEDULE.md (RULES N1, N4, R1-R4, B9, T4, T5), never the program's output copied.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "tests/batch/cli_harness.h"

namespace clause {
namespace {

using testing::run_command;
using testing::Workspace;

class ScheduleCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new Workspace("schedule-" + std::to_string(::getpid()));
    ASSERT_EQ(ws_->clause("init").exit_code, 0);
    auto imported = ws_->clause("import samples");
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static void TearDownTestSuite() { delete ws_; }

  // `clause -q schedule ARGS --out OUT`: stdout only (the summary is an info log).
  static testing::CommandResult schedule(const Workspace& ws, const std::string& args) {
    return ws.clause("-q schedule " + args + " --out " + ws.out().string());
  }
  // What python3 prints for `script` run on `file` (openpyxl reads the workbook back).
  static std::string python(const std::string& script, const std::filesystem::path& file) {
    const auto path = ws_->root() / "read.py";
    std::ofstream(path) << script;
    return run_command("/usr/bin/python3 " + path.string() + " " + file.string()).output;
  }

  static Workspace* ws_;
};
Workspace* ScheduleCli::ws_ = nullptr;

// SCHEDULE.md, 60 days from 2026-11-01 = [2026-11-01, 2026-12-30]: the only date is Dubois's
// renewal, 2025-11-20 + 12 months = 2026-11-20, for 12 months to 2027-11-19. Its notice deadline
// (2026-11-20 - 33 days = 2026-10-18) is before the window; Vernet's end 2026-12-31 is just after.
// Issue 12: BR-GA-1, K Art. 15 notified Wed 2026-11-25 + 10 days = 2026-12-05 (N3); BR-DB-1,
// D Art. 7 notified Mon 2026-11-30, 7 jours ouvrables Tue 1 .. Sat 5 (5), Mon 7 (6), Tue 8 (7) =
// 2026-12-08 (N3); PC-DB-1 announced 2026-11-16 for 2026-12-15: the client may terminate until
// 2026-11-16 + 1 month = 2026-12-16 (N2).
TEST_F(ScheduleCli, SixtyDaysFromNovember1stHoldDuboissRenewal) {
  auto run = schedule(*ws_, "--from 2026-11-01 --days 60");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "2026-11-20  CTR-D-DUBOIS  N1  renouvellement tacite du contrat pour 12 mois, jusqu'au 2027-11-19\n"
            "2026-12-05  CTR-K-GARNIER  N3  date limite pour réparer le manquement BR-GA-1 notifié le 2026-11-25 (le "
            "prestataire en défaut, article 15, 10 jours)\n"
            "2026-12-08  CTR-D-DUBOIS  N3  date limite pour réparer le manquement BR-DB-1 notifié le 2026-11-30 (le "
            "client en défaut, article 7, 7 jours ouvrables)\n"
            "2026-12-16  CTR-D-DUBOIS  N2  fin du délai de résiliation du client après l'annonce du 2026-11-16 du "
            "changement de prix PC-DB-1 (applicable le 2026-12-15)\n");
}

// SCHEDULE.md, 121 days from 2026-12-01 = [2026-12-01, 2027-03-31]: Vernet ends Thu 2026-12-31
// (N4) and, nothing unpaid, its reversibility starts that day (R2); 10 jours ouvrés skipping Fri
// 1 Jan: Mon 4 - Fri 8 (5), Mon 11 - Fri 15 (10) = 2027-01-15 (R3); Jardins renews 2027-03-01,
// notice 32 jours francs before = 2027-03-01 - 33 days = 2027-01-27 (N1); day 90 of continuity:
// Dec 31 + 31 + 28 + 31 = 2027-03-31 (R4). Issue 12: the three N2/N3 dates of December above, and
// PC-JD-1, not announced, for 2027-03-01: to be announced by 2027-03-01 - 1 month = 2027-02-01 (N2).
TEST_F(ScheduleCli, WinterHoldsVernetsReversibilityAndJardinssNotice) {
  auto run = schedule(*ws_, "--from 2026-12-01 --days 121");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(
      run.output,
      "2026-12-05  CTR-K-GARNIER  N3  date limite pour réparer le manquement BR-GA-1 notifié le 2026-11-25 (le "
      "prestataire en défaut, article 15, 10 jours)\n"
      "2026-12-08  CTR-D-DUBOIS  N3  date limite pour réparer le manquement BR-DB-1 notifié le 2026-11-30 (le client "
      "en défaut, article 7, 7 jours ouvrables)\n"
      "2026-12-16  CTR-D-DUBOIS  N2  fin du délai de résiliation du client après l'annonce du 2026-11-16 du changement "
      "de prix PC-DB-1 (applicable le 2026-12-15)\n"
      "2026-12-31  CTR-K-VERNET  N4  fin du service (dernier jour)\n"
      "2026-12-31  CTR-K-VERNET  R2  début de la réversibilité REV-VN-1\n"
      "2027-01-15  CTR-K-VERNET  R3  date limite de remise du dossier de réversibilité REV-VN-1 (10 jours ouvrés)\n"
      "2027-01-27  CTR-D-JARDINS  N1  dernier jour pour dénoncer le contrat avant son renouvellement du 2027-03-01\n"
      "2027-02-01  CTR-D-JARDINS  N2  dernier jour pour annoncer le changement de prix PC-JD-1 applicable le "
      "2027-03-01\n"
      "2027-03-01  CTR-D-JARDINS  N1  renouvellement tacite du contrat pour 12 mois, jusqu'au 2028-02-29\n"
      "2027-03-31  CTR-K-VERNET  R4  fin de la continuité des services (90 jours après la fin de service du "
      "2026-12-31)\n");
}

// R1: REV-VN-1 had to come by 2026-12-31 - 3 months = 2026-09-30; it came 2026-11-02: late.
TEST_F(ScheduleCli, RequestDeadlineOfTheSamplesIsFlaggedLate) {
  auto run = schedule(*ws_, "--from 2026-09-01 --days 30");
  EXPECT_EQ(run.output,
            "2026-09-30  CTR-K-VERNET  R1  date limite de la demande de réversibilité REV-VN-1 "
            "(fin de service le 2026-12-31)\n");
  const auto manifest =
      nlohmann::json::parse(testing::read_text(ws_->out() / "schedule" / "schedule-2026-09-01-30.json"));
  EXPECT_EQ(manifest["items"][0]["trace"][0]["text"],
            "demande du 02/11/2026, après la date limite du 30/09/2026 : traitée et signalée tardive");
}

// The workbook: one sheet "Échéancier", header frozen and filtered, dates as Excel dates, by date;
// the detail is the worded trace (row 4, Vernet's recorded end: N4, 31/12/2026).
TEST_F(ScheduleCli, WorkbookListsTheDatesWithFrozenFilteredHeader) {
  ASSERT_EQ(schedule(*ws_, "--from 2026-12-01 --days 121").exit_code, 0);
  const auto xlsx = ws_->out() / "schedule" / "schedule-2026-12-01-121.xlsx";
  ASSERT_TRUE(std::filesystem::exists(xlsx));
  const std::string out = python(
      "import openpyxl,sys\n"
      "wb=openpyxl.load_workbook(sys.argv[1])\n"
      "ws=wb['Échéancier']\n"
      "print(wb.sheetnames, ws.freeze_panes, ws.auto_filter.ref)\n"
      "rows=list(ws.iter_rows(values_only=True))\n"
      "print(rows[0])\n"
      "for r in rows[1:]: print(r[0].date(), r[1], r[3])\n"
      "print(rows[4][5])\n",
      xlsx);
  EXPECT_EQ(out,
            "['Échéancier'] A2 A1:F11\n"
            "('Date', 'Contrat', 'Client', 'Règle', 'Objet', 'Détail')\n"
            "2026-12-05 CTR-K-GARNIER N3\n"
            "2026-12-08 CTR-D-DUBOIS N3\n"
            "2026-12-16 CTR-D-DUBOIS N2\n"
            "2026-12-31 CTR-K-VERNET N4\n"
            "2026-12-31 CTR-K-VERNET R2\n"
            "2027-01-15 CTR-K-VERNET R3\n"
            "2027-01-27 CTR-D-JARDINS N1\n"
            "2027-02-01 CTR-D-JARDINS N2\n"
            "2027-03-01 CTR-D-JARDINS N1\n"
            "2027-03-31 CTR-K-VERNET R4\n"
            "N4 fin de service enregistrée : dernier jour le 31/12/2026\n")
      << out;
}

// The manifest beside it: the window, the workbook's path, each item, and what cannot be dated.
TEST_F(ScheduleCli, ManifestNamesTheWorkbookAndWhatTheDataCannotDate) {
  ASSERT_EQ(schedule(*ws_, "--from 2026-12-01 --days 121").exit_code, 0);
  const auto m = nlohmann::json::parse(testing::read_text(ws_->out() / "schedule" / "schedule-2026-12-01-121.json"));
  EXPECT_EQ(m["to"], "2027-03-31");
  EXPECT_EQ(m["workbook"], "schedule/schedule-2026-12-01-121.xlsx");
  EXPECT_EQ(m["items"].size(), 10u);
  EXPECT_EQ(m["items"][5]["event"], "reversibility_delivery");
  EXPECT_EQ(m["items"][5]["client"], "Laboratoire Bioanalyse Vernet SELAS");
  EXPECT_EQ(m["items"][5]["trace"][1]["text"],
            "livraison dans les 10 jours ouvrés à partir du 31/12/2026 : au plus tard le 15/01/2027");
  // Issue 12: N2 and N3 are dated from price_changes.csv and breach_notices.csv.
  EXPECT_EQ(m["not_scheduled"].size(), 1u);
  EXPECT_EQ(m["not_scheduled"][0]["rule"], "B9");
  EXPECT_EQ(m["items"][0]["event"], "breach_cure_deadline");
  EXPECT_EQ(m["items"][0]["trace"][0]["text"],
            "manquement notifié le 25/11/2026 (article 15, partie en défaut : le prestataire) : à réparer dans les 10 "
            "jours, soit au plus tard le 05/12/2026");
  EXPECT_EQ(
      m["items"][2]["trace"][1]["text"],
      "annoncé le 16/11/2026, 1 jour(s) après la date limite du 15/11/2026 : applicable au plus tôt le 16/12/2026");
  // Written whole: no temporary file left beside them.
  for (const auto& f : std::filesystem::directory_iterator(ws_->out() / "schedule"))
    EXPECT_EQ(f.path().string().find(".tmp-"), std::string::npos) << f.path();
}

// `clause schedule` reads only: no run recorded, nothing issued.
TEST_F(ScheduleCli, ReadsOnly) {
  const std::string db = (ws_->root() / "clause.db").string();
  auto count = [&] { return run_command("sqlite3 " + db + " \"select count(*) from runs\"").output; };
  const std::string before = count();
  ASSERT_EQ(schedule(*ws_, "--from 2026-11-01").exit_code, 0);  // --days defaults to 60
  EXPECT_EQ(count(), before);
  EXPECT_TRUE(std::filesystem::exists(ws_->out() / "schedule" / "schedule-2026-11-01-60.xlsx"));
}

TEST_F(ScheduleCli, BadDateIsAUsageError) {
  auto run = schedule(*ws_, "--from 2026-13-01");
  EXPECT_EQ(run.exit_code, 64);
  EXPECT_NE(run.output.find("--from must be YYYY-MM-DD, not \"2026-13-01\""), std::string::npos) << run.output;
  EXPECT_EQ(schedule(*ws_, "--from 2026-11-01 --days 0").exit_code, 64);
  EXPECT_EQ(ws_->clause("schedule --days 60").exit_code, 64);  // --from is required
}

// B9 and R2 once Clause has invoiced 2026-11-01 (FA-2026-000001 .. 7, by contract id: Belle-Rive,
// Garnier, Lefèvre, Lemoine, Saint-Roch, Schutz, Vernet), due 2026-11-01 + 30 = 2026-12-01,
// 2026-11-15 (Moreau, FA-2026-000008, due 2026-12-15) and 2026-11-20 (Dubois's renewal,
// FA-2026-000009). payments.csv settles 000002 (Garnier, 841.50 TTC, 1 448.00 paid 11-12) and
// 000004 (Lemoine, 216.00, 360.00 paid 11-20); 000001 (Belle-Rive, 1 440.00) got 594.00 only;
// 000003, 5 .. 9 got nothing. So from 2026-12-02 five K invoices are overdue (all sums due,
// interventions suspended); Dubois (D) is definitively suspended 15 days after its anniversary,
// 2026-11-20 + 15 = 2026-12-05; Moreau is overdue from 2026-12-16; Vernet's 000007, still unpaid
// at the end of service 2026-12-31, holds its reversibility start.
TEST_F(ScheduleCli, UnpaidInvoicesOfNovemberAfterTheInvoicesRun) {
  Workspace ws("schedule-b9-" + std::to_string(::getpid()));
  ASSERT_EQ(ws.clause("init").exit_code, 0);
  ASSERT_EQ(ws.clause("import samples").exit_code, 0);
  for (const char* date : {"2026-11-01", "2026-11-15", "2026-11-20"})
    ASSERT_EQ(ws.clause(std::string("invoices --date ") + date + " --out " + ws.out().string()).exit_code, 0);
  auto run = schedule(ws, "--from 2026-12-01 --days 31");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  const std::string overdue = "  B9  facture FA-2026-00000";
  const std::string consequence =
      " échue le 2026-12-01 et impayée : toutes les sommes dues exigibles, interventions "
      "suspendues, résiliation possible 15 jours après une mise en demeure\n";
  EXPECT_EQ(
      run.output,
      "2026-12-02  CTR-K-BELLERIVE" + overdue + "1" + consequence + "2026-12-02  CTR-K-LEFEVRE" + overdue + "3" +
          consequence + "2026-12-02  CTR-K-SAINTROCH" + overdue + "5" + consequence + "2026-12-02  CTR-K-SCHUTZ" +
          overdue + "6" + consequence + "2026-12-02  CTR-K-VERNET" + overdue + "7" + consequence +
          "2026-12-05  CTR-D-DUBOIS  B9  facture FA-2026-000009 du renouvellement du 2026-11-20 impayée : contrat non "
          "renouvelé, suspension définitive des services\n"
          "2026-12-05  CTR-K-GARNIER  N3  date limite pour réparer le manquement BR-GA-1 notifié le 2026-11-25 (le "
          "prestataire en défaut, article 15, 10 jours)\n"
          "2026-12-08  CTR-D-DUBOIS  N3  date limite pour réparer le manquement BR-DB-1 notifié le 2026-11-30 (le "
          "client en défaut, article 7, 7 jours ouvrables)\n"
          "2026-12-16  CTR-D-DUBOIS  N2  fin du délai de résiliation du client après l'annonce du 2026-11-16 du "
          "changement de prix PC-DB-1 (applicable le 2026-12-15)\n"
          "2026-12-16  CTR-K-MOREAU  B9  facture FA-2026-000008 échue le 2026-12-15 et impayée : toutes les sommes "
          "dues "
          "exigibles, interventions suspendues, résiliation possible 15 jours après une mise en demeure\n"
          "2026-12-31  CTR-K-VERNET  N4  fin du service (dernier jour)\n"
          "2026-12-31  CTR-K-VERNET  R2  fin de service : la réversibilité attend le paiement de 1 facture(s) "
          "(FA-2026-000007)\n");
}

}  // namespace
}  // namespace clause
