// CII writer. Decisions where EN 16931 leaves a choice:
// - Every line is VAT category S (standard rate, France): hosting services are never exempt here.
// - A credit note deducted from an invoice (B4) is a settlement, not a new VAT base: the credit note
//   already reversed its VAT. It is therefore written as BT-113 "paid amount" (TotalPrepaidAmount),
//   with a note naming the credit note; BT-115 = TTC - deductions (BR-CO-16). A document-level
//   allowance (BG-20) or a negative line would reduce the VAT a second time.
// - The legal mentions of B8 that have no field of their own are BT-22 notes with the UNTDID 4451
//   subject codes French e-invoicing uses: REG (legal form, capital, RCS), PMD (late penalties),
//   PMT (40 EUR recovery indemnity), AAB (no early-payment discount), AAI (other information).
// - Payment means 58 (SEPA credit transfer) to the seller's IBAN, on invoices only: a credit note
//   is not paid but deducted from the next invoice (B4), which its payment terms (BT-20) say.
// - BT-23 "S1" and the buyer's SIREN as BT-49 (scheme 0225) also satisfy the French CTC rules
//   (BR-FR-08, BR-FR-12) when the SIREN is known.
// - Addresses are "\n"-separated lines; a line "13002 Marseille" gives the postcode and the city.
#include "reports/facturx/cii_writer.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <pugixml.hpp>

#include "reports/format.h"

