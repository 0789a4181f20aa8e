// The wording of one language (templates/<lang>/wording.json): the words of every layout of
// templates/layouts/, so that one layout serves every language and a provider rewords a line
// without touching a layout (issue 11 "wording is data"). The file is one JSON object per
// template, named as the template without its suffix ("statement", "partials/identity"), each
// mapping a key to one line of text; a layout writes {{@key}} where its section's text goes. A
// text may hold layout markup (<b>) and Mustache keys ({{contract.reference}}), checked with the
// layout after composition. Every key must be used, every {{@key}} worded: file, line, reason.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace clause::templates {

// One text of a wording file and the 1-based line of its key.
struct WordingText {
  std::string text;
  int line = 0;
};

class Wording {
 public:
  // Reads `file` (shown as given in messages). Throws TemplateError "file:line: reason" for bad
  // JSON, a section that is not an object, a text that is not a string or holds a line break.
  static Wording load(const std::filesystem::path& file);

  // The file as messages show it; empty for a set without wording.
  const std::string& file() const { return file_; }
  bool empty() const { return file_.empty(); }

  // The text of `section`.`key`, nullptr when there is none; marks it used.
  const WordingText* use(const std::string& section, const std::string& key);

  // Throws TemplateError at the first key (in file order) no template used, or the first section
  // no template has (`has_template` says whether a template of that name was loaded).
  template <class HasTemplate>
  void check_all_used(HasTemplate has_template) const;

 private:
  struct Entry {
    WordingText text;
    bool used = false;
  };
  struct Section {
    int line = 0;
    std::map<std::string, Entry, std::less<>> keys;
  };
  [[noreturn]] void fail(int line, const std::string& reason) const;
  void check_sections(const std::map<std::string, bool>& has_template) const;

  std::string file_;
  std::map<std::string, Section, std::less<>> sections_;
};

// A template with its {{@key}} references replaced by the words of `section`, and for each line
// that got words, the wording line of the first text placed on it (for messages).
struct ComposedTemplate {
  std::string text;
  std::map<int, int> wording_lines;  // template line -> wording file line
};

// Composes `text` (a layout or partial, `section` its wording section). A {{@key}} that has no
// text throws TemplateError "<shown>:<line>: no wording \"key\" in <wording file> (section
// \"<section>\")"; a {{@ without }} throws at its line too.
ComposedTemplate compose_wording(std::string_view text, const std::string& shown, const std::string& section,
                                 Wording& wording);

template <class HasTemplate>
void Wording::check_all_used(HasTemplate has_template) const {
  std::map<std::string, bool> has;
  for (const auto& [name, section] : sections_) has[name] = has_template(name);
  check_sections(has);
}

}  // namespace clause::templates
