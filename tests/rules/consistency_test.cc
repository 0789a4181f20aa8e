// check_consistency: each check on a minimal DataSet, with the exact finding an operator reads.
#include "rules/consistency.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

Instant at(const char* text) { return parse_instant(text).value(); }
Date day(const char* text) { return parse_date(text).value(); }

const std::set<std::string> profiles{"kalanda-hds", "dag"};

// An incident with its clock; every other field keeps its default.
Incident incident(const char* id, const char* contract, Instant contacted, std::optional<Instant> start = std::nullopt,
                  std::optional<Instant> restored = std::nullopt) {
  Incident i;
  i.id = id;
  i.contract_id = contract;
  i.service_id = "S-1";
  i.contacted = contacted;
  i.intervention_start = start;
  i.restored = restored;
  return i;
}

// One client, one contract starting 2026-01-01, one service priced from that day.
DataSet consistent() {
  DataSet d;
  d.accounts = {
      {"A-1", AccountKind::client, std::nullopt, "Client", "", "", "", "fr", std::nullopt, day("2020-01-01")}};
  Contract c;
  c.id = "C-1";
  c.account_id = "A-1";
  c.terms_profile = "kalanda-hds";
  c.start = day("2026-01-01");
  d.contracts = {c};
  d.services = {{"S-1", "C-1", ServiceKind::server, "srv1", "Serveur", true}};
  d.fee_revisions = {{"S-1", day("2026-01-01"), Money::from_cents(45000), std::nullopt}};
  return d;
}

TEST(Consistency, ConsistentDataHasNoFinding) {
  EXPECT_EQ(check_consistency(consistent(), profiles), std::vector<Finding>{});
}

TEST(Consistency, UnknownTermsProfileIsNamed) {
  DataSet d = consistent();
  d.contracts[0].terms_profile = "kalanda";
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"contract", "C-1", "unknown terms profile \"kalanda\""}}));
}

TEST(Consistency, SubAccountNeedsAResellerOrClientParent) {  // G2 families
  DataSet d = consistent();
  d.accounts.push_back(
      {"A-2", AccountKind::sub_account, std::nullopt, "Sub", "", "", "", "fr", std::nullopt, day("2020-01-01")});
  d.accounts.push_back(
      {"A-3", AccountKind::sub_account, "A-2", "Sub of sub", "", "", "", "fr", std::nullopt, day("2020-01-01")});
  d.accounts.push_back(
      {"A-4", AccountKind::sub_account, "A-404", "Orphan", "", "", "", "fr", std::nullopt, day("2020-01-01")});
  d.accounts.push_back(
      {"A-5", AccountKind::client, "A-1", "Client with parent", "", "", "", "fr", std::nullopt, day("2020-01-01")});
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"account", "A-2", "sub-account without a parent"},
                                  {"account", "A-3", "parent A-2 is a sub-account, not a reseller or client"},
                                  {"account", "A-4", "parent A-404 is not a known account"},
                                  {"account", "A-5", "only a sub-account has a parent, but it names A-1"}}));
}

TEST(Consistency, ServiceNeedsAFeeInForceAtContractStart) {  // B2/B3
  DataSet d = consistent();
  d.fee_revisions[0].effective = day("2026-01-02");  // one day late
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"service", "S-1", "no fee revision in force at contract start 2026-01-01"}}));
}

TEST(Consistency, IncidentClockMustRunForward) {  // S1, S4: contacted <= intervention start <= restored
  DataSet d = consistent();
  d.incidents = {
      incident("I-1", "C-1", at("2026-10-01T10:00:00Z"), at("2026-10-01T09:00:00Z")),
      incident("I-2", "C-1", at("2026-10-01T10:00:00Z"), at("2026-10-01T11:00:00Z"), at("2026-10-01T10:30:00Z")),
      incident("I-3", "C-1", at("2026-10-01T10:00:00Z"), std::nullopt, at("2026-10-01T12:00:00Z"))};
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{
                {"incident", "I-1", "intervention start 2026-10-01T09:00:00Z is before contact 2026-10-01T10:00:00Z"},
                {"incident", "I-2", "restored 2026-10-01T10:30:00Z is before intervention start 2026-10-01T11:00:00Z"},
                {"incident", "I-3", "restored without an intervention start"}}));
}

