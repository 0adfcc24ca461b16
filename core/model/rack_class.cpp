// Rack classes (see rack_class.h).
#include "core/model/rack_class.h"

namespace gigaplan::model {

RackClass rackClassOf(const catalog::RackType* type) {
  if (!type) return RackClass::Server;
  switch (type->kind) {
    case catalog::RackKind::Network:
      return RackClass::Network;
    case catalog::RackKind::Storage:
      return RackClass::Storage;
    case catalog::RackKind::Compute:
      break;
  }
  const int domain = type->scaleUpDomain > 0 ? type->scaleUpDomain : type->gpus;
  return domain >= 36 ? RackClass::RackScale : RackClass::Server;
}

std::string_view rackClassName(RackClass rackClass) {
  switch (rackClass) {
    case RackClass::RackScale:
      return "rack-scale compute";
    case RackClass::Server:
      return "server compute";
    case RackClass::Network:
      return "network";
    case RackClass::Storage:
      return "storage";
  }
  return "?";
}

}  // namespace gigaplan::model
