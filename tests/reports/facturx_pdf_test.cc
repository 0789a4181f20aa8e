// Factur-X PDFs checked with real readers: pdfdetach (the embedded factur-x.xml equals cii_xml()),
// qpdf --check, pdftotext (every B8 mention on the page). Files are left under the build directory
// (test-output/facturx/) to be opened.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reports/facturx/cii_writer.h"
#include "reports/facturx/facturx_document.h"
#include "tests/reports/invoice_test_documents.h"
#include "tests/support/shell.h"

namespace clause::facturx {
namespace {

using clause::testing::run;

namespace fs = std::filesystem;
using namespace clause::invoice_test;

fs::path output_dir() {
  const fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "facturx";
  fs::create_directories(dir);
  return dir;
}

std::string write_output(const std::string& name, const std::string& bytes) {
  std::ofstream(output_dir() / name, std::ios::binary) << bytes;
  return (output_dir() / name).string();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// pdftotext -layout output with blank runs collapsed, so that a mention split by the layout
// still reads as one phrase.
std::string page_text(const std::string& pdf_path) {
  std::string text = run("pdftotext -enc UTF-8 " + pdf_path + " -");
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t';
    if (blank && !out.empty() && out.back() == ' ') continue;
    out += blank ? ' ' : c;
  }
  return out;
}

const Instant kCreated = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours{6};

struct FacturxPdf : ::testing::Test {
  static void SetUpTestSuite() {
    fr = new templates::TemplateSet(templates::TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates" / "fr"));
    en = new templates::TemplateSet(templates::TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates" / "en"));
    renderer = new pdf::PdfRenderer(pdf::PdfStyle{});
  }
  static void TearDownTestSuite() {
    delete fr;
    delete en;
    delete renderer;
  }
  static inline templates::TemplateSet* fr = nullptr;
  static inline templates::TemplateSet* en = nullptr;
  static inline pdf::PdfRenderer* renderer = nullptr;
};

TEST_F(FacturxPdf, EmbedsTheCiiXmlAsFacturX) {
  const InvoiceDocument d = invoice_with_deduction();
  const std::string path =
      write_output("invoice-deduction.pdf", render_facturx_pdf(d, *fr, *renderer, Language::fr, kCreated));
  const std::string list = run("pdfdetach -list " + path);
  EXPECT_NE(list.find("1 embedded files"), std::string::npos) << list;
  EXPECT_NE(list.find("factur-x.xml"), std::string::npos) << list;
  const fs::path extracted = output_dir() / "invoice-deduction.extracted.xml";
  fs::remove(extracted);
  int status = -1;
  run("pdfdetach -save 1 -o " + extracted.string() + " " + path, &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(read_file(extracted), cii_xml(d));
}

TEST_F(FacturxPdf, QpdfFindsNoError) {
  const std::string path =
      write_output("credit-note.pdf", render_facturx_pdf(credit_note(), *fr, *renderer, Language::fr, kCreated));
  int status = -1;
  const std::string out = run("qpdf --check " + path, &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("No syntax or stream encoding errors found"), std::string::npos) << out;
}

TEST_F(FacturxPdf, SameDocumentGivesSameBytes) {
  EXPECT_EQ(render_facturx_pdf(monthly_invoice(), *fr, *renderer, Language::fr, kCreated),
            render_facturx_pdf(monthly_invoice(), *fr, *renderer, Language::fr, kCreated));
}

// B8: every mention of a French invoice, as pdftotext reads the page.
TEST_F(FacturxPdf, InvoiceShowsEveryB8Mention) {
  const std::string path = write_output(
      "invoice-deduction-b8.pdf", render_facturx_pdf(invoice_with_deduction(), *fr, *renderer, Language::fr, kCreated));
  const std::string text = page_text(path);
  for (const char* mention : {"Facture n° FA-2026-000157",
                              "01/12/2026",  // number, issue date
                              "KALANDA SAS",
                              "100 000 €",
                              "12 rue de la République, 13002 Marseille",  // seller
                              "123456789",
                              "12345678900012",
                              "RCS Marseille 123 456 789",
                              "FR32123456789",
                              "Clinique des Calanques",
                              "Bâtiment B, 45 avenue du Prado, 13008 Marseille",  // buyer
                              "987654321",
                              "FR05987654321",
                              "Intervention hors forfait (heures)",
                              "1,25",
                              "129,00",
                              "161,25",  // a line: qty, unit price HT
                              "20 %",    // VAT rate
                              "1 431,25",
                              "286,25",
                              "1 717,50",  // totals HT, VAT, TTC
                              "AV-2026-000001",
                              "150,00",
                              "1 567,50",    // B4 deduction, net to pay
                              "31/12/2026",  // due date
                              "3 fois le taux d'intérêt légal",
                              "40,00",
                              "L441-10",  // penalties, indemnity
                              "Pas d'escompte pour paiement anticipé",
                              "prestation de services"}) {
    EXPECT_NE(text.find(mention), std::string::npos) << "missing: " << mention << "\n" << text;
  }
}

TEST_F(FacturxPdf, CreditNoteCitesTheInvoiceItCorrectsAndItsReason) {
  const std::string path =
      write_output("credit-note-text.pdf", render_facturx_pdf(credit_note(), *fr, *renderer, Language::fr, kCreated));
  const std::string text = page_text(path);
  for (const char* mention : {"Avoir n° AV-2026-000001", "Facture rectifiée", "n° FA-2026-000123 du 01/11/2026",
                              "avoirs de service du mois d'octobre 2026", "125,00", "25,00", "150,00",
                              "déduit de la prochaine facture du contrat K-2026-001"}) {
    EXPECT_NE(text.find(mention), std::string::npos) << "missing: " << mention << "\n" << text;
  }
}

TEST_F(FacturxPdf, EnglishInvoiceKeepsTheFrenchLegalWording) {
  const std::string path =
      write_output("invoice-en.pdf", render_facturx_pdf(prorated_quarter(), *en, *renderer, Language::en, kCreated));
  const std::string text = page_text(path);
  for (const char* mention : {"Invoice no. FA-2026-000140", "€1,532.61", "€306.52", "€1,839.13", "2026-12-15",
                              "pas d'escompte pour paiement anticipé", "L441-10"}) {
    EXPECT_NE(text.find(mention), std::string::npos) << "missing: " << mention << "\n" << text;
  }
}

}  // namespace
}  // namespace clause::facturx
