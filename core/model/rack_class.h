// What a rack is at a glance, for drawing it: a rack-scale system (a scale-up domain of 36 GPUs or
// more, NVL72 class), a rack of GPU servers (HGX class), a network (switch) rack or a storage rack.
// The one home of that rule: the 3D view gives each class its shape and colour, the report's site
// plan colours network and storage racks by class (report/rack_colors.h has the colours).
//
//   model::RackClass c = model::rackClassOf(rack.spec);   // RackClass::Network for a switch rack
#pragma once

#include <string_view>

#include "core/catalog/catalog.h"

namespace gigaplan::model {

enum class RackClass { RackScale, Server, Network, Storage };
inline constexpr int kRackClassCount = 4;

/// A rack without a catalog entry counts as a server rack.
RackClass rackClassOf(const catalog::RackType* type);
/// Legend and tooltip names: "rack-scale compute", "server compute", "network", "storage".
std::string_view rackClassName(RackClass rackClass);

}  // namespace gigaplan::model
