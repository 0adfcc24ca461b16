// What the 3D view colours objects by, and the per-object values behind it. The app fills a
// ColorScalars from the engine's Evaluation; the view only maps values to colours and a legend.
//
//   ColorScalars s;
//   s.label = "Power draw"; s.unit = "kW"; s.unitScale = 1e-3;   // values are SI (W)
//   s.racks = perRackWatts;                                       // indexed like layout.racks
//   view.setColorBy(ColorBy::PowerDraw, s);
#pragma once

#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gigaplan::widgets::scene {

enum class ColorBy {
  Type,             // equipment type (needs no values)
  PowerDraw,        // continuous, e.g. W per rack / per node
  FeedPath,         // categorical, e.g. 0 = A, 1 = B
  CoolingLoop,      // categorical: loop index per rack / cooling unit
  FeedUtilisation,  // continuous fraction of rating; 1.0 = full (red)
  FailureDomain,    // categorical: e.g. 0 = unaffected, 1 = lost when the chosen node fails
  FabricPod,        // categorical: pod / rail group index
  Findings,         // categorical: 0 none, 1 info, 2 warning, 3 error (worst finding on the object)
  Difference,       // categorical: 0 the same, 1 changed, 2 missing in the design compared with
};

inline constexpr std::array kAllColorBy = {ColorBy::Type,        ColorBy::PowerDraw,       ColorBy::FeedPath,
                                           ColorBy::CoolingLoop, ColorBy::FeedUtilisation, ColorBy::FailureDomain,
                                           ColorBy::FabricPod,   ColorBy::Findings,        ColorBy::Difference};

/// Command-line / settings key: "type", "power", "feed", "cooling-loop", "utilisation",
/// "failure-domain", "pod", "findings", "difference".
std::string_view toKey(ColorBy mode);
/// Accepts the keys above and the aliases "power-draw", "feed-path", "utilization",
/// "fabric-pod"; nullopt for anything else.
std::optional<ColorBy> colorByFromKey(std::string_view key);
/// Menu / legend name: "Power draw", "Feed path" …
std::string_view displayName(ColorBy mode);
/// Values are category indices (0, 1, 2 …) rather than a continuous quantity.
bool isCategorical(ColorBy mode);

/// Per-object values for one colour mode. Values are SI; the legend shows value × unitScale in
/// `unit`. NaN means "no value" (drawn in the theme's no-data grey); an empty vector means the
/// whole layer has no values. All three vectors share one colour scale, so fill only layers whose
/// values are comparable (rack kW and transformer MW are not: colour racks by power draw, and
/// nodes by utilisation).
struct ColorScalars {
  std::string label;                    // legend title; empty = displayName(mode)
  std::string unit;                     // legend unit, e.g. "kW"
  double unitScale = 1.0;               // SI → legend unit (W → kW: 1e-3)
  std::vector<double> racks;            // indexed like Layout::racks
  std::vector<double> power;            // indexed like Layout::power
  std::vector<double> cooling;          // indexed like Layout::cooling
  std::vector<std::string> categories;  // categorical modes: names of values 0, 1, 2 …
  // Categorical modes: the qualitative colour (0 … qualitativeColorCount() − 1) of each category,
  // chosen by whoever knows which categories are neighbours; empty = the mode's default colours.
  std::vector<int> categoryColors;
  double min = std::numeric_limits<double>::quiet_NaN();  // legend range (SI); NaN = from data
  double max = std::numeric_limits<double>::quiet_NaN();
};

/// How many qualitative colours categorical modes cycle through (ColorScalars::categoryColors).
int qualitativeColorCount();

}  // namespace gigaplan::widgets::scene
