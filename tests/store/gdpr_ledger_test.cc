// The GDPR ledger and the erasure of people (RULES G3, G5, G6) on both backends: a purge erases
// the people and the texts quoting them, its audit row round-trips with no personal data, a
// re-import of the same export keeps them erased and says how many, and a destroyed document
// keeps its number and dates with its content blanked.
#include "store/gdpr_ledger.h"

#include <gtest/gtest.h>

#include "store/csv_import.h"
#include "store/folded_text.h"
#include "store/gdpr_reminder_ledger.h"
#include "store/ledger.h"
#include "store/personal_data_erasure.h"
#include "store/record_repository.h"
#include "store/table_rows.h"
#include "test_database.h"

namespace clause {
namespace {

using testing::Backend;
using testing::TestDatabase;

Date day(const char* text) { return parse_date(text).value(); }

TEST(ScrubText, ReplacesEveryCaseOfEachNeedleAndAnEMailWholeAroundANameInIt) {
  EXPECT_EQ(scrub_text("Appel de GÉRARD perrin, gerard.perrin@PERRIN.fr", {"gerard.perrin@perrin.fr", "Perrin"}),
            "Appel de GÉRARD [effacé], [effacé]");
  EXPECT_EQ(scrub_text("nothing here", {"Jean Vidal", ""}), "nothing here");
}

// G3: a name is found whatever its case and accents (over-erasing a word is safer than leaving a name).
TEST(ScrubText, G3AnAccentedCapitalNameMatchesItsLowerCaseSpelling) {
  EXPECT_EQ(scrub_text("Rappel de GÉRARD PERRIN ce matin", {"Gérard Perrin"}), "Rappel de [effacé] ce matin");
}

TEST(ScrubText, G3ANameWrittenWithoutItsAccentsMatches) {
  EXPECT_EQ(scrub_text("vu gerard perrin hier", {"Gérard Perrin"}), "vu [effacé] hier");
  EXPECT_EQ(scrub_text("Agnes FONTAINE a rappelé", {"Agnès Fontaine"}), "[effacé] a rappelé");
}

TEST(ScrubText, G3ADecomposedAccentMatchesTheComposedOne) {
  EXPECT_EQ(scrub_text("Ge\u0301rard Perrin est parti", {"Gérard Perrin"}), "[effacé] est parti");
}

TEST(ScrubText, G3AHyphenOrBlanksBetweenTheWordsDoNotHideAName) {
  EXPECT_EQ(scrub_text("M. jean pierre  MARTIN", {"Jean-Pierre Martin"}), "M. [effacé]");
}

TEST(ScrubText, G3APhoneIsFoundInNationalFormWithDotsAndWithoutBlanks) {
  Person p{"P1", "A", "Gérard Perrin", "gerard.perrin@perrin.fr", "+33 6 34 38 42 54", "", "legal"};
  EXPECT_EQ(scrub_text("Appeler le 06.34.38.42.54, le +33634384254 ou le 0033 6 34 38 42 54", quotable_data(p)),
            "Appeler le [effacé], le [effacé] ou le 00[effacé]");
}

TEST(ScrubText, G3APostalAddressIsFoundAcrossLinesCommasAndCase) {
  EXPECT_EQ(scrub_text("Livrer au 2, rue du Marché — 33500 LIBOURNE avant midi", {"2 rue du Marché\n33500 Libourne"}),
            "Livrer au [effacé] avant midi");
}

TEST(ScrubText, G3LigaturesAndTheSharpSFoldToTheirUsualSpelling) {
  EXPECT_EQ(scrub_text("Chez Cœur-Thérèse, Hauptstraße 3", {"coeur therese", "HAUPTSTRASSE 3"}),
            "Chez [effacé], [effacé]");
}

TEST(ScrubText, NeedlesOfUnderThreeFoldedCharactersAreIgnored) {
  EXPECT_EQ(scrub_text("Li a écrit à Wu", {"Li", "+3", "W."}), "Li a écrit à Wu");
}

TEST(FoldedText, KeepsLettersAndDigitsCaseFoldedWithoutAccents) {
  EXPECT_EQ(folded_key("GÉRARD Perrin-Dupont, +33 6"), "gerardperrindupont+336");
  EXPECT_EQ(folded_key("Œuvre Ærø Łódź"), "oeuvreaerolodz");
}

TEST(ScrubText, QuotableDataIsNameEmailPhoneAddressAndThePhonesNationalAndDigitsForms) {
  Person p{"P1", "A", "Jean Vidal", "jean.vidal@vidal.fr", "+33 6 30 10 90 30", "2 rue du Marché", "legal"};
  EXPECT_EQ(quotable_data(p), (std::vector<std::string>{"Jean Vidal", "jean.vidal@vidal.fr", "+33 6 30 10 90 30",
                                                        "2 rue du Marché", "0630109030", "33630109030"}));
}

class GdprLedger : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    CLAUSE_NEED_BACKEND(GetParam());
    t_ = std::make_unique<TestDatabase>(GetParam());
    db().migrate();
    ASSERT_TRUE(import_directory(db(), samples()).ok());
  }
  Database& db() { return t_->db(); }
  static std::filesystem::path samples() { return std::filesystem::path{CLAUSE_SOURCE_DIR} / "samples"; }
  std::string one(const std::string& sql) {
    auto rows = select_cells(db(), sql, 1);
    return rows.empty() || !rows[0][0] ? "" : *rows[0][0];
  }
  // Perrin's purge as `clause gdpr --apply` does it, with a service label quoting a person.
  PurgeRecord purge_perrin() {
    db().session() << "UPDATE services SET label = 'Serveur de SYLVIE PERRIN' WHERE id = 'SRV-PR-WEB'";
    soci::transaction tx(db().session());
    const ErasureCounts counts = erase_people(db(), "ACC-PERRIN", load_people_of_account(db(), "ACC-PERRIN"));
    PurgeRecord p{"gdpr-1-x/ACC-PERRIN",
                  "gdpr-1-x",
                  "ACC-PERRIN",
                  day("2026-11-22"),
                  day("2024-03-15"),
                  "G1 G3",
                  counts.people_erased,
                  counts.texts_scrubbed,
                  0,
                  0,
                  {"ACC-PERRIN-P1", "ACC-PERRIN-P2"}};
    record_purge(db(), p);
    tx.commit();
    return p;
  }
  std::unique_ptr<TestDatabase> t_;
};
INSTANTIATE_TEST_SUITE_P(Backends, GdprLedger, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

TEST_P(GdprLedger, G3APurgeErasesThePeopleAndTheTextsQuotingThemAndRoundTrips) {
  const PurgeRecord p = purge_perrin();
  EXPECT_EQ(p.people_erased, 2);
  EXPECT_EQ(p.texts_scrubbed, 2);  // the label, and the billing address that is Gérard Perrin's postal address
  EXPECT_EQ(one("SELECT label FROM services WHERE id = 'SRV-PR-WEB'"), "Serveur de [effacé]");
  EXPECT_EQ(one("SELECT address FROM accounts WHERE id = 'ACC-PERRIN'"), "Garage Perrin SARL\n[effacé]");
  EXPECT_EQ(
      one("SELECT full_name || email || phone || postal_address || '/' || role FROM people WHERE id = 'ACC-PERRIN-P1'"),
      "/legal");
  EXPECT_EQ(load_purges(db()), std::vector<PurgeRecord>{p});
  EXPECT_TRUE(purged_for_period(db(), "ACC-PERRIN", day("2024-03-15")));
  EXPECT_FALSE(purged_for_period(db(), "ACC-PERRIN", day("2024-03-16")));
}

// G3: the relay's reply of a delivery, a reminder's reply and the audit log's detail quote people too.
TEST_P(GdprLedger, G3APurgeScrubsDeliveryRepliesReminderRepliesAndAuditDetails) {
  db().session() << "INSERT INTO deliveries (message_id, account_id, night, status, reply, queued_at, updated_at) "
                    "VALUES ('<m1@kalanda.example>', 'ACC-PERRIN', '2024-03-01', 'failed', "
                    "'550 5.1.1 <SYLVIE.PERRIN@perrin.fr>: Recipient address rejected', '2024-03-01T00:00:00Z', "
                    "'2024-03-01T00:00:00Z')";
  db().session()
      << "INSERT INTO gdpr_reminders (account_id, last_activity, inactive_on, reminded_on, path, status, reply) "
         "VALUES ('ACC-PERRIN', '2024-03-15', '2026-03-15', '2026-02-20', '', 'failed', "
         "'550 <gerard.perrin@perrin.fr> unknown')";
  db().session() << "INSERT INTO audit_log (at, action, entity, entity_id, detail) VALUES "
                    "('2024-03-01T00:00:00Z', 'note', 'contract', 'CTR-K-PERRIN', 'appel de Gérard Perrin')";
  const PurgeRecord p = purge_perrin();
  EXPECT_EQ(p.texts_scrubbed, 5);
  EXPECT_EQ(one("SELECT reply FROM deliveries"), "550 5.1.1 <[effacé]>: Recipient address rejected");
  EXPECT_EQ(one("SELECT reply FROM gdpr_reminders"), "550 <[effacé]> unknown");
  EXPECT_EQ(one("SELECT detail FROM audit_log WHERE action = 'note'"), "appel de [effacé]");
}

// G4: a reminder is queued once, and `clause send` records its outcome on the same row.
TEST_P(GdprLedger, G4AQueuedReminderRecordsItsDeliveryOutcome) {
  record_reminder(db(), {"ACC-FONTAINE", day("2024-12-10"), day("2026-12-10"), day("2026-11-22"), "", "queued", {}});
  auto pending = load_pending_reminders(db());
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].status, "queued");
  pending[0].status = "sent";
  pending[0].message_id = "<r1@kalanda.example>";
  pending[0].attempts = 1;
  pending[0].recipients = 2;
  pending[0].reply = "250 2.0.0 Ok";
  pending[0].sent_at = parse_instant("2026-11-22T02:00:00Z");
  record_reminder_outcome(db(), pending[0]);
  EXPECT_TRUE(load_pending_reminders(db()).empty());
  EXPECT_EQ(one("SELECT status || '|' || message_id || '|' || attempts || '|' || recipients || '|' || sent_at "
                "FROM gdpr_reminders"),
            "sent|<r1@kalanda.example>|1|2|2026-11-22T02:00:00Z");
  EXPECT_EQ(reminder_of(db(), "ACC-FONTAINE", day("2024-12-10"))->sent_on, day("2026-11-22"));
}

