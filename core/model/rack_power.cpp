// Rack power (see rack_power.h).
#include "core/model/rack_power.h"

namespace gigaplan::model {

RackPower rackItPower(const design::Rack& rack) {
  const catalog::RackType* spec = rack.spec;
  if (!spec) return {};
  if (spec->kind == catalog::RackKind::Network) return {0, 0, true};
  return {spec->power, spec->peakPower > 0 ? spec->peakPower : spec->power, false};
}

RackPower rackPower(const design::Layout& layout, int rack, const std::vector<double>* nominal,
                    const std::vector<double>* peak) {
  const auto r = static_cast<std::size_t>(rack);
  RackPower p = rackItPower(layout.racks[r]);
  if (nominal && peak && r < nominal->size() && r < peak->size()) {
    p.nominal = (*nominal)[r];
    p.peak = (*peak)[r];
  }
  return p;
}

RackPower sumRackPower(const design::Layout& layout, const std::vector<int>& racks, const std::vector<double>* nominal,
                       const std::vector<double>* peak) {
  RackPower sum;
  for (int r : racks) sum += rackPower(layout, r, nominal, peak);
  return sum;
}

}  // namespace gigaplan::model
