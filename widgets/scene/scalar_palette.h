// Maps the values of one colour mode to colours, and makes the matching legend table, so the
// objects and the scalar bar always agree. Continuous modes use a colour ramp over the data range
// (feed utilisation: green → red at 100 % of rating); categorical modes a qualitative palette.
#pragma once

#include <vtkSmartPointer.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "widgets/scene/color_by.h"
#include "widgets/scene/theme.h"

class vtkLookupTable;

namespace gigaplan::widgets::scene {

class ScalarPalette {
 public:
  ScalarPalette(ColorBy mode, const ColorScalars& scalars);

  /// Colour of an SI value; nullopt for NaN (no value).
  std::optional<Rgb> color(double value) const;
  /// Table in legend units for vtkScalarBarActor; indexed with annotations when categorical.
  vtkSmartPointer<vtkLookupTable> legendTable() const;
  /// "Power draw (kW)".
  const std::string& title() const { return title_; }
  /// Continuous range in SI units.
  double low() const { return low_; }
  double high() const { return high_; }
  bool categorical() const { return categorical_; }
  int categoryCount() const { return categoryCount_; }

 private:
  struct Stop {
    double at;  // continuous: fraction of [low, high]
    Rgb color;
  };
  Rgb ramp(double fraction) const;
  Rgb category(int index) const;

  bool categorical_ = false;
  std::string title_;
  double unitScale_ = 1;
  double low_ = 0, high_ = 1;
  int categoryCount_ = 0;
  std::vector<std::string> categoryNames_;
  std::vector<Stop> stops_;
  std::vector<Rgb> categoryColors_;
};

/// A categorical legend from explicit names and colours (colour by type).
vtkSmartPointer<vtkLookupTable> categoryTable(const std::vector<std::pair<std::string, Rgb>>& entries);

}  // namespace gigaplan::widgets::scene
