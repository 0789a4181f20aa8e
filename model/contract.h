// A contract, its services and the history of their fees. A contract names its terms profile
// (config/terms/*.toml): every contractual parameter comes from there, never from code.
#pragma once

#include <optional>
#include <string>

#include "model/decimal.h"
#include "model/enum_text.h"
#include "model/money.h"
#include "model/time.h"

namespace clause {

enum class BillingPeriod { monthly, quarterly, annual };
template <>
struct EnumWords<BillingPeriod> {
  static constexpr std::array words{std::pair{BillingPeriod::monthly, std::string_view{"monthly"}},
                                    std::pair{BillingPeriod::quarterly, std::string_view{"quarterly"}},
                                    std::pair{BillingPeriod::annual, std::string_view{"annual"}}};
};

enum class HolidayZone { metropole, alsace_moselle };
template <>
struct EnumWords<HolidayZone> {
  static constexpr std::array words{std::pair{HolidayZone::metropole, std::string_view{"metropole"}},
                                    std::pair{HolidayZone::alsace_moselle, std::string_view{"alsace-moselle"}}};
};

struct Contract {
  std::string id;
  std::string account_id;
  std::string terms_profile;  // "kalanda-hds", "dag", or a provider's own
  Date start{};
  std::optional<Date> end;  // end of service when known (termination, R2)
  int term_months = 12;     // initial term (N1)
  bool tacit_renewal = true;
  BillingPeriod billing = BillingPeriod::monthly;
  bool backup_option = false;      // provider-managed full backup option (S3)
  bool high_availability = false;  // HA annex (S5)
  int gtr_hours = 0;               // base GTR from the client's annex, 0 = none (S4)
  HolidayZone holiday_zone = HolidayZone::metropole;
  std::string time_zone = "Europe/Paris";  // POSIX rule looked up in the configuration
  friend bool operator==(const Contract&, const Contract&) = default;
};

enum class ServiceKind { server, ha_cluster, mailbox, other };
template <>
struct EnumWords<ServiceKind> {
  static constexpr std::array words{std::pair{ServiceKind::server, std::string_view{"server"}},
                                    std::pair{ServiceKind::ha_cluster, std::string_view{"ha_cluster"}},
                                    std::pair{ServiceKind::mailbox, std::string_view{"mailbox"}},
                                    std::pair{ServiceKind::other, std::string_view{"other"}}};
};

// A billed service of a contract; a managed server counts for allowances (I1, I4).
struct Service {
  std::string id;
  std::string contract_id;
  ServiceKind kind = ServiceKind::server;
  std::string hostname;  // empty for non-server services
  std::string label;     // line description on invoices
  bool managed = true;   // a managed server (advice minutes I4)
  friend bool operator==(const Service&, const Service&) = default;
};

// The price of a service per billing period, from a date on. A SYNTEC revision (B3) adds a
// row with the index used; the initial price has no index.
struct FeeRevision {
  std::string service_id;
  Date effective{};
  Money period_price;                // HT, per billing period of the contract
  std::optional<Milli> index_value;  // the index the revision used (B3)
  friend bool operator==(const FeeRevision&, const FeeRevision&) = default;
};

}  // namespace clause
