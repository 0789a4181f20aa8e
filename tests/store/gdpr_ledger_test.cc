// The GDPR ledger and the erasure of people (RULES G3, G5, G6) on both backends: a purge erases
// the people and the texts quoting them, its audit row round-trips with no personal data, a
// re-import of the same export keeps them erased and says how many, and a destroyed document
// keeps its number and dates with its content blanked.
#include "store/gdpr_ledger.h"

#include <gtest/gtest.h>

#include "store/csv_import.h"
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

TEST(ScrubText, ReplacesEveryCaseOfEachNeedleLongestFirst) {
  EXPECT_EQ(scrub_text("Appel de GÉRARD perrin, gerard.perrin@PERRIN.fr", {"gerard.perrin@perrin.fr", "Perrin"}),
            "Appel de GÉRARD [effacé], [effacé]");
  EXPECT_EQ(scrub_text("nothing here", {"Jean Vidal", ""}), "nothing here");
}

TEST(ScrubText, QuotableDataIsNameEmailPhoneAndPhoneWithoutBlanks) {
  Person p{"P1", "A", "Jean Vidal", "jean.vidal@vidal.fr", "+33 6 30 10 90 30", "2 rue du Marché", "legal"};
  EXPECT_EQ(quotable_data(p), (std::vector<std::string>{"Jean Vidal", "jean.vidal@vidal.fr", "+33 6 30 10 90 30",
                                                        "+33630109030"}));
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
    PurgeRecord p{"gdpr-1-x/ACC-PERRIN", "gdpr-1-x", "ACC-PERRIN", day("2026-11-22"), day("2024-03-15"), "G1 G3",
                  counts.people_erased, counts.texts_scrubbed, 0, 0, {"ACC-PERRIN-P1", "ACC-PERRIN-P2"}};
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
  EXPECT_EQ(p.texts_scrubbed, 1);
  EXPECT_EQ(one("SELECT label FROM services WHERE id = 'SRV-PR-WEB'"), "Serveur de [effacé]");
  EXPECT_EQ(one("SELECT full_name || email || phone || postal_address || '/' || role FROM people WHERE id = 'ACC-PERRIN-P1'"),
            "/legal");
  EXPECT_EQ(load_purges(db()), std::vector<PurgeRecord>{p});
  EXPECT_TRUE(purged_for_period(db(), "ACC-PERRIN", day("2024-03-15")));
  EXPECT_FALSE(purged_for_period(db(), "ACC-PERRIN", day("2024-03-16")));
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
  const DestroyedDocument destroyed{issued.document.id, "invoice", "FA-2016-000001", day("2016-06-30"),
                                    day("2027-01-01"), "gdpr-2-x"};
  soci::transaction tx(db().session());
  EXPECT_EQ(record_destruction(db(), destroyed), std::vector<std::string>{"out/FA.pdf"});
  tx.commit();
  EXPECT_EQ(one("SELECT number || '|' || issued_on || '|' || path || '|' || sha256 || '|' || ttc_cents FROM issued_documents"),
            "FA-2016-000001|2016-06-30|||0");
  EXPECT_EQ(load_destroyed_documents(db()), std::vector<DestroyedDocument>{destroyed});
  EXPECT_EQ(documents_issued_before(db(), day("2017-01-01")).size(), 0u);
  EXPECT_EQ(one("SELECT count(*) FROM document_files"), "0");
}

}  // namespace
}  // namespace clause
