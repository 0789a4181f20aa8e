// What happens to the services: incidents, outages, interventions, support tickets and the
// periods when the client held root access. These are the facts the service levels judge.
#pragma once

#include <optional>
#include <string>

#include "model/enum_text.h"
#include "model/time.h"

namespace clause {

enum class IncidentCause { server, client, third_party, force_majeure, unknown };
template <>
struct EnumWords<IncidentCause> {
  static constexpr std::array words{std::pair{IncidentCause::server, std::string_view{"server"}},
                                    std::pair{IncidentCause::client, std::string_view{"client"}},
                                    std::pair{IncidentCause::third_party, std::string_view{"third_party"}},
                                    std::pair{IncidentCause::force_majeure, std::string_view{"force_majeure"}},
                                    std::pair{IncidentCause::unknown, std::string_view{"unknown"}}};
};

// An emergency request on a service (K Art. 5): contacted -> intervention start -> restored.
struct Incident {
  std::string id;
  std::string contract_id;
  std::string service_id;
  Instant contacted{};                        // S1 clock start, S8 month
  std::optional<Instant> intervention_start;  // S2 lateness, S4 clock start
  std::optional<Instant> restored;            // S4
  bool blocking = false;                      // S3
  IncidentCause cause = IncidentCause::unknown;
  bool data_loss = false;     // S4: backup-restore time is removed
  minutes backup_restore{0};  // time spent restoring backups
  std::string summary;
  friend bool operator==(const Incident&, const Incident&) = default;
};

enum class OutageKind { unplanned, planned, force_majeure, client };
template <>
struct EnumWords<OutageKind> {
  static constexpr std::array words{std::pair{OutageKind::unplanned, std::string_view{"unplanned"}},
                                    std::pair{OutageKind::planned, std::string_view{"planned"}},
                                    std::pair{OutageKind::force_majeure, std::string_view{"force_majeure"}},
                                    std::pair{OutageKind::client, std::string_view{"client"}}};
};

// A period of unavailability of a service (S5). Only `unplanned` counts against the provider.
struct Outage {
  std::string id;
  std::string service_id;
  Instant start{};
  Instant end{};
  OutageKind kind = OutageKind::unplanned;
  std::string summary;
  friend bool operator==(const Outage&, const Outage&) = default;
};

enum class InterventionKind { emergency, client_caused, scheduled, advice };
template <>
struct EnumWords<InterventionKind> {
  static constexpr std::array words{std::pair{InterventionKind::emergency, std::string_view{"emergency"}},
                                    std::pair{InterventionKind::client_caused, std::string_view{"client_caused"}},
                                    std::pair{InterventionKind::scheduled, std::string_view{"scheduled"}},
                                    std::pair{InterventionKind::advice, std::string_view{"advice"}}};
};

// Work done on a server: emergencies use the allowance (I1), client-caused ones are billed (I3),
// advice uses the advice minutes (I4). A quote reference means the client accepted a quote (I2).
struct Intervention {
  std::string id;
  std::string contract_id;
  std::string service_id;
  std::optional<std::string> incident_id;
  InterventionKind kind = InterventionKind::emergency;
  Instant start{};
  Instant end{};
  std::optional<std::string> quote_reference;
  friend bool operator==(const Intervention&, const Intervention&) = default;
};

// A support ticket (S9): acknowledged within 1 business hour.
struct SupportTicket {
  std::string id;
  std::string contract_id;
  Instant opened{};
  std::optional<Instant> acknowledged;
  friend bool operator==(const SupportTicket&, const SupportTicket&) = default;
};

// While the client holds root access on a server, GTI/GTR are suspended (S6, D Art. 6).
struct RootAccessPeriod {
  std::string id;
  std::string contract_id;
  std::string service_id;
  Instant start{};
  std::optional<Instant> end;  // open while access is still granted
  friend bool operator==(const RootAccessPeriod&, const RootAccessPeriod&) = default;
};

}  // namespace clause
