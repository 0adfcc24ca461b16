// Template origins of expanded objects (see template_map.h). The walk mirrors expand.cpp:
// site power, site cooling, then per hall spec and instance its power, cooling and rows (those kept
// to another hall by only_in skipped).
#include "app/gui/editing/template_map.h"

namespace gigaplan::app::editing {

TemplateMap::TemplateMap(const design::Design& d, const design::Layout& layout) {
  rows_.reserve(layout.rows.size());
  power_.reserve(layout.power.size());
  cooling_.reserve(layout.cooling.size());
  for (std::size_t s = 0; s < d.power.size(); ++s) {
    for (int i = 1; i <= d.power[s].count; ++i) power_.push_back({-1, 0, static_cast<int>(s), i});
  }
  for (std::size_t s = 0; s < d.cooling.size(); ++s) {
    for (int i = 1; i <= d.cooling[s].count; ++i) cooling_.push_back({-1, 0, static_cast<int>(s), i});
  }
  std::size_t hallIndex = 0;  // layout halls are made in template order
  for (std::size_t hs = 0; hs < d.halls.size(); ++hs) {
    const design::HallSpec& hall = d.halls[hs];
    const int spec = static_cast<int>(hs);
    for (int h = 1; h <= hall.count; ++h) {
      const std::string& hallId = layout.halls[hallIndex++].id;
      for (std::size_t s = 0; s < hall.power.size(); ++s) {
        if (!design::madeInHall(hall.power[s].onlyIn, hallId)) continue;
        for (int i = 1; i <= hall.power[s].count; ++i) power_.push_back({spec, h, static_cast<int>(s), i});
      }
      for (std::size_t s = 0; s < hall.cooling.size(); ++s) {
        if (!design::madeInHall(hall.cooling[s].onlyIn, hallId)) continue;
        for (int i = 1; i <= hall.cooling[s].count; ++i) cooling_.push_back({spec, h, static_cast<int>(s), i});
      }
      for (std::size_t s = 0; s < hall.rows.size(); ++s) {
        if (!design::madeInHall(hall.rows[s].onlyIn, hallId)) continue;
        for (int i = 1; i <= hall.rows[s].count; ++i) rows_.push_back({spec, h, static_cast<int>(s), i});
      }
    }
  }
}

std::vector<int> TemplateMap::rowsOf(int hallSpec, int rowSpec) const {
  std::vector<int> out;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    if (rows_[r].hallSpec == hallSpec && rows_[r].rowSpec == rowSpec) out.push_back(static_cast<int>(r));
  }
  return out;
}

}  // namespace gigaplan::app::editing
