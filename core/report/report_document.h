// The content of a design report as format-neutral blocks — headings, paragraphs, key/value
// lists, tables, vector figures, the 3D picture — built once (report_builder.h) and written by
// each back end: HTML and Markdown here in core, PDF with QPainter in app/report. Every string is
// plain UTF-8 text; back ends escape it.
//
//   ReportDocument doc = report::buildReport(inputs);
//   for (const Section& s : doc.sections) for (const Block& b : s.blocks) std::visit(writer, b);
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/report/drawing.h"

namespace gigaplan::report {

enum class Tone { Normal, Note, Warning, Error };

struct Paragraph {
  std::string text;
  Tone tone = Tone::Normal;
  bool keepWithNext = false;  // a lead-in ("Assumptions:"): never the last thing on a page
};

/// A short list of labelled figures ("IT load: 1.06 MW").
struct KeyValues {
  struct Entry {
    std::string key, value;
  };
  std::vector<Entry> entries;
};

enum class Align { Left, Right };

struct Table {
  struct Column {
    std::string header;
    Align align = Align::Left;
    double weight = 1;  // relative share of spare width when the table is wider than its content
  };
  std::string caption;
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
  std::vector<Tone> rowTones;                  // optional, per row (findings by severity)
  std::string footnote;                        // e.g. "showing 200 of 1,234; all in the JSON report"
};

/// A vector figure. Tall figures come in parts (e.g. the single-line diagram) that a paged back
/// end may put on separate pages; the parts join seamlessly when stacked.
struct Figure {
  std::string id;  // file-name stem for formats that write images to files ("site-plan")
  std::string caption;
  std::vector<Drawing> parts;
};

/// A raster picture (the 3D view), PNG bytes; or, when it could not be made, only `note`.
struct Picture {
  std::string id;
  std::string caption;
  std::string png;   // empty when not available
  std::string note;  // why it is missing
};

using Block = std::variant<Paragraph, KeyValues, Table, Figure, Picture>;

struct Section {
  std::string id;  // anchor ("power")
  std::string title;
  std::vector<Block> blocks;
};

/// Figures of the title page.
struct Headline {
  std::string label, value, detail;
};

struct ReportDocument {
  std::string title;     // the site name
  std::string subtitle;  // description
  std::string location;
  std::string sourceFile;
  // Where the figures come from, as the title page says it: "design file campus.yaml", or
  // "unsaved edits to campus.yaml" when the design on screen differs from the file.
  std::string source;
  std::string generator;  // "GigaPlan 0.1.0"
  std::vector<Headline> headlines;
  std::vector<std::string> titleNotes;  // short lines under the headlines (approximations, status)
  std::vector<Section> sections;
};

}  // namespace gigaplan::report
