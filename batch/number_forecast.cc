// Forecasts of the numbers of documents rendered ahead (batch/number_forecast.h).
#include "batch/number_forecast.h"

#include <stdexcept>

namespace clause {
namespace {

// The sequence of "FA-2026-000042": 42.
long long sequence_of(const std::string& number) {
  const auto dash = number.rfind('-');
  if (dash == std::string::npos || dash + 1 == number.size())
    throw std::invalid_argument("not a document number: " + number);
  return std::stoll(number.substr(dash + 1));
}

}  // namespace

NumberForecast::NumberForecast(Database& db, DocumentKind kind, int year) : kind_(kind), year_(year) {
  if (auto last = last_numbered_document(db, kind, year); last && last->number) last_ = sequence_of(*last->number);
}

std::string NumberForecast::next() {
  ++in_flight_;
  return format_document_number(kind_, year_, last_ + in_flight_);
}

void NumberForecast::issued(const std::string& number) {
  last_ = sequence_of(number);
  if (in_flight_ > 0) --in_flight_;
}

void NumberForecast::dropped() {
  if (in_flight_ > 0) --in_flight_;
}

}  // namespace clause
