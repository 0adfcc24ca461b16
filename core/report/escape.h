// Escaping for the text formats reports are written in: every name that comes from a design
// (site, hall, node ids) passes through one of these, so a site called
// `<script>alert(1)</script>` shows as text and never as markup.
//
//   out << "<td>" << report::escapeXml(hall.name) << "</td>";
//   md  << "| " << report::escapeMarkdown(node.id) << " |";
#pragma once

#include <string>
#include <string_view>

namespace gigaplan::report {

/// & < > " ' as character references; safe in HTML/SVG text and in quoted attribute values.
/// Control characters other than tab and newline are dropped (XML does not allow them).
std::string escapeXml(std::string_view text);

/// Markdown inline text: the HTML-significant characters as references (Markdown passes raw
/// HTML through), the inline markup characters (\ ` * _ [ ] | ~) backslash-escaped, and a leading
/// #, -, + or "12." escaped so it cannot start a heading or list (">" is already a reference); newlines become spaces
/// so a name cannot break a table row. Other punctuation is left alone to keep the text readable.
std::string escapeMarkdown(std::string_view text);

/// RFC 4648 base64 (with padding), for data: URIs.
std::string base64(std::string_view bytes);

/// One CSV field per RFC 4180: quoted (with quotes doubled) when it holds a comma, quote, CR or LF.
std::string csvField(std::string_view text);

}  // namespace gigaplan::report
