// Rack class colours (see rack_colors.h).
#include "core/report/rack_colors.h"

namespace gigaplan::report {

Color rackColor(model::RackClass rackClass) {
  switch (rackClass) {
    case model::RackClass::RackScale:
      return Color::rgb(0x6fbf2c);
    case model::RackClass::Server:
      return Color::rgb(0x22a7b5);
    case model::RackClass::Network:
      return Color::rgb(0x393e9c);
    case model::RackClass::Storage:
      return Color::rgb(0x9a74e0);
  }
  return kMuted;
}

}  // namespace gigaplan::report
