// Value → colour for the colour modes, and the legend tables (see scalar_palette.h).
#include "widgets/scene/scalar_palette.h"

#include <vtkLookupTable.h>
#include <vtkVariant.h>
#include <algorithm>
#include <cmath>

namespace gigaplan::widgets::scene {

namespace {

// Tableau 10, then its lighter companions: distinct on a projector, colour-blind tolerable.
constexpr unsigned kQualitative[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1,
                                     0xff9da7, 0x9c755f, 0xbab0ac, 0xa0cbe8, 0xffbe7d, 0x8cd17d, 0xb6992d,
                                     0xf1ce63, 0x86bcb6, 0xff9d9a, 0xd4a6c8, 0xd7b5a6, 0x79706e};
// Sequential ramp after matplotlib's viridis (perceptually even, prints in grey).
constexpr std::pair<double, unsigned> kViridis[] = {
    {0.0, 0x440154}, {0.25, 0x3b528b}, {0.5, 0x21918c}, {0.75, 0x5ec962}, {1.0, 0xfde725}};
constexpr unsigned kNeutral = 0x8a939c;

template <class F>
void forEachValue(const ColorScalars& s, F f) {
  for (const auto* v : {&s.racks, &s.power, &s.cooling})
    for (double x : *v)
      if (!std::isnan(x)) f(x);
}

}  // namespace

int qualitativeColorCount() {
  return static_cast<int>(std::size(kQualitative));
}

ScalarPalette::ScalarPalette(ColorBy mode, const ColorScalars& scalars)
    : categorical_(isCategorical(mode)), unitScale_(scalars.unitScale) {
  title_ = scalars.label.empty() ? std::string(displayName(mode)) : scalars.label;
  if (!scalars.unit.empty()) title_ += " (" + scalars.unit + ")";

  if (categorical_) {
    categoryNames_ = scalars.categories;
    int maxIndex = -1;
    forEachValue(scalars, [&](double v) { maxIndex = std::max(maxIndex, static_cast<int>(std::lround(v))); });
    categoryCount_ = std::max({static_cast<int>(categoryNames_.size()), maxIndex + 1, 1});
    std::vector<unsigned> lead;
    if (mode == ColorBy::Findings) lead = {kNeutral, 0x4e79a7, 0xf2b134, 0xe15759};
    if (mode == ColorBy::FailureDomain) lead = {kNeutral, 0xe15759};
    if (mode == ColorBy::Difference) lead = {kNeutral, 0xf28e2b, 0xe15759};
    for (int i = 0; i < categoryCount_; ++i) {
      if (static_cast<std::size_t>(i) < scalars.categoryColors.size()) {
        const auto slot = static_cast<std::size_t>(std::max(0, scalars.categoryColors[static_cast<std::size_t>(i)]));
        categoryColors_.push_back(Rgb::hex(kQualitative[slot % std::size(kQualitative)]));
        continue;
      }
      const unsigned hex = i < static_cast<int>(lead.size())
                               ? lead[i]
                               : kQualitative[(i - (mode == ColorBy::FailureDomain ? 1 : 0)) % std::size(kQualitative)];
      categoryColors_.push_back(Rgb::hex(hex));
    }
    low_ = 0, high_ = categoryCount_ - 1;
    return;
  }

  double lo = INFINITY, hi = -INFINITY;
  forEachValue(scalars, [&](double v) { lo = std::min(lo, v), hi = std::max(hi, v); });
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (mode == ColorBy::FeedUtilisation) lo = std::min(lo, 0.0), hi = std::max(hi, 1.0);
  if (!std::isnan(scalars.min)) lo = scalars.min;
  if (!std::isnan(scalars.max)) hi = scalars.max;
  if (hi <= lo) hi = lo + (lo == 0 ? 1 : std::abs(lo) * 0.01);
  low_ = lo, high_ = hi;

  if (mode == ColorBy::FeedUtilisation) {
    // Fixed meaning: green well below rating, amber near it, red at 100 %, dark red beyond.
    const std::pair<double, unsigned> stops[] = {{0.0, 0x1a9850}, {0.6, 0x91cf60}, {0.8, 0xfee08b},
                                                 {0.9, 0xfc8d59}, {1.0, 0xd73027}, {1.25, 0x7f0000}};
    for (auto [value, hex] : stops) stops_.push_back({(value - lo) / (hi - lo), Rgb::hex(hex)});
  } else {
    for (auto [at, hex] : kViridis) stops_.push_back({at, Rgb::hex(hex)});
  }
}

Rgb ScalarPalette::ramp(double t) const {
  if (t <= stops_.front().at) return stops_.front().color;
  for (std::size_t i = 1; i < stops_.size(); ++i) {
    if (t <= stops_[i].at) {
      const Stop& a = stops_[i - 1];
      const Stop& b = stops_[i];
      const double f = (t - a.at) / (b.at - a.at);
      return {a.color.r + f * (b.color.r - a.color.r), a.color.g + f * (b.color.g - a.color.g),
              a.color.b + f * (b.color.b - a.color.b)};
    }
  }
  return stops_.back().color;
}

Rgb ScalarPalette::category(int index) const {
  if (categoryColors_.empty()) return Rgb::hex(kNeutral);
  return categoryColors_[static_cast<std::size_t>(std::clamp(index, 0, categoryCount_ - 1))];
}

std::optional<Rgb> ScalarPalette::color(double value) const {
  if (std::isnan(value)) return std::nullopt;
  if (categorical_) return category(static_cast<int>(std::lround(value)));
  return ramp(std::clamp((value - low_) / (high_ - low_), 0.0, 1.0));
}

vtkSmartPointer<vtkLookupTable> ScalarPalette::legendTable() const {
  if (categorical_ && categoryCount_ <= 16) {
    std::vector<std::pair<std::string, Rgb>> entries;
    for (int i = 0; i < categoryCount_; ++i) {
      const std::string name =
          i < static_cast<int>(categoryNames_.size()) ? categoryNames_[static_cast<std::size_t>(i)] : std::to_string(i);
      entries.emplace_back(name, category(i));
    }
    return categoryTable(entries);
  }
  auto table = vtkSmartPointer<vtkLookupTable>::New();
  const int n = categorical_ ? categoryCount_ : 256;
  table->SetNumberOfTableValues(n);
  for (int i = 0; i < n; ++i) {
    const Rgb c = categorical_ ? category(i) : ramp(static_cast<double>(i) / (n - 1));
    table->SetTableValue(i, c.r, c.g, c.b, 1.0);
  }
  table->SetTableRange(low_ * (categorical_ ? 1 : unitScale_), high_ * (categorical_ ? 1 : unitScale_));
  return table;
}

vtkSmartPointer<vtkLookupTable> categoryTable(const std::vector<std::pair<std::string, Rgb>>& entries) {
  auto table = vtkSmartPointer<vtkLookupTable>::New();
  table->IndexedLookupOn();
  table->SetNumberOfTableValues(static_cast<vtkIdType>(entries.size()));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Rgb& c = entries[i].second;
    table->SetTableValue(static_cast<vtkIdType>(i), c.r, c.g, c.b, 1.0);
    table->SetAnnotation(vtkVariant(static_cast<int>(i)), entries[i].first);
  }
  return table;
}

}  // namespace gigaplan::widgets::scene
