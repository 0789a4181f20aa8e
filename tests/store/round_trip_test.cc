// Row <-> model round trips for every record type, on SQLite and PostgreSQL: written through the
// repository, loaded back, compared with ==. Each type has one record with every optional field
// set and one with none, so NULL handling is covered both ways.
#include <gtest/gtest.h>

#include "store/record_repository.h"
#include "test_database.h"

namespace clause {
namespace {

using namespace std::chrono;
using testing::Backend;
using testing::TestDatabase;

Instant at(const char* text) { return parse_instant(text).value(); }
Date day(const char* text) { return parse_date(text).value(); }

// Records in the order the loaders return them (by id, or by time then id).
DataSet every_record() {
  DataSet d;
  d.accounts = {
      {"A-1", AccountKind::reseller, std::nullopt, "Revendeur SARL", "12 rue de la Paix\n75002 Paris", "123456789",
       "FR12123456789", "fr", day("2026-09-30"), day("2020-01-15")},
      {"A-2", AccountKind::sub_account, "A-1", "Filiale « Nord »", "", "", "", "en", std::nullopt, day("2021-03-01")}};
  d.people = {{"P-1", "A-1", "Jeanne Dupont", "jeanne@example.fr", "+33 1 23 45 67 89", "", "billing"},
              {"P-2", "A-2", "Éric \"Rick\" Martin", "", "", "1 place Kléber", ""}};
  d.contracts = {{"C-1", "A-1", "kalanda-hds", day("2025-03-15"), std::nullopt, 12, true, BillingPeriod::monthly, true,
                  true, 4, HolidayZone::metropole, "Europe/Paris"},
                 {"C-2", "A-2", "dag", day("2024-02-29"), day("2026-12-31"), 24, false, BillingPeriod::annual, false,
                  false, 0, HolidayZone::alsace_moselle, "Europe/Paris"}};
  d.services = {{"S-1", "C-1", ServiceKind::server, "srv1.example.fr", "Serveur infogéré", true},
                {"S-2", "C-2", ServiceKind::mailbox, "", "Messagerie", false}};
  d.fee_revisions = {{"S-1", day("2025-03-15"), Money::from_cents(45000), std::nullopt},
                     {"S-1", day("2026-03-15"), Money::from_cents(46257), Milli{276100}},
                     {"S-2", day("2024-02-29"), Money::from_cents(-1), Milli{1}}};
  d.incidents = {{"I-1", "C-1", "S-1", at("2026-10-23T15:30:00Z"), at("2026-10-26T08:45:00Z"),
                  at("2026-10-26T15:00:00Z"), true, IncidentCause::server, true, minutes{90}, "Disque plein\nbase"},
                 {"I-2", "C-1", "S-1", at("2026-10-25T02:30:00Z"), std::nullopt, std::nullopt, false,
                  IncidentCause::force_majeure, false, minutes{0}, ""}};
  d.outages = {{"O-1", "S-1", at("2026-10-05T10:00:00Z"), at("2026-10-05T11:30:00Z"), OutageKind::unplanned, "Réseau"},
               {"O-2", "S-1", at("2026-10-12T02:00:00Z"), at("2026-10-12T02:00:00Z"), OutageKind::client, ""}};
  d.interventions = {{"V-1", "C-1", "S-1", "I-1", InterventionKind::emergency, at("2026-10-26T08:45:00Z"),
                      at("2026-10-26T11:15:00Z"), "Q-17"},
                     {"V-2", "C-1", "S-1", std::nullopt, InterventionKind::advice, at("2026-10-27T13:00:00Z"),
                      at("2026-10-27T13:20:00Z"), std::nullopt}};
  d.support_tickets = {{"T-1", "C-1", at("2026-10-02T08:10:00Z"), at("2026-10-02T08:40:00Z")},
                       {"T-2", "C-2", at("2026-10-03T21:00:00Z"), std::nullopt}};
  d.root_access_periods = {{"R-1", "C-1", "S-1", at("2026-10-10T00:00:00Z"), at("2026-10-12T00:00:00Z")},
                           {"R-2", "C-1", "S-1", at("2026-10-20T00:00:00Z"), std::nullopt}};
  d.backups = {
      {"B-1", "S-1", BackupScope::full, BackupKind::weekly, at("2026-10-04T01:00:00Z"), at("2026-10-04T02:10:00Z"),
       BackupStatus::success, 53687091200, "sha256:ab12", "offsite:gra3", day("2026-11-04")},
      {"B-2", "S-1", BackupScope::databases, BackupKind::incremental, at("2026-10-05T01:00:00Z"), std::nullopt,
       BackupStatus::failed, 0, "", "", std::nullopt}};
  d.mail_usage = {{"C-2", day("2026-10-01"), 25400}, {"C-2", day("2026-10-02"), 0}};
  d.price_indices = {{"SYNTEC", {2026, 1}, Milli{276100}, day("2026-02-27")},
                     {"SYNTEC", {2026, 8}, Milli{296125}, day("2026-09-30")}};
  // Ordered as loaded: by contract, then period.
  d.prior_invoices = {{"LEGACY-0042", "C-1", day("2026-09-01"), day("2026-09-01"), day("2026-09-30"),
                       Money::from_cents(1042), Milli{20000}, Money::from_cents(208)},
                      {"LEGACY-0031", "C-2", day("2026-03-01"), day("2026-03-01"), day("2027-02-28"),
                       Money::from_cents(228000), Milli{5500}, Money::from_cents(12540)}};
  d.payments = {{"PAY-2", "LEGACY-0042", day("2026-09-12"), Money::from_cents(1250)},
                {"PAY-1", "FA-2026-000001", day("2026-10-05"), Money::from_cents(54000)}};
  d.reversibility_requests = {
      {"RV-1", "C-2", day("2026-09-15"), day("2026-12-31"), day("2027-02-15"), day("2027-03-01")},
      {"RV-2", "C-1", day("2026-09-16"), day("2026-12-31"), std::nullopt, std::nullopt}};
  return d;
}

class RoundTrip : public ::testing::TestWithParam<Backend> {};

TEST_P(RoundTrip, EveryRecordTypeLoadsBackEqual) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  t.db().migrate();
  const DataSet written = every_record();
  upsert_data_set(t.db(), written);
  DataSet loaded = load_data_set(t.db());
  EXPECT_EQ(loaded.accounts, written.accounts);
  EXPECT_EQ(loaded.people, written.people);
  EXPECT_EQ(loaded.contracts, written.contracts);
  EXPECT_EQ(loaded.services, written.services);
  EXPECT_EQ(loaded.fee_revisions, written.fee_revisions);
  EXPECT_EQ(loaded.incidents, written.incidents);
  EXPECT_EQ(loaded.outages, written.outages);
  EXPECT_EQ(loaded.interventions, written.interventions);
  EXPECT_EQ(loaded.support_tickets, written.support_tickets);
  EXPECT_EQ(loaded.root_access_periods, written.root_access_periods);
  EXPECT_EQ(loaded.backups, written.backups);
  EXPECT_EQ(loaded.mail_usage, written.mail_usage);
  EXPECT_EQ(loaded.price_indices, written.price_indices);
  EXPECT_EQ(loaded.prior_invoices, written.prior_invoices);
  EXPECT_EQ(loaded.payments, written.payments);
  EXPECT_EQ(loaded.reversibility_requests, written.reversibility_requests);
  EXPECT_EQ(loaded, written);
}

TEST_P(RoundTrip, UpsertingAgainUpdatesWithoutDuplicating) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  t.db().migrate();
  DataSet d = every_record();
  upsert_data_set(t.db(), d);
  d.incidents[1].restored = at("2026-10-25T05:00:00Z");
  d.fee_revisions[0].period_price = Money::from_cents(45100);
  upsert_data_set(t.db(), d);
  EXPECT_EQ(load_data_set(t.db()), d);
}

