// Source markers: how a markup error found in a rendered document is traced back to the template
// line that wrote it. When a template set is validated, each template is also kept in a marked
// copy where every markup tag and every line start outside tags is preceded by the processing
// instruction <?src F:L?> (file F of the set, line L). XML parsers skip processing instructions, so
// the marked output parses to the same document; the last marker before an error's byte offset
// names the template line. Only the validation render and the error path use the marked copies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/templates/mustache_tokens.h"

namespace clause::templates {

// The marked copy of a template whose tokens are `tokens` and whose index in the set is `file`.
std::string mark_sources(std::string_view text, const std::vector<MustacheToken>& tokens, int file);

// The template place of `offset` in output rendered from marked templates: the last marker before
// it, as {file, line}; {-1, 0} when there is none.
std::pair<int, int> source_of(std::string_view rendered, std::size_t offset);

}  // namespace clause::templates
