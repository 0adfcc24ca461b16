// Colours of the 3D site view: a dark and a light theme chosen to read on a projector (strong
// contrast between floor, equipment and text; no colours that wash out), and the fixed colours of
// each kind of equipment in "colour by type", shared by both themes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/report/drawing.h"
#include "widgets/scene/shapes.h"

namespace gigaplan::widgets::scene {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
  static constexpr Rgb hex(unsigned v) {
    return {((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0};
  }
  static constexpr Rgb of(report::Color c) { return {c.r / 255.0, c.g / 255.0, c.b / 255.0}; }
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct Theme {
  std::string name;                     // "dark" or "light"
  Rgb backgroundTop, backgroundBottom;  // vertical gradient behind the site
  Rgb ground, road, hallFloor, hallOutline;
  Rgb text;              // labels and legend
  Rgb pipe, powerLink;   // coolant pipes, power feeds between nodes
  Rgb selection, hover;  // outlines of selected and hovered objects
  Rgb wire, refused;     // a connection being drawn: allowed, refused
  Rgb noData;            // objects without a value in the current colour mode
};

Theme darkTheme();
Theme lightTheme();
/// "dark" or "light"; nullopt otherwise.
std::optional<Theme> themeByName(std::string_view name);

/// Rack class for shape and colour (model::rackClassOf).
RackShape rackShapeOf(const catalog::RackType* type);

/// Colours in "colour by type"; racks' are the report's (report::rackColor), so the 3D picture
/// and the site plan agree.
Rgb typeColor(RackShape shape);
Rgb typeColor(design::PowerKind kind);
Rgb typeColor(design::CoolingKind kind);
/// Legend and tooltip names in "colour by type": "rack-scale compute", "UPS", "dry cooler" …
std::string_view typeName(RackShape shape);
std::string_view typeName(design::PowerKind kind);
std::string_view typeName(design::CoolingKind kind);

}  // namespace gigaplan::widgets::scene
