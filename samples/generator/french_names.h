// Word pools for realistic French company and person names, addresses and incident summaries.
// Each entry of a name pool has its display form (with accents) and an ASCII slug for e-mails and
// host names.
#pragma once

#include <span>
#include <string_view>

namespace clause {

struct NameWord {
  std::string_view display;
  std::string_view slug;
};

std::span<const NameWord> first_names();
std::span<const NameWord> last_names();
// Trades that start a company name: "Boulangerie", "Transports", "Cabinet d'architectes"...
std::span<const std::string_view> trades();
// "SARL", "SAS", "SA", "EURL", "SELAS".
std::span<const std::string_view> legal_forms();
// Street names without number: "rue de la République".
std::span<const std::string_view> streets();

struct Town {
  std::string_view postcode;
  std::string_view name;
};
std::span<const Town> towns();

// Short incident descriptions as a support desk writes them.
std::span<const std::string_view> incident_summaries();

}  // namespace clause