TEST_P(GdprLedger, G5ReimportBringsNoPurgedPersonBackAndCountsTheRows) {
  purge_perrin();
  const ImportReport report = import_directory(db(), samples());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.purged_people_kept_erased, 2);
  EXPECT_EQ(one("SELECT count(*) FROM people WHERE account_id = 'ACC-PERRIN' AND full_name <> ''"), "0");
  EXPECT_EQ(one("SELECT count(*) FROM people WHERE full_name <> ''"), "29");
}

TEST_P(GdprLedger, G6ADestroyedInvoiceKeepsItsNumberAndDatesWithItsContentBlanked) {
  const long long run = start_run(db(), "invoices", "--date 2016-06-30", Instant{});
  IssuedDocument d;
  d.kind = DocumentKind::invoice;
  d.contract_id = "CTR-K-PERRIN";
  d.period = "2016-06";
  d.issued_on = day("2016-06-30");
  d.total_ttc = Money::from_cents(12000);
  d.run_id = run;
  const IssueResult issued = issue_document(db(), d, [](IssuedDocument& doc) {
    doc.path = "out/FA.pdf";
    doc.sha256 = std::string(64, 'a');
    return std::vector<DocumentFile>{{doc.path, doc.sha256}};
  });
  EXPECT_EQ(documents_issued_before(db(), day("2016-01-01")).size(), 0u);
  ASSERT_EQ(documents_issued_before(db(), day("2017-01-01")).size(), 1u);
  const DestroyedDocument destroyed{issued.document.id, "invoice",         "FA-2016-000001",
                                    day("2016-06-30"),  day("2027-01-01"), "gdpr-2-x"};
  soci::transaction tx(db().session());
  EXPECT_EQ(record_destruction(db(), destroyed), std::vector<std::string>{"out/FA.pdf"});
  tx.commit();
  EXPECT_EQ(one("SELECT number || '|' || issued_on || '|' || path || '|' || sha256 || '|' || ttc_cents FROM "
                "issued_documents"),
            "FA-2016-000001|2016-06-30|||0");
  EXPECT_EQ(load_destroyed_documents(db()), std::vector<DestroyedDocument>{destroyed});
  EXPECT_EQ(documents_issued_before(db(), day("2017-01-01")).size(), 0u);
  EXPECT_EQ(one("SELECT count(*) FROM document_files"), "0");
}

}  // namespace
}  // namespace clause
