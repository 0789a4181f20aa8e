// The Factur-X XML (CII, EN 16931 profile) checked by the official validators: the Factur-X XSD and
// the CEN EN 16931 Schematron, through ../shared/validation/validate-cii.sh (about 2 s each: JVM
// start). One broken XML shows the check itself can fail. Files are left under the build directory
// (test-output/facturx/) to be opened when a check fails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "reports/facturx/cii_writer.h"
#include "tests/reports/invoice_test_documents.h"
#include "tests/support/shell.h"

namespace clause::facturx {
namespace {

using clause::testing::run;

namespace fs = std::filesystem;
using namespace clause::invoice_test;

// ../shared sits beside the repository (CI and sessions alike).
const std::string kValidator = std::string(CLAUSE_SOURCE_DIR) + "/../shared/validation/validate-cii.sh";

std::string write_output(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "facturx";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return (dir / name).string();
}

// The validator's summary line ("PASS file=... fatal=0 ...") and exit status.
std::pair<std::string, int> validate(const std::string& name, const std::string& xml) {
  int status = -1;
  const std::string out = run(std::string(kValidator) + " " + write_output(name, xml), &status, /*merge_stderr=*/false);
  return {out, status};
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const auto a = text.find(open);
  if (a == std::string::npos) return "";
  const auto b = text.find(close, a + open.size());
  return text.substr(a + open.size(), b - a - open.size());
}

TEST(CiiXml, MonthlyInvoicePassesEn16931) {
  const auto [out, status] = validate("monthly.xml", cii_xml(monthly_invoice()));
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.rfind("PASS ", 0), 0u) << out;
}

TEST(CiiXml, SeveralLinesWithCreditNoteDeductionPassEn16931) {
  const std::string xml = cii_xml(invoice_with_deduction());
  const auto [out, status] = validate("deduction.xml", xml);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.rfind("PASS ", 0), 0u) << out;
  // B4/B6 by hand: HT 1 250,00 + 161,25 + 20,00 = 1 431,25; VAT 286,25; TTC 1 717,50; less 150,00.
  EXPECT_EQ(between(xml, "<ram:TaxBasisTotalAmount>", "<"), "1431.25");
  EXPECT_EQ(between(xml, "<ram:TotalPrepaidAmount>", "<"), "150.00");
  EXPECT_EQ(between(xml, "<ram:DuePayableAmount>", "<"), "1567.50");
}

TEST(CiiXml, CreditNoteReferencingItsInvoicePassesEn16931) {
  const std::string xml = cii_xml(credit_note());
  const auto [out, status] = validate("credit-note.xml", xml);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.rfind("PASS ", 0), 0u) << out;
  EXPECT_EQ(between(xml, "<ram:TypeCode>", "<"), "381");
  // BT-25 / BT-26: the corrected invoice and its date.
  EXPECT_EQ(between(between(xml, "<ram:InvoiceReferencedDocument>", "</ram:InvoiceReferencedDocument>"),
                    "<ram:IssuerAssignedID>", "<"),
            "FA-2026-000123");
  EXPECT_EQ(between(xml, "<qdt:DateTimeString format=\"102\">", "<"), "20261101");
  EXPECT_EQ(between(xml, "<ram:GrandTotalAmount>", "<"), "150.00");  // 125,00 + 25,00
}

TEST(CiiXml, QuarterlyProratedInvoicePassesEn16931) {
  const std::string xml = cii_xml(prorated_quarter());
  const auto [out, status] = validate("prorated-quarter.xml", xml);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.rfind("PASS ", 0), 0u) << out;
  // B2 by hand: 3 000,00 x 47 / 92 = 1 532,61; VAT 306,52; TTC 1 839,13.
  EXPECT_EQ(between(xml, "<ram:LineTotalAmount>", "<"), "1532.61");
  EXPECT_EQ(between(xml, "<ram:TaxTotalAmount currencyID=\"EUR\">", "<"), "306.52");
  EXPECT_EQ(between(xml, "<ram:GrandTotalAmount>", "<"), "1839.13");
}

TEST(CiiXml, BrokenTotalIsRejectedByTheValidator) {
  std::string xml = cii_xml(monthly_invoice());
  const std::string good = "<ram:GrandTotalAmount>1500.00<";
  ASSERT_NE(xml.find(good), std::string::npos);
  xml.replace(xml.find(good), good.size(), "<ram:GrandTotalAmount>1499.99<");  // breaks BR-CO-15
  const auto [out, status] = validate("broken-total.xml", xml);
  EXPECT_EQ(status, 1) << out;
  EXPECT_EQ(out.rfind("FAIL ", 0), 0u) << out;
}

TEST(CiiXml, SameDocumentGivesSameBytes) {
  EXPECT_EQ(cii_xml(invoice_with_deduction()), cii_xml(invoice_with_deduction()));
}

TEST(CiiXml, CreditNoteWithoutItsInvoiceIsRefused) {
  InvoiceDocument d = credit_note();
  d.corrects.reset();
  try {
    cii_xml(d);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "credit note AV-2026-000001 without the invoice it corrects");
  }
}

// Issue 9: a control character in a buyer's name reached the XML as "&#01;", which no XML 1.0
// reader accepts (three invoices failed the XSD). The writer refuses it instead, naming the field.
TEST(CiiXml, AControlCharacterIsRefusedNotWrittenAsAnInvalidReference) {
  InvoiceDocument d = invoice_with_deduction();
  d.buyer.name = "Clinique\x01Saint-Roch";
  try {
    cii_xml(d);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "ram:Name holds U+0001, which XML 1.0 (Factur-X) cannot carry: correct the record it comes from");
  }
  d.buyer.name = "Clinique \xEF\xBF\xBF";
  EXPECT_THROW(cii_xml(d), std::invalid_argument);
  d.buyer.name = "Clinique\tSaint-Roch";  // a tab is XML
  EXPECT_NO_THROW(cii_xml(d));
}

}  // namespace
}  // namespace clause::facturx