namespace clause::facturx {
namespace {

constexpr const char* kRsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr const char* kRam = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
constexpr const char* kQdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
constexpr const char* kUdt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

// "1234.50": always two decimals (CII amounts).
std::string amount(Money m) {
  const std::int64_t a = m.cents < 0 ? -m.cents : m.cents;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", m.cents < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return buffer;
}

// 2000 basis points -> "20.00".
std::string rate(int basis_points) { return amount(Money{basis_points}); }

// 1250 thousandths -> "1.2500" (four decimals, as the Factur-X samples write quantities).
std::string quantity(Milli q) {
  const std::int64_t a = q.thousandths < 0 ? -q.thousandths : q.thousandths;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%03lld0", q.thousandths < 0 ? "-" : "", static_cast<long long>(a / 1000),
                static_cast<long long>(a % 1000));
  return buffer;
}

// 2026-10-31 -> "20261031" (format 102).
std::string date102(Date d) {
  std::string iso = format_date(d);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

pugi::xml_node child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

// The first character of `value` that XML 1.0 cannot carry (C0 controls but tab, LF and CR;
// U+FFFE, U+FFFF), if any. pugixml would write "&#01;", which no XML 1.0 reader accepts: the import
// refuses these characters; this is the last guard for data that came in before it did.
std::optional<unsigned> character_xml_cannot_carry(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return c;
    if (c == 0xEF && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(value[i + 2]) == 0xBE || static_cast<unsigned char>(value[i + 2]) == 0xBF))
      return static_cast<unsigned char>(value[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF;
  }
  return std::nullopt;
}

pugi::xml_node text(pugi::xml_node parent, const char* name, const std::string& value) {
  if (auto bad = character_xml_cannot_carry(value)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", *bad);
    throw std::invalid_argument(std::string(name) + " holds " + code +
                                ", which XML 1.0 (Factur-X) cannot carry: correct the record it comes from");
  }
  pugi::xml_node n = parent.append_child(name);
  n.text().set(value.c_str());
  return n;
}

void date_time(pugi::xml_node parent, const char* name, Date d, const char* prefix = "udt") {
  pugi::xml_node s = child(child(parent, name), (std::string(prefix) + ":DateTimeString").c_str());
  s.append_attribute("format") = "102";
  s.text().set(date102(d).c_str());
}

struct PostalAddress {
  std::vector<std::string> lines;
  std::string postcode;
  std::string city;
};

PostalAddress postal_address(const std::string& address) {
  PostalAddress out;
  std::istringstream in(address);
  std::string line;
  static const std::regex kPostcodeCity(R"(^\s*(\d{5})\s+(.+?)\s*$)");
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    std::smatch m;
    if (out.postcode.empty() && std::regex_match(line, m, kPostcodeCity)) {
      out.postcode = m[1];
      out.city = m[2];
    } else {
      out.lines.push_back(line);
    }
  }
  // CII has three street lines: extra lines join the third.
  while (out.lines.size() > 3) {
    out.lines[2] += ", " + out.lines[3];
    out.lines.erase(out.lines.begin() + 3);
  }
  return out;
}

void write_address(pugi::xml_node party, const std::string& address, const std::string& country) {
  const PostalAddress a = postal_address(address);
  pugi::xml_node n = child(party, "ram:PostalTradeAddress");
  if (!a.postcode.empty()) text(n, "ram:PostcodeCode", a.postcode);
  static const char* kLines[] = {"ram:LineOne", "ram:LineTwo", "ram:LineThree"};
  for (std::size_t i = 0; i < a.lines.size(); ++i) text(n, kLines[i], a.lines[i]);
  if (!a.city.empty()) text(n, "ram:CityName", a.city);
  text(n, "ram:CountryID", country);
}

void note(pugi::xml_node document, const std::string& content, const char* subject) {
  pugi::xml_node n = child(document, "ram:IncludedNote");
  text(n, "ram:Content", content);
  text(n, "ram:SubjectCode", subject);
}

void write_notes(pugi::xml_node exchanged, const InvoiceDocument& d) {
  const ProviderIdentity& s = d.seller;
  std::string legal = s.name + ", " + s.legal_form + " au capital de " + s.capital;
  if (!s.rcs.empty()) legal += ", " + s.rcs;
  if (!s.siret.empty()) legal += ", SIRET " + s.siret;
  note(exchanged, legal, "REG");
  note(exchanged, "Catégorie de l'opération : prestation de services.", "AAI");
  if (d.kind == InvoiceKind::credit_note) {
    note(exchanged,
         "Avoir sur la facture " + d.corrects->number + " du " + format_date_text(d.corrects->issue_date) +
             (d.credit_reason.empty() ? std::string(".") : " : " + d.credit_reason + "."),
         "AAI");
  }
  for (const auto& deduction : d.deductions) {
    note(exchanged,
         "Déduction de l'avoir " + deduction.credit_note_number + " du " + format_date_text(deduction.issue_date) +
             " : " + format_money(deduction.amount_ttc) + " TTC.",
         "AAI");
  }
  note(exchanged, "Pénalités de retard exigibles dès le lendemain de l'échéance : " + d.late_penalty + ".", "PMD");
  note(exchanged,
       "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : " +
           format_money(d.recovery_indemnity) + " (art. L441-10 du Code de commerce).",
       "PMT");
  note(exchanged, "Pas d'escompte pour paiement anticipé.", "AAB");
  for (const auto& free : d.notes) note(exchanged, free, "AAI");
}

void write_line(pugi::xml_node transaction, const InvoiceLine& line) {
  pugi::xml_node item = child(transaction, "ram:IncludedSupplyChainTradeLineItem");
  text(child(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", line.id);
  text(child(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description);
  text(child(child(item, "ram:SpecifiedLineTradeAgreement"), "ram:NetPriceProductTradePrice"), "ram:ChargeAmount",
       amount(line.unit_price));
  pugi::xml_node billed =
      text(child(item, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity", quantity(line.quantity));
  billed.append_attribute("unitCode") = line.unit_code.c_str();
  pugi::xml_node settlement = child(item, "ram:SpecifiedLineTradeSettlement");
  pugi::xml_node tax = child(settlement, "ram:ApplicableTradeTax");
  text(tax, "ram:TypeCode", "VAT");
  text(tax, "ram:CategoryCode", "S");
  text(tax, "ram:RateApplicablePercent", rate(line.vat_rate_basis_points));
  text(child(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"), "ram:LineTotalAmount",
       amount(line.total_ht));
}

void write_agreement(pugi::xml_node transaction, const InvoiceDocument& d) {
  pugi::xml_node agreement = child(transaction, "ram:ApplicableHeaderTradeAgreement");
  const ProviderIdentity& s = d.seller;
  pugi::xml_node seller = child(agreement, "ram:SellerTradeParty");
  text(seller, "ram:Name", s.name);
  text(seller, "ram:Description", s.legal_form + " au capital de " + s.capital);
  if (!s.siren.empty())
    text(child(seller, "ram:SpecifiedLegalOrganization"), "ram:ID", s.siren).append_attribute("schemeID") = "0002";
  if (!s.phone.empty() || !s.email.empty()) {
    pugi::xml_node contact = child(seller, "ram:DefinedTradeContact");
    if (!s.phone.empty()) text(child(contact, "ram:TelephoneUniversalCommunication"), "ram:CompleteNumber", s.phone);
    if (!s.email.empty()) text(child(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", s.email);
  }
  write_address(seller, s.address, "FR");
  if (!s.email.empty())
    text(child(seller, "ram:URIUniversalCommunication"), "ram:URIID", s.email).append_attribute("schemeID") = "EM";
  text(child(seller, "ram:SpecifiedTaxRegistration"), "ram:ID", s.vat_number).append_attribute("schemeID") = "VA";

  const InvoiceBuyer& b = d.buyer;
  pugi::xml_node buyer = child(agreement, "ram:BuyerTradeParty");
  if (!b.account_id.empty()) text(buyer, "ram:ID", b.account_id);
  text(buyer, "ram:Name", b.name);
  if (!b.siren.empty())
    text(child(buyer, "ram:SpecifiedLegalOrganization"), "ram:ID", b.siren).append_attribute("schemeID") = "0002";
  write_address(buyer, b.address, b.country_code);
  // BT-49: the French e-invoicing address of a company is its SIREN (scheme 0225).
  if (!b.siren.empty())
    text(child(buyer, "ram:URIUniversalCommunication"), "ram:URIID", b.siren).append_attribute("schemeID") = "0225";
  if (!b.vat_number.empty())
    text(child(buyer, "ram:SpecifiedTaxRegistration"), "ram:ID", b.vat_number).append_attribute("schemeID") = "VA";
  if (!d.contract_id.empty())
    text(child(agreement, "ram:ContractReferencedDocument"), "ram:IssuerAssignedID", d.contract_id);
}

void write_settlement(pugi::xml_node transaction, const InvoiceDocument& d) {
  pugi::xml_node settlement = child(transaction, "ram:ApplicableHeaderTradeSettlement");
  const bool invoice = d.kind == InvoiceKind::invoice;
  if (invoice) text(settlement, "ram:PaymentReference", d.number);
  text(settlement, "ram:InvoiceCurrencyCode", d.currency);
  if (invoice && !d.seller.iban.empty()) {
    pugi::xml_node means = child(settlement, "ram:SpecifiedTradeSettlementPaymentMeans");
    text(means, "ram:TypeCode", "58");
    text(means, "ram:Information", "Virement SEPA");
    std::string iban = d.seller.iban;
    iban.erase(std::remove(iban.begin(), iban.end(), ' '), iban.end());
    text(child(means, "ram:PayeePartyCreditorFinancialAccount"), "ram:IBANID", iban);
    if (!d.seller.bic.empty())
      text(child(means, "ram:PayeeSpecifiedCreditorFinancialInstitution"), "ram:BICID", d.seller.bic);
  }
  for (const auto& v : d.totals.vat) {
    pugi::xml_node tax = child(settlement, "ram:ApplicableTradeTax");
    text(tax, "ram:CalculatedAmount", amount(v.vat));
    text(tax, "ram:TypeCode", "VAT");
    text(tax, "ram:BasisAmount", amount(v.base_ht));
    text(tax, "ram:CategoryCode", "S");
    text(tax, "ram:RateApplicablePercent", rate(v.rate_basis_points));
  }
  pugi::xml_node period = child(settlement, "ram:BillingSpecifiedPeriod");
  date_time(period, "ram:StartDateTime", d.period_from);
  date_time(period, "ram:EndDateTime", d.period_to);

  pugi::xml_node terms = child(settlement, "ram:SpecifiedTradePaymentTerms");
  if (invoice) {
    text(terms, "ram:Description",
         "Paiement par virement au plus tard le " + format_date_text(*d.due_date) + ", sans escompte.");
    date_time(terms, "ram:DueDateDateTime", *d.due_date);
  } else {
    text(terms, "ram:Description",
         "Avoir déduit de la prochaine facture du contrat" +
             (d.contract_id.empty() ? std::string() : " " + d.contract_id) + ".");
    if (d.due_date) date_time(terms, "ram:DueDateDateTime", *d.due_date);
  }

  Money deducted;
  for (const auto& deduction : d.deductions) deducted += deduction.amount_ttc;
  pugi::xml_node sum = child(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  text(sum, "ram:LineTotalAmount", amount(d.totals.total_ht));
  text(sum, "ram:TaxBasisTotalAmount", amount(d.totals.total_ht));
  text(sum, "ram:TaxTotalAmount", amount(d.totals.total_vat)).append_attribute("currencyID") = d.currency.c_str();
  text(sum, "ram:GrandTotalAmount", amount(d.totals.total_ttc));
  if (!d.deductions.empty()) text(sum, "ram:TotalPrepaidAmount", amount(deducted));
  text(sum, "ram:DuePayableAmount", amount(amount_due(d)));

  if (d.corrects) {
    pugi::xml_node ref = child(settlement, "ram:InvoiceReferencedDocument");
    text(ref, "ram:IssuerAssignedID", d.corrects->number);
    date_time(ref, "ram:FormattedIssueDateTime", d.corrects->issue_date, "qdt");
  }
}

}  // namespace

std::string cii_xml(const InvoiceDocument& d) {
  if (const std::string problem = document_problem(d); !problem.empty()) throw std::invalid_argument(problem);
  pugi::xml_document xml;
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = xml.append_child("rsm:CrossIndustryInvoice");
  root.append_attribute("xmlns:rsm") = kRsm;
  root.append_attribute("xmlns:qdt") = kQdt;
  root.append_attribute("xmlns:ram") = kRam;
  root.append_attribute("xmlns:udt") = kUdt;

  pugi::xml_node context = child(root, "rsm:ExchangedDocumentContext");
  // BT-23: S1, the French billing mode "services, invoice submitted" (XP Z12-012).
  text(child(context, "ram:BusinessProcessSpecifiedDocumentContextParameter"), "ram:ID", "S1");
  text(child(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", "urn:cen.eu:en16931:2017");

  pugi::xml_node exchanged = child(root, "rsm:ExchangedDocument");
  text(exchanged, "ram:ID", d.number);
  text(exchanged, "ram:TypeCode", type_code(d.kind));
  date_time(exchanged, "ram:IssueDateTime", d.issue_date);
  write_notes(exchanged, d);

  pugi::xml_node transaction = child(root, "rsm:SupplyChainTradeTransaction");
  for (const auto& line : d.lines) write_line(transaction, line);
  write_agreement(transaction, d);
  child(transaction, "ram:ApplicableHeaderTradeDelivery");
  write_settlement(transaction, d);

  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace clause::facturx
