// The numbers documents rendered ahead will bear (issue 16). An invoice shows its number, and the
// ledger allocates it in the transaction that records the document (B7), so rendering inside that
// transaction serialised the invoices on one core. Rendering ahead needs the number beforehand:
// it is forecast from the last number of the sequence plus the documents in flight, and the
// transaction checks the forecast against the number it allocates. The numbers are still
// allocated by the ledger alone, in submission order; when another run numbered a document
// meanwhile, the forecast is wrong, that document is rendered again with its real number inside
// the transaction (as before), and the forecasts go on from the real number.
#pragma once

#include <string>

#include "store/ledger.h"

namespace clause {

class NumberForecast {
 public:
  // Starts after the last number of the (kind, year) sequence in the ledger (none: number 1).
  NumberForecast(Database& db, DocumentKind kind, int year);
  // The number the next document submitted will bear if no other run numbers one meanwhile
  // ("FA-2026-000042"); counts it in flight.
  std::string next();
  // The number the ledger gave the oldest document in flight: later forecasts go on from it.
  void issued(const std::string& number);
  // The oldest document in flight got no number after all (found already issued, or skipped).
  void dropped();

 private:
  DocumentKind kind_;
  int year_;
  long long last_ = 0;       // the last number known issued
  long long in_flight_ = 0;  // forecast and not yet issued or dropped
};

}  // namespace clause
