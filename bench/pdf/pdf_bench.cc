// Measures the PDF renderer against raw PoDoFo on the same content: a 2-page A4 invoice with a
// 40-row table in subset DejaVu Sans (the TOOLCHAIN.md reference: 5.1 ms, 12.5 MB peak RSS over
// 1,000 documents). One mode per process so that each peak RSS is its own:
//   pdf_bench raw N        PoDoFo directly: CreateFontSubset from the file, PdfPainter, Write
//   pdf_bench renderer N   clause::pdf::PdfRenderer::render (fonts loaded once per renderer)
//   pdf_bench engine N     the whole document engine: data -> Mustache template (validated once) ->
//                          layout markup -> PdfRenderer, from bench/pdf/templates/; the same
//                          invoice N times, so its subset fonts come from the cache after the first
//   pdf_bench engine-cold N  the same with the subset cache off: every document embeds its fonts,
//                          as a run's first document with new characters does
#include <sys/resource.h>

#include <podofo/podofo.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "reports/pdf/pdf_renderer.h"
#include "reports/pdf/subset_cache.h"
#include "reports/templates/template_set.h"

namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

std::string row_label(int i) { return "Serveur virtuel vps-" + std::to_string(i) + " — forfait mensuel"; }

clause::layout::Document invoice() {
  using namespace clause::layout;
  Document d;
  d.title = "Facture F-2026-000123";
  d.author = "Hébergeur Exemple SAS";
  d.header = "Hébergeur Exemple SAS · Facture F-2026-000123";
  d.footer = "Hébergeur Exemple SAS · 12 rue de la Gare, 69003 Lyon · SIREN 812 345 678";
  d.blocks.push_back(Heading{1, "Facture F-2026-000123"});
  d.blocks.push_back(KeyValues{{{"Client", "Boulangerie Lefèvre & Fils, 4 place du Marché, 21000 Dijon"},
                                {"Date d'émission", "2026-11-01", CellType::date},
                                {"Échéance", "2026-12-01", CellType::date},
                                {"Total TTC", "600.00", CellType::money}},
                               ""});
  Table t;
  t.name = "Détail des prestations";
  t.columns = {{"Désignation", 3.2},
               {"Quantité", 0.9, Align::right, CellType::number},
               {"Prix unitaire HT", 1.3, Align::right, CellType::money},
               {"Montant HT", 1.3, Align::right, CellType::money}};
  for (int i = 1; i <= 40; ++i)
    t.rows.push_back({{CellType::text, row_label(i)},
                      {CellType::number, "1"},
                      {CellType::money, "12.50"},
                      {CellType::money, "12.50"}});
  t.total = {{CellType::text, "Total HT"}, {}, {}, {CellType::money, "", true, true}};
  d.blocks.push_back(t);
  d.blocks.push_back(Paragraph{{{"TVA 20 % : 100,00 €. Paiement à 30 jours par virement. Pénalités de retard : "
                                 "trois fois le taux d'intérêt légal ; indemnité forfaitaire de 40 € pour frais "
                                 "de recouvrement (article L441-10 du Code de commerce).",
                                 false}},
                               true});
  return d;
}

