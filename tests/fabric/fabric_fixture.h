// Hand-made catalogs and layouts for the fabric tests and benchmark (no loader needed). Port
// counts and rates follow the vendors' data sheets cited in resources/catalog/switches.yaml; the
// switch power 1.7 kW is a round planning figure (the tests only multiply it).
#pragma once

#include <string>

#include "core/catalog/catalog.h"
#include "core/design/layout.h"

namespace gigaplan::fabric::fixture {

inline constexpr double kGbps = 1e9 / 8;  // one Gb/s in B/s

inline catalog::Catalog makeCatalog() {
  using namespace catalog;
  Catalog c;
  Gpu h100;
  h100.id = "h100-sxm";
  h100.scaleUpBandwidth = 450e9;
  h100.scaleUpDomain = 8;
  h100.nicRate = 400 * kGbps;
  c.gpus[h100.id] = h100;
  Gpu gb200 = h100;
  gb200.id = "gb200";
  gb200.scaleUpBandwidth = 900e9;
  gb200.scaleUpDomain = 72;
  c.gpus[gb200.id] = gb200;
  Gpu gb300 = gb200;
  gb300.id = "gb300";
  gb300.nicRate = 800 * kGbps;
  c.gpus[gb300.id] = gb300;
  Gpu b200 = h100;  // DGX B200: 8 × ConnectX-7 at 400 Gb/s, as the DGX H100
  b200.id = "b200";
  c.gpus[b200.id] = b200;
  Gpu b300 = h100;  // DGX B300: 8 × ConnectX-8 at 800 Gb/s
  b300.id = "b300";
  b300.nicRate = 800 * kGbps;
  c.gpus[b300.id] = b300;

  RackType dgx;  // DGX H100 SuperPOD rack: 4 systems of 8 GPUs
  dgx.id = "dgx-h100-rack";
  dgx.gpu = "h100-sxm";
  dgx.gpus = 32;
  dgx.nodes = 4;
  dgx.scaleUpDomain = 8;
  c.racks[dgx.id] = dgx;
  RackType dgx3 = dgx;  // the last rack of a SuperPOD SU that gives one node's place to the UFM appliance
  dgx3.id = "dgx-h100-rack-3";
  dgx3.gpus = 24;
  dgx3.nodes = 3;
  c.racks[dgx3.id] = dgx3;
  RackType dgxB200 = dgx;
  dgxB200.id = "dgx-b200-rack";
  dgxB200.gpu = "b200";
  c.racks[dgxB200.id] = dgxB200;
  RackType dgxB300 = dgx;
  dgxB300.id = "dgx-b300-rack";
  dgxB300.gpu = "b300";
  c.racks[dgxB300.id] = dgxB300;
  RackType nvl72;
  nvl72.id = "gb200-nvl72";
  nvl72.gpu = "gb200";
  nvl72.gpus = 72;
  nvl72.nodes = 18;
  nvl72.scaleUpDomain = 72;
  c.racks[nvl72.id] = nvl72;
  RackType nvl72gb300 = nvl72;
  nvl72gb300.id = "gb300-nvl72";
  nvl72gb300.gpu = "gb300";
  c.racks[nvl72gb300.id] = nvl72gb300;
  RackType net;
  net.id = "network-rack";
  net.kind = RackKind::Network;
  net.switchSlots = 8;
  c.racks[net.id] = net;

  Switch qm;
  qm.id = "qm9700";
  qm.ports = 64;
  qm.portRate = 400 * kGbps;
  qm.power = 1700;
  qm.cages = 32;  // 64 NDR ports in 32 twin-port OSFP cages
  c.switches[qm.id] = qm;
  Switch sn = qm;  // Spectrum-4 SN5600: 64 × 800G
  sn.id = "sn5600";
  sn.portRate = 800 * kGbps;
  sn.rackUnits = 2;
  sn.cages = 64;
  c.switches[sn.id] = sn;
  Switch sn400 = sn;  // the same switch run as 128 × 400GbE (two 400G ports per OSFP cage)
  sn400.id = "sn5600-400g";
  sn400.ports = 128;
  sn400.portRate = 400 * kGbps;
  c.switches[sn400.id] = sn400;
  Switch q3400 = qm;  // Quantum-X800: 144 × 800G
  q3400.id = "q3400";
  q3400.ports = 144;
  q3400.portRate = 800 * kGbps;
  q3400.rackUnits = 4;
  q3400.cages = 72;
  c.switches[q3400.id] = q3400;

  auto medium = [&](const char* id, MediumKind kind, double reach, double power, int ends) {
    CableMedium m;
    m.id = id;
    m.kind = kind;
    m.rate = 400 * kGbps;
    m.maxReach = reach;
    m.transceiverPower = power;
    m.transceiversPerLink = ends;
    c.media[m.id] = m;
  };
  medium("dac-400g", MediumKind::PassiveCopper, 3, 0, 0);
  medium("mm-400g", MediumKind::Multimode, 50, 9, 2);
  medium("sm-400g-dr4", MediumKind::SingleMode, 500, 9, 2);
  medium("sm-400g-fr4", MediumKind::SingleMode, 2000, 9, 2);
  return c;
}

/// Appends a row of `count` racks of `type` starting at `start`, `pitch` m apart along +x.
inline void addRow(design::Layout& l, const catalog::Catalog& c, const std::string& id, const std::string& type,
                   int count, design::Vec2 start, double pitch = 0.6) {
  design::Row row;
  row.id = id;
  row.hall = 0;
  row.firstRack = static_cast<int>(l.racks.size());
  row.rackCount = count;
  row.start = start;
  row.end = {start.x + pitch * (count - 1), start.y};
  const int rowIndex = static_cast<int>(l.rows.size());
  for (int k = 0; k < count; ++k) {
    design::Rack r;
    r.id = id + "-" + std::to_string(k + 1);
    r.type = type;
    r.spec = c.rack(type);
    r.hall = 0;
    r.row = rowIndex;
    r.slot = k + 1;
    r.position = {start.x + pitch * k, start.y};
    r.feedA = rowIndex;  // tests read feeds back; no power nodes are needed for that
    l.rackIndex[r.id] = static_cast<int>(l.racks.size());
    l.racks.push_back(std::move(r));
  }
  l.rowIndex[id] = rowIndex;
  l.rows.push_back(row);
}

/// One hall with `rows` rows of `racksPerRow` racks, rows 3.6 m apart.
inline design::Layout makeLayout(const catalog::Catalog& c, int rows, int racksPerRow, const std::string& type,
                                 double rowPitch = 3.6) {
  design::Layout l;
  design::Hall hall;
  hall.id = "h1";
  hall.size = {racksPerRow * 0.6 + 20, rows * rowPitch + 20};
  l.halls.push_back(hall);
  l.hallIndex["h1"] = 0;
  for (int r = 0; r < rows; ++r) addRow(l, c, "row" + std::to_string(r + 1), type, racksPerRow, {2, 2 + r * rowPitch});
  return l;
}

}  // namespace gigaplan::fabric::fixture
