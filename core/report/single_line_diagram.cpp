// Single-line diagram drawing (see single_line_diagram.h).
#include "core/report/single_line_diagram.h"

#include <algorithm>
#include <cmath>

#include "core/power/power_graph.h"
#include "core/report/power_paths.h"
#include "core/report/report_format.h"

namespace gigaplan::report {
namespace {

constexpr double kRowHeight = 30;
constexpr double kBoxHeight = 25;
constexpr double kIndent = 16;
constexpr double kTopPad = 4;
constexpr double kRightColumn = 104;

std::string detailText(const PowerTreeRow& r) {
  const bool group = r.members.size() > 1;
  std::string s = "load " + quantity(r.load, units::Dimension::Power) + (group ? " max" : "");
  s += "  \u00b7  rating " + power::ratingText(r.rating, r.apparentRating, r.ratingPowerFactor) +
       (r.units > 1 ? " (" + std::to_string(r.units) + " units)" : "");
  if (r.racksFed > 0) s += "  \u00b7  " + std::to_string(r.racksFed) + (r.racksFed == 1 ? " rack" : " racks");
  if (r.failureGpus > 0) s += "  \u00b7  failure stops " + count(r.failureGpus) + " GPUs";
  if (!r.alsoFedBy.empty()) {
    s += "  \u00b7  also fed by ";
    for (std::size_t i = 0; i < r.alsoFedBy.size(); ++i) s += (i ? ", " : "") + r.alsoFedBy[i];
  }
  if (r.onCycle) s += "  \u00b7  on a feed loop";
  return s;
}

void drawRow(Drawing& d, const PowerTreeRow& r, double y, double boxX, double width, Color pathColor) {
  const double boxW = width - 4 - boxX;
  d.rect({boxX, y, boxW, kBoxHeight}, Style::outlined(kWhite, kRule, 0.6));
  d.rect({boxX, y, 3, kBoxHeight}, Style::filled(pathColor));
  const double textX = boxX + 7;
  const double textRoom = boxW - 7 - kRightColumn - 6;

  // "bw-1-a … bw-4-b  × 4 each, 8 in all  busway · busway-800a": label, multiplier and kind as
  // spans, so each back end sets them with the real font; the kind gives way first when long.
  std::string multiplier;
  if (r.members.size() > 1) {
    const std::string all = count(static_cast<std::int64_t>(r.members.size())) + " in all";
    if (r.perParent <= 1)
      multiplier = all;
    else
      multiplier =
          "\u00d7 " + count(r.perParent) + (static_cast<int>(r.members.size()) != r.perParent ? " each, " + all : "");
  }
  const std::string kind = kindLabel(design::toString(r.kind)) + (r.model.empty() ? "" : " \u00b7 " + r.model);
  const double multW = multiplier.empty() ? 0 : textWidth("  " + multiplier, 7.5, true);
  const std::string head = elide(r.label, 7.5, std::max(60.0, textRoom - multW - 40), true);
  const double used = textWidth(head, 7.5, true) + multW;
  std::vector<Span> spans = {{head, true, kInk}};
  if (!multiplier.empty()) spans.push_back({"  " + multiplier, true, Color::rgb(0x1f5fa0)});
  if (textRoom - used > 30) spans.push_back({"   " + elide(kind, 7.5, textRoom - used - 12), false, kMuted});
  d.spans({textX, y + 10.5}, 7.5, std::move(spans));
  d.text({textX, y + 20.5}, elide(detailText(r), 6.5, boxW - 7 - kRightColumn - 4), {.size = 6.5, .color = kInk});

  // Utilisation bar: 0–100 % of the continuous rating; past 100 % the bar is full and red.
  const double barX = boxX + boxW - kRightColumn, barW = 64;
  d.rect({barX, y + 4.5, barW, 7}, Style::outlined(Color::rgb(0xeeeeee), kRule, 0.4));
  if (r.rating > 0) {
    const double u = std::clamp(r.utilisation, 0.0, 1.0);
    d.rect({barX, y + 4.5, barW * u, 7}, Style::filled(utilisationColor(r.utilisation)));
    d.text({barX + barW + 4, y + 10.5}, fixed(100 * r.utilisation, 0) + " %",
           {.size = 7, .bold = true, .color = r.utilisation > 1 ? kBad : kInk});
    if (r.failoverUtilisation > 0) {
      d.text({barX, y + 20.5}, "fail-over " + fixed(100 * r.failoverUtilisation, 0) + " %",
             {.size = 6.5, .color = r.failoverUtilisation > 1 ? kBad : kMuted});
    }
  } else {
    d.text({barX + barW + 4, y + 10.5}, "\u2013", {.size = 7, .color = kMuted});
  }
}

}  // namespace

std::vector<Drawing> singleLineDiagram(const design::Layout& layout, const PowerTree& tree, const DiagramOptions& o) {
  const PowerPaths paths = powerPaths(layout);
  const int perPart = std::max(1, static_cast<int>((o.maxPartHeight - kTopPad) / kRowHeight));
  const int n = static_cast<int>(tree.rows.size());
  std::vector<Drawing> parts;
  std::vector<int> partOf(n, 0);
  std::vector<double> rowY(n, 0);
  for (int start = 0; start < n || (n == 0 && parts.empty()); start += perPart) {
    const int end = std::min(n, start + perPart);
    // Only the first part has a top margin, so stacked parts keep the rows' regular spacing.
    const int part = static_cast<int>(parts.size());
    const double pad = part == 0 ? kTopPad : 0;
    Drawing d(o.width, pad + (end - start) * kRowHeight);
    d.title = "Power single-line diagram";
    for (int i = start; i < end; ++i) {
      partOf[i] = part;
      rowY[i] = pad + (i - start) * kRowHeight;
    }
    // Connectors first, so boxes sit on top: from the parent's spine (or the part's top edge when
    // the parent is on an earlier part) down to the row's middle, then across to its box.
    for (int i = start; i < end; ++i) {
      const PowerTreeRow& r = tree.rows[i];
      if (r.parentRow < 0) continue;
      const double spineX = 4 + tree.rows[r.parentRow].depth * kIndent + 8;
      const double top = partOf[r.parentRow] == part ? rowY[r.parentRow] + kBoxHeight : 0;
      const double mid = rowY[i] + kBoxHeight / 2;
      d.line({spineX, top}, {spineX, mid}, Style::line(kMuted, 0.7));
      d.line({spineX, mid}, {4 + r.depth * kIndent, mid}, Style::line(kMuted, 0.7));
    }
    for (int i = start; i < end; ++i) {
      const PowerTreeRow& r = tree.rows[i];
      drawRow(d, r, rowY[i], 4 + r.depth * kIndent, o.width, powerPathColor(paths.nodePath[r.members.front()]));
    }
    parts.push_back(std::move(d));
    if (n == 0) break;
  }
  return parts;
}

}  // namespace gigaplan::report
