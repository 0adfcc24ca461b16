// Keys and names of the colour modes (see color_by.h).
#include "widgets/scene/color_by.h"

namespace gigaplan::widgets::scene {

std::string_view toKey(ColorBy mode) {
  switch (mode) {
    case ColorBy::Type:
      return "type";
    case ColorBy::PowerDraw:
      return "power";
    case ColorBy::FeedPath:
      return "feed";
    case ColorBy::CoolingLoop:
      return "cooling-loop";
    case ColorBy::FeedUtilisation:
      return "utilisation";
    case ColorBy::FailureDomain:
      return "failure-domain";
    case ColorBy::FabricPod:
      return "pod";
    case ColorBy::Findings:
      return "findings";
    case ColorBy::Difference:
      return "difference";
  }
  return "type";
}

std::optional<ColorBy> colorByFromKey(std::string_view key) {
  for (ColorBy mode : kAllColorBy)
    if (toKey(mode) == key) return mode;
  if (key == "power-draw") return ColorBy::PowerDraw;
  if (key == "feed-path") return ColorBy::FeedPath;
  if (key == "utilization") return ColorBy::FeedUtilisation;
  if (key == "fabric-pod") return ColorBy::FabricPod;
  return std::nullopt;
}

std::string_view displayName(ColorBy mode) {
  switch (mode) {
    case ColorBy::Type:
      return "Type";
    case ColorBy::PowerDraw:
      return "Power draw";
    case ColorBy::FeedPath:
      return "Feed path";
    case ColorBy::CoolingLoop:
      return "Cooling loop";
    case ColorBy::FeedUtilisation:
      return "Feed utilisation";
    case ColorBy::FailureDomain:
      return "Failure domain";
    case ColorBy::FabricPod:
      return "Fabric pod";
    case ColorBy::Findings:
      return "Findings";
    case ColorBy::Difference:
      return "Difference";
  }
  return "Type";
}

bool isCategorical(ColorBy mode) {
  switch (mode) {
    case ColorBy::Type:
    case ColorBy::FeedPath:
    case ColorBy::CoolingLoop:
    case ColorBy::FailureDomain:
    case ColorBy::FabricPod:
    case ColorBy::Findings:
    case ColorBy::Difference:
      return true;
    case ColorBy::PowerDraw:
    case ColorBy::FeedUtilisation:
      return false;
  }
  return false;
}

}  // namespace gigaplan::widgets::scene