TEST(Consistency, EndsBeforeStartsAreFound) {
  DataSet d = consistent();
  d.outages = {{"O-1", "S-1", at("2026-10-05T10:00:00Z"), at("2026-10-05T09:00:00Z"), OutageKind::unplanned, ""}};
  Backup b;
  b.id = "B-1";
  b.service_id = "S-1";
  b.start = at("2026-10-04T01:00:00Z");
  b.end = at("2026-10-04T00:59:59Z");
  d.backups = {b};
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"outage", "O-1", "end 2026-10-05T09:00:00Z is before start 2026-10-05T10:00:00Z"},
                                  {"backup", "B-1", "end 2026-10-04T00:59:59Z is before start 2026-10-04T01:00:00Z"}}));
}

TEST(Consistency, OverlappingRootAccessOfOneServiceIsFound) {  // S6, D Art. 6
  DataSet d = consistent();
  d.services.push_back({"S-2", "C-1", ServiceKind::server, "srv2", "Serveur 2", true});
  d.fee_revisions.push_back({"S-2", day("2026-01-01"), Money::from_cents(45000), std::nullopt});
  d.root_access_periods = {
      {"R-1", "C-1", "S-1", at("2026-10-01T00:00:00Z"), at("2026-10-03T00:00:00Z")},
      {"R-2", "C-1", "S-1", at("2026-10-03T00:00:00Z"), std::nullopt},                 // touches R-1: fine
      {"R-3", "C-1", "S-1", at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")},   // inside open R-2
      {"R-4", "C-1", "S-2", at("2026-10-02T00:00:00Z"), at("2026-10-04T00:00:00Z")}};  // another service
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"root_access_period", "R-3", "overlaps R-2 on service S-1"}}));
}

TEST(Consistency, PriorInvoicesOfAContractMustNotBillADayTwice) {  // B4
  DataSet d = consistent();
  auto prior = [](const char* number, const char* from, const char* to) {
    return PriorInvoice{
        number, "C-1", day(from), day(from), day(to), Money::from_cents(45000), Milli{20000}, Money::from_cents(9000)};
  };
  d.prior_invoices = {prior("F-10", "2026-10-01", "2026-10-31"), prior("F-09", "2026-09-01", "2026-09-30"),
                      prior("F-11", "2026-10-31", "2026-11-30")};  // 31 October billed by F-10 too
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"prior_invoice", "F-11", "bills days already billed by F-10 (contract C-1)"}}));
}

TEST(Consistency, RecordsMustNameAServiceOfTheirContract) {  // invariant 4
  DataSet d = consistent();
  Contract other = d.contracts[0];
  other.id = "C-2";
  d.contracts.push_back(other);
  d.incidents = {incident("I-1", "C-2", at("2026-10-01T10:00:00Z"))};
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{{"incident", "I-1", "service S-1 belongs to contract C-1, not C-2"}}));
}

// B6, BR-27: data imported before the import refused negative money still reaches `clause check`,
// which names each record (a statement would otherwise show "avoir de -490,39 €").
TEST(Consistency, NegativeMoneyInTheDatabaseIsNamedWithItsRecord) {
  DataSet d = consistent();
  d.fee_revisions.push_back({"S-1", day("2026-05-01"), Money::from_cents(-49039), std::nullopt});
  d.fee_revisions.push_back(
      {"S-1", day("2026-06-01"), Money::from_cents(0), Milli{0}});  // free is fine; index 0 is not
  d.payments = {{"PAY-1", "FA-2026-000001", day("2026-10-05"), Money::from_cents(-1250)},
                {"PAY-2", "FA-2026-000001", day("2026-10-05"), Money::from_cents(0)},
                {"PAY-3", "FA-2026-000001", day("2026-10-05"), Money::from_cents(54000)}};
  d.prior_invoices = {{"OLD-1", "C-1", day("2025-01-31"), day("2025-01-01"), day("2025-01-31"),
                       Money::from_cents(-10000), Milli{20000}, Money::from_cents(-2000)}};
  EXPECT_EQ(check_consistency(d, profiles),
            (std::vector<Finding>{
                {"service", "S-1", "fee revision effective 2026-05-01 has a negative price -490.39"},
                {"service", "S-1", "fee revision effective 2026-06-01 has an index value that is not positive"},
                {"payment", "PAY-1", "amount -12.50 is not positive"},
                {"payment", "PAY-2", "amount 0.00 is not positive"},
                {"prior_invoice", "OLD-1", "negative total_ht -100.00"},
                {"prior_invoice", "OLD-1", "negative total_vat -20.00"}}));
}

}  // namespace
}  // namespace clause
