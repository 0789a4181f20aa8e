// Interventions and their billing (RULES I1-I3; K Art. 3.3, Art. 5, Art. 8.1): the emergency
// allowance per server and contract year, the length limit of one intervention, and
// client-caused interventions. Billed time is charged in started steps of billing_step at
// hourly_rate (I1 Decision: 1 h 05 = 5 steps of 15 min x 32.25 EUR = 161.25 EUR).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/contract.h"
#include "model/operations.h"
#include "model/terms.h"
#include "rules/calendar.h"
#include "rules/trace.h"

namespace clause {

// I1: the contract year holding `on`: [start + 12k months, start + 12(k+1) months) (T5 months).
struct ContractYear {
  int index = 0;  // 0 for the first year
  Date begin{};
  Date end{};  // exclusive: the next anniversary
  friend bool operator==(const ContractYear&, const ContractYear&) = default;
};
ContractYear contract_year_of(const Contract& contract, Date on);

struct InterventionLine {
  std::string intervention_id;
  std::string service_id;
  InterventionKind kind = InterventionKind::emergency;
  Instant start{};
  Instant end{};
  minutes length{0};  // started minutes
  ContractYear year;
  int emergency_rank = 0;          // I1: 1-based rank of this emergency on its server in the year; 0 otherwise
  bool uses_allowance = false;     // I1: an emergency within the yearly allowance
  minutes covered{0};              // I2: the part within max_length
  minutes excess{0};               // I2: the part beyond max_length
  bool excess_quoted = false;      // I2: a quote reference makes the excess billable
  bool excess_not_billed = false;  // I2: "hors forfait, non facturé (devis requis)"
  minutes billed_time{0};          // what is charged, before rounding to steps
  long long billed_steps = 0;
  Money amount{};
  Trace trace;  // I1 / I3 decision, I2 length, the amount
};

struct InterventionBilling {
  std::vector<InterventionLine> lines;  // interventions starting in `period`, by start
  Money total{};
  Trace trace;
};

// I1-I3 for the interventions of one contract starting in `period` (e.g. a local month).
// `interventions` must hold the contract's emergencies since the start of the contract year of
// the earliest one in `period` (earlier ones count towards the allowance, they are not billed
// again). Emergencies: the first emergencies_per_server_year per server and contract year are
// free; later ones bill their covered time (I1). Client-caused: billed, never use a slot (I3).
// For billed and free kinds alike, time beyond max_length is billed only with a quote (I2).
// Scheduled and advice interventions are listed with amount 0 (advice is counted by I4).
InterventionBilling bill_interventions(const Contract& contract, const InterventionTerms& terms,
                                       const ContractClock& clock, const std::vector<Intervention>& interventions,
                                       Interval period);

// Started steps of `step` in `time` (ceil), and their price at `hourly_rate` (B6 rounding).
long long started_steps(minutes time, minutes step);
Money price_of_steps(long long steps, minutes step, Money hourly_rate);

}  // namespace clause
