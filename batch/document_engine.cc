#include "batch/document_engine.h"

#include <cstdio>

namespace clause {
namespace {

pdf::Rgb parse_colour(const std::string& hex) {
  unsigned r = 0x1F, g = 0x4E, b = 0x79;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%2x%2x%2x", &r, &g, &b);
  return {r / 255.0, g / 255.0, b / 255.0};
}

pdf::PdfStyle style_of(const Config& config) {
  pdf::PdfStyle style;
  style.accent = parse_colour(config.documents.accent_colour);
  style.logo_path = config.documents.logo.string();
  if (config.documents.font_subsets == "exact") style.subset_floor.clear();
  return style;
}

}  // namespace

DocumentEngine::DocumentEngine(const Config& config)
    : provider_(config.provider),
      default_language_(config.documents.default_language == "en" ? Language::en : Language::fr),
      logo_(config.documents.logo.string()),
      pdf_(style_of(config)) {
  for (auto [language, folder] : {std::pair{Language::fr, "fr"}, std::pair{Language::en, "en"}}) {
    auto dir = config.documents.templates / folder;
    templates_.emplace(language, templates::TemplateSet::load(dir));
    wordings_.emplace(language, TraceWording::load(dir / "traces.json", language));
    billing_wordings_.emplace(language, BillingWording::load(dir / "billing.json", language));
  }
}

Language DocumentEngine::language_of(const std::string& account_language) const {
  if (account_language == "fr") return Language::fr;
  if (account_language == "en") return Language::en;
  return default_language_;
}

const templates::TemplateSet& DocumentEngine::templates(Language language) const { return templates_.at(language); }
const TraceWording& DocumentEngine::wording(Language language) const { return wordings_.at(language); }
const BillingWording& DocumentEngine::billing_wording(Language language) const {
  return billing_wordings_.at(language);
}

}  // namespace clause