TEST_P(RoundTrip, ContractLoadersSelectOneContract) {
  CLAUSE_NEED_BACKEND(GetParam());
  TestDatabase t(GetParam());
  t.db().migrate();
  const DataSet d = every_record();
  upsert_data_set(t.db(), d);
  EXPECT_EQ(load_contract_ids(t.db()), (std::vector<std::string>{"C-1", "C-2"}));
  auto c2 = load_contract_records(t.db(), "C-2").value();
  EXPECT_EQ(c2.contract, d.contracts[1]);
  EXPECT_EQ(c2.account, d.accounts[1]);
  EXPECT_EQ(c2.parent, d.accounts[0]);
  EXPECT_EQ(c2.services, std::vector<Service>{d.services[1]});
  EXPECT_EQ(c2.fee_revisions, std::vector<FeeRevision>{d.fee_revisions[2]});
  EXPECT_EQ(c2.support_tickets, std::vector<SupportTicket>{d.support_tickets[1]});
  EXPECT_EQ(c2.mail_usage, d.mail_usage);
  EXPECT_EQ(c2.reversibility_requests, std::vector<ReversibilityRequest>{d.reversibility_requests[0]});
  EXPECT_TRUE(c2.incidents.empty());
  EXPECT_TRUE(c2.backups.empty());
  auto c1 = load_contract_records(t.db(), "C-1").value();
  EXPECT_EQ(c1.incidents, d.incidents);
  EXPECT_EQ(c1.outages, d.outages);
  EXPECT_EQ(c1.interventions, d.interventions);
  EXPECT_EQ(c1.root_access_periods, d.root_access_periods);
  EXPECT_EQ(c1.backups, d.backups);
  EXPECT_FALSE(c1.parent);
  EXPECT_FALSE(load_contract_records(t.db(), "C-404"));
  // C-2 ended 2026-12-31: active through that day, not from 2027-01-01.
  EXPECT_EQ(load_contracts_active_between(t.db(), day("2026-12-31"), day("2027-01-31")).size(), 2u);
  EXPECT_EQ(load_contracts_active_between(t.db(), day("2027-01-01"), day("2027-01-31")),
            std::vector<Contract>{d.contracts[0]});
  // C-1 starts 2025-03-15: not active over 2025-01.
  EXPECT_EQ(load_contracts_active_between(t.db(), day("2025-01-01"), day("2025-01-31")),
            std::vector<Contract>{d.contracts[1]});
  // Half-open: I-1 contacted 2026-10-23T15:30Z is in, I-2 at 2026-10-25T02:30Z is the end, excluded.
  EXPECT_EQ(load_incidents_between(t.db(), "C-1", {at("2026-10-23T15:30:00Z"), at("2026-10-25T02:30:00Z")}),
            std::vector<Incident>{d.incidents[0]});
  EXPECT_EQ(load_people_of_account(t.db(), "A-2"), std::vector<Person>{d.people[1]});
}

INSTANTIATE_TEST_SUITE_P(Backends, RoundTrip, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace clause
