// A reference to one selectable object of a Layout: a rack, a power node or a cooling unit.
#pragma once

#include <compare>

namespace gigaplan::widgets::scene {

enum class ObjectKind { Rack, Power, Cooling };

struct ObjectRef {
  ObjectKind kind = ObjectKind::Rack;
  int index = 0;  // into Layout::racks / power / cooling
  friend auto operator<=>(const ObjectRef&, const ObjectRef&) = default;
};

}  // namespace gigaplan::widgets::scene
