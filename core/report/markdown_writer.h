// Markdown back end of the report (GitHub-flavoured tables): the text plus the image files it links
// to, in a folder next to it (`<stem>_images/`: drawings as SVG, the 3D picture as PNG). Every name
// from the design is escaped so it cannot become markup or links. The caller writes the files.
//
//   MarkdownReport md = report::toMarkdown(doc, "site_images");
//   write("site.md", md.text);  for (auto& f : md.files) write(dir / f.path, f.bytes);
#pragma once

#include <string>
#include <vector>

#include "core/report/report_document.h"

namespace gigaplan::report {

struct MarkdownReport {
  struct File {
    std::string path;  // relative to the Markdown file: "<imageDir>/site-plan.svg"
    std::string bytes;
  };
  std::string text;
  std::vector<File> files;
};

/// `imageDir`: folder name (relative to the .md file) for the images; a plain name, no slashes.
MarkdownReport toMarkdown(const ReportDocument& doc, const std::string& imageDir);

}  // namespace gigaplan::report
