// Mail templates (reports/mail/mail_templates.h). mstch's escaping is process-global
// (reports/templates/mstch_data.h): the subject and the plain text are rendered with it swapped
// for the identity, and put back before returning; `clause send` renders on one thread.
#include "reports/mail/mail_templates.h"

#include <mstch/mstch.hpp>

#include "model/whole_file.h"
#include "reports/templates/mstch_data.h"

namespace clause::mail {
namespace fs = std::filesystem;
using templates::MustacheToken;
using templates::SchemaNode;
using templates::TemplateError;

namespace {

// An unreadable file reads as empty, as it did before read_whole_file.
std::string read_file(const fs::path& path) { return read_whole_file(path).value_or(""); }

// Renders with mstch's escaping replaced by the identity for the call (plain text is not markup).
class PlainEscaping {
 public:
  PlainEscaping() : saved_(mstch::config::escape) {
    mstch::config::escape = [](const std::string& s) { return s; };
  }
  ~PlainEscaping() { mstch::config::escape = saved_; }
  PlainEscaping(const PlainEscaping&) = delete;
  PlainEscaping& operator=(const PlainEscaping&) = delete;

 private:
  std::function<std::string(const std::string&)> saved_;
};

}  // namespace

MailTemplates::Template MailTemplates::read(const std::string& name) const {
  const fs::path file = folder_ / name;
  if (!fs::is_regular_file(file))
    throw TemplateError(file.generic_string(), "missing: each message has a subject, a text and an html template");
  return {file.generic_string(), read_file(file)};
}

void MailTemplates::check_keys(const Template& t, const std::vector<MustacheToken>& tokens) const {
  templates::SchemaScopes scopes{&schema_};
  std::vector<bool> pushed;
  const std::string schema_file = "message.schema.json";
  for (const auto& token : tokens) {
    using K = MustacheToken::Kind;
    auto fail = [&](const std::string& reason) {
      throw TemplateError(t.file + ":" + std::to_string(token.line), reason);
    };
    switch (token.kind) {
      case K::text:
      case K::comment:
        break;
      case K::partial:
        fail("partials are not available in mail templates: " + templates::spell(token));
        break;  // not reached: fail throws
      case K::variable: {
        const SchemaNode* node = templates::resolve(scopes, token.name);
        if (!node) fail("unknown key " + templates::spell(token) + " (not in " + schema_file + ")");
        if (node->kind != SchemaNode::Kind::leaf) fail(templates::spell(token) + " is not a value");
        break;
      }
      case K::section:
      case K::inverted: {
        const SchemaNode* node = templates::resolve(scopes, token.name);
        if (!node) fail("unknown key " + templates::spell(token) + " (not in " + schema_file + ")");
        const bool opens = token.kind == K::section;
        if (opens) scopes.push_back(node->kind == SchemaNode::Kind::list ? &node->item[0] : node);
        pushed.push_back(opens);
        break;
      }
      case K::close:
        if (pushed.back()) scopes.pop_back();
        pushed.pop_back();
        break;
    }
  }
}

MailTemplates MailTemplates::load(const fs::path& folder) {
  templates::use_xml_escaping();
  MailTemplates m;
  m.folder_ = folder;
  if (!fs::is_directory(folder)) throw TemplateError(folder.generic_string(), "no such mail template folder");
  auto read_json = [&](const std::string& name) {
    const fs::path file = folder / name;
    if (!fs::is_regular_file(file)) throw TemplateError(file.generic_string(), "missing");
    try {
      return nlohmann::json::parse(read_file(file));
    } catch (const nlohmann::json::exception& e) {
      throw TemplateError(file.generic_string(), std::string("invalid JSON: ") + e.what());
    }
  };
  m.schema_ =
      templates::parse_schema(read_json("message.schema.json"), (folder / "message.schema.json").generic_string());
  m.sample_ = read_json("message.sample.json");
  templates::check_data(m.schema_, m.sample_, (folder / "message.sample.json").generic_string());
  const nlohmann::json labels = read_json("labels.json");
  for (const char* kind : {"statement", "invoice", "credit_note", "reversibility_dossier"}) {
    if (!labels.is_object() || !labels.contains(kind) || !labels[kind].is_string() ||
        labels[kind].get<std::string>().empty())
      throw TemplateError((folder / "labels.json").generic_string(),
                          std::string("key \"") + kind + "\": missing or not a text");
    m.labels_[kind] = labels[kind].get<std::string>();
  }
  m.subject_ = m.read("subject.mustache");
  m.text_ = m.read("text.mustache");
  m.html_ = m.read("html.mustache");
  for (const Template* t : {&m.subject_, &m.text_, &m.html_}) {
    std::vector<MustacheToken> tokens;
    if (auto problem = templates::tokenize_mustache(t->text, tokens))
      throw TemplateError(t->file + ":" + std::to_string(problem->line), problem->reason);
    m.check_keys(*t, tokens);
  }
  // The trial render: a subject must be one line, or the header would break.
  const MailTexts trial = m.render(m.sample_);
  if (trial.subject.empty()) throw TemplateError(m.subject_.file + ":1", "the subject renders empty");
  if (trial.subject.find_first_of("\r\n") != std::string::npos)
    throw TemplateError(m.subject_.file + ":1", "the subject must be one line");
  return m;
}

MailTexts MailTemplates::render(const nlohmann::json& data) const {
  templates::check_data(schema_, data, "mail data");
  const mstch::node node = templates::to_mstch(data);
  MailTexts out;
  out.html = mstch::render(html_.text, node);
  {
    PlainEscaping plain;
    out.subject = mstch::render(subject_.text, node);
    out.text = mstch::render(text_.text, node);
  }
  while (!out.subject.empty() && (out.subject.back() == '\n' || out.subject.back() == '\r')) out.subject.pop_back();
  return out;
}

}  // namespace clause::mail
