// The dark and light themes and the equipment type colours (see theme.h). Compute is green/teal,
// network indigo, storage violet (report/rack_colors.h), power gear warm (rust, gold, steel),
// cooling gear blue.
#include "widgets/scene/theme.h"

#include "core/report/rack_colors.h"

namespace gigaplan::widgets::scene {

Theme darkTheme() {
  Theme t;
  t.name = "dark";
  t.backgroundTop = Rgb::hex(0x141a22);
  t.backgroundBottom = Rgb::hex(0x2b3440);
  t.ground = Rgb::hex(0x323a38);
  t.road = Rgb::hex(0x23282d);
  t.hallFloor = Rgb::hex(0x4b5560);
  t.hallOutline = Rgb::hex(0x9fb0c2);
  t.text = Rgb::hex(0xeef2f6);
  t.pipe = Rgb::hex(0x4fb3ff);
  t.powerLink = Rgb::hex(0xffb347);
  t.selection = Rgb::hex(0xff5ce1);
  t.hover = Rgb::hex(0xffffff);
  t.wire = Rgb::hex(0x4ade80);
  t.refused = Rgb::hex(0xff4d4d);
  t.noData = Rgb::hex(0x6b737c);
  return t;
}

Theme lightTheme() {
  Theme t;
  t.name = "light";
  t.backgroundTop = Rgb::hex(0xf7f9fb);
  t.backgroundBottom = Rgb::hex(0xd9e0e8);
  t.ground = Rgb::hex(0xdfe4d6);
  t.road = Rgb::hex(0xb9bfc6);
  t.hallFloor = Rgb::hex(0xf4f5f7);
  t.hallOutline = Rgb::hex(0x4d5b6a);
  t.text = Rgb::hex(0x17212c);
  t.pipe = Rgb::hex(0x1769b8);
  t.powerLink = Rgb::hex(0xc8641b);
  t.selection = Rgb::hex(0xd6007e);
  t.hover = Rgb::hex(0x111111);
  t.wire = Rgb::hex(0x15803d);
  t.refused = Rgb::hex(0xc81e1e);
  t.noData = Rgb::hex(0xb4bac1);
  return t;
}

std::optional<Theme> themeByName(std::string_view name) {
  if (name == "dark") return darkTheme();
  if (name == "light") return lightTheme();
  return std::nullopt;
}

RackShape rackShapeOf(const catalog::RackType* type) {
  return model::rackClassOf(type);
}

Rgb typeColor(RackShape shape) {
  return Rgb::of(report::rackColor(shape));
}

std::string_view typeName(RackShape shape) {
  return model::rackClassName(shape);
}

std::string_view typeName(design::PowerKind kind) {
  using design::PowerKind;
  switch (kind) {
    case PowerKind::Grid:
      return "grid connection";
    case PowerKind::Substation:
      return "substation";
    case PowerKind::Generator:
      return "generator";
    case PowerKind::Battery:
      return "battery";
    case PowerKind::Transformer:
      return "transformer";
    case PowerKind::Switchboard:
      return "switchboard";
    case PowerKind::Ups:
      return "UPS";
    case PowerKind::Busway:
      return "busway";
    case PowerKind::Pdu:
      return "PDU";
  }
  return "?";
}

std::string_view typeName(design::CoolingKind kind) {
  using design::CoolingKind;
  switch (kind) {
    case CoolingKind::Cdu:
      return "CDU";
    case CoolingKind::Chiller:
      return "chiller";
    case CoolingKind::DryCooler:
      return "dry cooler";
    case CoolingKind::CoolingTower:
      return "cooling tower";
    case CoolingKind::AirHandler:
      return "air handler";
  }
  return "?";
}

Rgb typeColor(design::PowerKind kind) {
  using design::PowerKind;
  switch (kind) {
    case PowerKind::Grid:
      return Rgb::hex(0x69727d);
    case PowerKind::Substation:
      return Rgb::hex(0x8b95a1);
    case PowerKind::Generator:
      return Rgb::hex(0xa0603c);
    case PowerKind::Battery:
      return Rgb::hex(0xc24a6a);
    case PowerKind::Transformer:
      return Rgb::hex(0xd06a34);
    case PowerKind::Switchboard:
      return Rgb::hex(0xb9c2cc);
    case PowerKind::Ups:
      return Rgb::hex(0xe3b638);
    case PowerKind::Busway:
      return Rgb::hex(0xf5c542);
    case PowerKind::Pdu:
      return Rgb::hex(0xe8883a);
  }
  return {};
}

Rgb typeColor(design::CoolingKind kind) {
  using design::CoolingKind;
  switch (kind) {
    case CoolingKind::Cdu:
      return Rgb::hex(0x2f86d8);
    case CoolingKind::Chiller:
      return Rgb::hex(0x55b0e0);
    case CoolingKind::DryCooler:
      return Rgb::hex(0x7cc8cc);
    case CoolingKind::CoolingTower:
      return Rgb::hex(0xa3bfdc);
    case CoolingKind::AirHandler:
      return Rgb::hex(0x6f86d0);
  }
  return {};
}

}  // namespace gigaplan::widgets::scene
