// The e-mail templates of one language (templates/<lang>/mail/, issue 13): the subject, the plain
// text part and the HTML part of the message that carries a client's documents, each a Mustache
// template reading the keys of message.schema.json, with message.sample.json for the trial render.
// Loaded and validated once per run, before anything is sent, as the document templates are
// (reports/templates/template_set.h): tags closed, sections balanced, every key in the schema, no
// partials, a one-line subject; a problem is a TemplateError "file:line: reason". The HTML part is
// escaped for HTML; the subject and the plain text are not escaped (they are not markup).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/templates/mustache_tokens.h"
#include "reports/templates/schema.h"
#include "reports/templates/template_error.h"

namespace clause::mail {

// A message's three texts, rendered.
struct MailTexts {
  std::string subject;  // one line, UTF-8, not yet encoded (RFC 2047 is the MIME builder's)
  std::string text;     // text/plain, UTF-8, lines ending "\n"
  std::string html;     // text/html, UTF-8
};

class MailTemplates {
 public:
  // Loads and validates subject.mustache, text.mustache, html.mustache, message.schema.json,
  // message.sample.json and labels.json of `folder`. Throws templates::TemplateError.
  static MailTemplates load(const std::filesystem::path& folder);

  // Checks `data` against the schema ("mail data, documents[0].reference") and renders the three
  // parts. Throws templates::TemplateError.
  MailTexts render(const nlohmann::json& data) const;
  const nlohmann::json& sample() const { return sample_; }
  // The word an attached file's name starts with, per document kind ("statement", "invoice",
  // "credit_note", "reversibility_dossier"), from labels.json: "Facture" -> "Facture FA-2026-000005.pdf".
  const std::string& file_label(const std::string& kind) const { return labels_.at(kind); }
  const std::filesystem::path& folder() const { return folder_; }

 private:
  struct Template {
    std::string file;  // "templates/fr/mail/subject.mustache"
    std::string text;
  };
  Template read(const std::string& name) const;
  void check_keys(const Template& t, const std::vector<templates::MustacheToken>& tokens) const;

  std::filesystem::path folder_;
  Template subject_, text_, html_;
  templates::SchemaNode schema_;
  nlohmann::json sample_;
  std::map<std::string, std::string> labels_;
};

}  // namespace clause::mail
