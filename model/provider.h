// The provider (seller) issuing the documents: its identity and the legal mentions every invoice
// carries (RULES B8). Read from the configuration, never from the client's data.
#pragma once

#include <string>

namespace clause {

// The seller on every invoice (B8).
struct ProviderIdentity {
  std::string name;        // "KALANDA"
  std::string legal_form;  // "SAS"
  std::string capital;     // "100 000 €"
  std::string address;     // lines separated by "\n"
  std::string siren;
  std::string siret;
  std::string rcs;         // "RCS Marseille 123 456 789"
  std::string vat_number;  // "FR12345678901"
  std::string email;
  std::string phone;
  std::string iban;
  std::string bic;
};

}  // namespace clause
