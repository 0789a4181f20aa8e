// Reversibility (RULES R1-R5, K Art. 16): the schedule of a request and what its dossier hands over.
//   R1 a request later than end of service - notice_months (T5) is handled but flagged late;
//   R2 the period starts at the end of service or, when sums are still due then, on the day the
//      last of them is settled;
//   R3 delivery within 10 jours ouvrés of the start (the contract's holiday zone);
//   R4 services continue until the notified take-over date, at most 90 days after the end;
//   R3/R5 per server, the backups handed over (sizes, dates, checksums), which are then destroyed.
// Data selection only: reports/ renders the dossier.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/terms.h"
#include "rules/trace.h"
#include "rules/unpaid.h"

namespace clause {

struct ReversibilitySchedule {
  Date request_deadline{};                 // R1: end of service - notice_months
  bool late = false;                       // R1: requested after request_deadline
  std::vector<std::string> unpaid_at_end;  // R2: invoice numbers outstanding at end of service
  std::optional<Date> start;               // R2: nothing while those remain unpaid
  std::optional<Date> delivery_deadline;   // R3: start + 10 jours ouvrés
  Date continuity_limit{};                 // R4: end of service + 90 days
  Date services_until{};                   // R4: take-over date capped at the limit, else the limit
  Trace trace;
  friend bool operator==(const ReversibilitySchedule&, const ReversibilitySchedule&) = default;
};

// R1-R4: the schedule of `request` for a contract in `zone`, given the contract's issued invoices
// and the payments received (as known on the run date).
ReversibilitySchedule reversibility_schedule(const ReversibilityRequest& request, HolidayZone zone,
                                             const std::vector<IssuedInvoice>& invoices,
                                             const std::vector<Payment>& payments, const ReversibilityTerms& terms);

// R3: one server's backups in the dossier.
struct DossierServer {
  std::string service_id;
  std::string hostname;
  std::vector<Backup> backups;  // successful backups, oldest first
  std::int64_t total_bytes = 0;
  friend bool operator==(const DossierServer&, const DossierServer&) = default;
};

struct DossierContents {
  std::vector<DossierServer> servers;   // in the order of `services`
  std::vector<std::string> to_destroy;  // R5: ids of every backup the provider holds for them
  Trace trace;
  friend bool operator==(const DossierContents&, const DossierContents&) = default;
};

// R3, R5: what the dossier of a contract hands over, from its services (servers and clusters only)
// and the backups recorded for them.
DossierContents dossier_contents(const std::vector<Service>& services, const std::vector<Backup>& backups);

}  // namespace clause