// The same page content drawn with PoDoFo directly, as TOOLCHAIN.md measured it.
std::string raw_invoice() {
  using namespace PoDoFo;
  PdfMemDocument doc;
  doc.SetPdfVersion(ePdfVersion_1_7);
  const PdfEncoding* identity = PdfEncodingFactory::GlobalIdentityEncodingInstance();
  PdfFont* regular = doc.CreateFontSubset("DejaVu Sans", false, false, false, identity, kRegular);
  PdfFont* bold = doc.CreateFontSubset("DejaVu Sans", true, false, false, identity, kBold);
  const auto u = [](const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); };
  int row = 1;
  for (int p = 1; p <= 2; ++p) {
    PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    regular->SetFontSize(7.2f);
    painter.SetFont(regular);
    painter.DrawText(57, 800, u("Hébergeur Exemple SAS · Facture F-2026-000123"));
    painter.DrawLine(57, 795, 538, 795);
    double y = 760;
    if (p == 1) {
      bold->SetFontSize(18);
      painter.SetFont(bold);
      painter.DrawText(57, y, u("Facture F-2026-000123"));
      y -= 30;
      regular->SetFontSize(9.5f);
      painter.SetFont(regular);
      for (const char* kv : {"Client     Boulangerie Lefèvre & Fils, 4 place du Marché, 21000 Dijon",
                             "Date d'émission     01/11/2026", "Échéance     01/12/2026", "Total TTC     600,00 €"}) {
        painter.DrawText(57, y, u(kv));
        y -= 14;
      }
    }
    bold->SetFontSize(8.5f);
    painter.SetFont(bold);
    painter.SetColor(0.9, 0.92, 0.95);
    painter.Rectangle(57, y - 16, 481, 16);
    painter.Fill();
    painter.SetColor(0.1, 0.26, 0.45);
    painter.DrawText(62, y - 11, u("Désignation"));
    painter.DrawText(300, y - 11, u("Quantité"));
    painter.DrawText(380, y - 11, u("Prix unitaire HT"));
    painter.DrawText(470, y - 11, u("Montant HT"));
    y -= 16;
    regular->SetFontSize(8.5f);
    painter.SetFont(regular);
    painter.SetColor(0.13, 0.13, 0.15);
    const int last = p == 1 ? 28 : 40;
    for (; row <= last; ++row, y -= 19) {
      if (row % 2 == 0) {
        painter.SetColor(0.955, 0.96, 0.968);
        painter.Rectangle(57, y - 19, 481, 19);
        painter.Fill();
        painter.SetColor(0.13, 0.13, 0.15);
      }
      painter.DrawText(62, y - 13, u(row_label(row)));
      painter.DrawText(330, y - 13, u("1"));
      painter.DrawText(420, y - 13, u("12,50\u00A0€"));
      painter.DrawText(500, y - 13, u("12,50\u00A0€"));
    }
    painter.DrawLine(57, 70, 538, 70);
    regular->SetFontSize(7.2f);
    painter.SetFont(regular);
    painter.DrawText(57, 58, u("Hébergeur Exemple SAS · 12 rue de la Gare, 69003 Lyon · SIREN 812 345 678"));
    painter.DrawText(505, 58, u("page " + std::to_string(p) + " / 2"));
    painter.FinishPage();
  }
  doc.GetInfo()->SetTitle(u("Facture F-2026-000123"));
  PdfRefCountedBuffer buffer(64 * 1024);
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int count_pages(const std::string& pdf) {
  int pages = 0;
  for (auto at = pdf.find("/Type/Page"); at != std::string::npos; at = pdf.find("/Type/Page", at + 1))
    if (pdf.compare(at, 11, "/Type/Pages") != 0) ++pages;
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "renderer";
  if (mode == "engine-cold") clause::pdf::SubsetCache::shared().set_max_bytes(0);
  const bool engine = mode == "engine" || mode == "engine-cold";
  const int n = argc > 2 ? std::stoi(argv[2]) : 5000;
  // Only the renderer mode loads the renderer, so that the raw mode's peak RSS is PoDoFo's alone.
  std::unique_ptr<clause::pdf::PdfRenderer> renderer;
  if (mode != "raw") renderer = std::make_unique<clause::pdf::PdfRenderer>(clause::pdf::PdfStyle{});
  const clause::layout::Document document = invoice();
  clause::pdf::PdfOptions options;
  options.created = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
  std::optional<clause::templates::TemplateSet> templates;
  if (engine) templates = clause::templates::TemplateSet::load(CLAUSE_BENCH_TEMPLATES);
  const auto one = [&] {
    if (templates)
      return renderer->render(templates->render("bench_invoice", templates->sample("bench_invoice")), options);
    return renderer ? renderer->render(document, options) : raw_invoice();
  };

  const std::string sample = one();
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < n; ++i) bytes += one().size();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%s: %d documents, %d pages each, %.0f bytes each, %.2f ms/document, %.0f documents/s, "
      "peak RSS %.1f MB\n",
      mode.c_str(), n, count_pages(sample), static_cast<double>(bytes) / n, seconds * 1000 / n, n / seconds,
      peak_rss_kb() / 1024.0);
  if (argc > 3) {
    if (FILE* out = std::fopen(argv[3], "wb")) {
      std::fwrite(sample.data(), 1, sample.size(), out);
      std::fclose(out);
    }
  }
  return 0;
}
