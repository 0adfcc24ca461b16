// Hand-built catalogs and layouts for the engine tests and benchmark (no loader, no expand()).
// Figures are round numbers chosen so expectations can be worked out by hand; they are not
// equipment data.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/design/layout.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::engine::fixture {

/// A design, its catalog and its layout in one place. The layout points into `catalog`, so a
/// Site is neither copied nor moved.
struct Site {
  catalog::Catalog catalog;
  design::Design design;
  design::Layout layout;

  Site() {
    using namespace catalog;
    Gpu g;
    g.id = "g1";
    g.name = "Test GPU";
    g.bf16 = 1e15;
    g.fp8 = 2e15;
    g.hbm = 100e9;
    g.hbmBandwidth = 4e12;
    g.scaleUpBandwidth = 900e9;
    g.scaleUpDomain = 4;
    g.nicRate = 50e9;
    catalog.gpus[g.id] = g;

    RackType r;
    r.id = "r100";
    r.name = "100 kW rack";
    r.gpu = "g1";
    r.gpus = 4;
    r.nodes = 1;
    r.scaleUpDomain = 4;
    r.power = 100e3;
    r.peakPower = 120e3;
    r.liquidFraction = 0.8;
    catalog.racks[r.id] = r;
    RackType net;
    net.id = "net";
    net.name = "Network rack";
    net.kind = RackKind::Network;
    net.power = 10e3;
    net.switchSlots = 8;
    catalog.racks[net.id] = net;

    gear("bw", PowerGearKind::Busway, 500e3, 0.99);
    gear("ups", PowerGearKind::Ups, 1e6, 0.95);
    gear("tx", PowerGearKind::Transformer, 2e6, 0.98);
    gear("sb", PowerGearKind::Switchboard, 4e6, 1.0);
    gear("gen", PowerGearKind::Generator, 1e6, 1.0);
    gear("bat", PowerGearKind::Battery, 500e3, 1.0).energy = 500e3 * 3600;  // 500 kWh

    cooler("cdu", CoolingGearKind::Cdu, 400e3, 4e3, 0, 0);
    cooler("chiller", CoolingGearKind::Chiller, 500e3, 0, 5, 0);
    cooler("ahu", CoolingGearKind::AirHandler, 100e3, 2e3, 0, 0);
    cooler("tower", CoolingGearKind::CoolingTower, 1e6, 10e3, 0, 2);
    cooler("dry", CoolingGearKind::DryCooler, 500e3, 5e3, 0, 0);

    design.site.powerFactor = 1.0;
    design.site.ambient = 30;
    design::Hall hall;
    hall.id = "h1";
    hall.size = {40, 20};
    layout.halls.push_back(hall);
    layout.hallIndex["h1"] = 0;
  }
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  catalog::PowerGear& gear(const std::string& id, catalog::PowerGearKind kind, double rating, double efficiency) {
    catalog::PowerGear& p = catalog.powerGear[id];
    p.id = id;
    p.name = id;
    p.kind = kind;
    p.rating = rating;
    p.efficiency = efficiency;
    return p;
  }
  catalog::CoolingGear& cooler(const std::string& id, catalog::CoolingGearKind kind, double capacity, double ownPower,
                               double cop, double waterPerKwh) {
    catalog::CoolingGear& c = catalog.coolingGear[id];
    c.id = id;
    c.name = id;
    c.kind = kind;
    c.capacity = capacity;
    c.ownPower = ownPower;
    c.cop = cop;
    c.waterPerKwh = waterPerKwh;
    return c;
  }

  /// A power node; `model` "" for a grid connection (then `rating` is required).
  int power(const std::string& id, design::PowerKind kind, const std::string& model, std::initializer_list<int> fedBy,
            double rating = 0, design::Redundancy redundancy = design::Redundancy::None, int units = 1) {
    design::PowerNode n;
    n.id = id;
    n.kind = kind;
    n.model = model;
    n.spec = model.empty() ? nullptr : catalog.power(model);
    n.fedBy = fedBy;
    n.units = units;
    n.rating = rating > 0 ? rating : (n.spec ? n.spec->rating * units : 0);
    n.redundancy = redundancy;
    n.hall = 0;
    layout.powerIndex[id] = static_cast<int>(layout.power.size());
    layout.power.push_back(n);
    return static_cast<int>(layout.power.size()) - 1;
  }

  int cooling(const std::string& id, design::CoolingKind kind, const std::string& model,
              std::initializer_list<int> rejectsTo, int fedBy = design::kNone, int units = 1) {
    design::CoolingUnit u;
    u.id = id;
    u.kind = kind;
    u.model = model;
    u.spec = catalog.cooling(model);
    u.rejectsTo = rejectsTo;
    if (fedBy != design::kNone) u.fedBy = {fedBy};
    u.units = units;
    u.capacity = u.spec ? u.spec->capacity * units : 0;
    u.hall = 0;
    layout.coolingIndex[id] = static_cast<int>(layout.cooling.size());
    layout.cooling.push_back(u);
    return static_cast<int>(layout.cooling.size()) - 1;
  }

  /// A rack at (x, y) in hall h1, rotation 0 (width along x).
  int rack(const std::string& id, const std::string& type, double x, double y, int feedA, int feedB = design::kNone,
           int cdu = design::kNone, int airHandler = design::kNone) {
    design::Rack r;
    r.id = id;
    r.type = type;
    r.spec = catalog.rack(type);
    r.hall = 0;
    r.row = 0;
    r.slot = static_cast<int>(layout.racks.size()) + 1;
    r.position = {x, y};
    r.feedA = feedA;
    r.feedB = feedB;
    r.cdu = cdu;
    r.airHandler = airHandler;
    layout.rackIndex[id] = static_cast<int>(layout.racks.size());
    layout.racks.push_back(r);
    return static_cast<int>(layout.racks.size()) - 1;
  }
};

/// How many findings carry `code` (on `object`, when given).
inline int countCode(const Evaluation& e, const std::string& code, const std::string& object = "") {
  return static_cast<int>(std::count_if(e.findings.begin(), e.findings.end(), [&](const Finding& f) {
    return f.code == code && (object.empty() || f.object == object);
  }));
}

/// Records every rack so far as one row (the fabric places leaves by row). Racks must stand in
/// order along +x.
inline void closeRow(Site& s, const std::string& id = "row1") {
  design::Row row;
  row.id = id;
  row.hall = 0;
  row.firstRack = 0;
  row.rackCount = static_cast<int>(s.layout.racks.size());
  row.start = s.layout.racks.front().position;
  row.end = s.layout.racks.back().position;
  s.layout.rowIndex[id] = static_cast<int>(s.layout.rows.size());
  s.layout.rows.push_back(row);
}

/// A 64 × 400G switch (1.7 kW: hardware.md's U planning figure) and 400G media: 3 m copper, 50 m
/// multimode (9 W per end).
inline void addNetworkCatalog(Site& s) {
  catalog::Switch sw;
  sw.id = "sw64";
  sw.name = "64-port 400G switch";
  sw.ports = 64;
  sw.portRate = 50e9;
  sw.power = 1700;
  s.catalog.switches[sw.id] = sw;
  auto medium = [&](const char* id, catalog::MediumKind kind, double reach, double power, int ends) {
    catalog::CableMedium m;
    m.id = id;
    m.name = id;
    m.kind = kind;
    m.rate = 50e9;
    m.maxReach = reach;
    m.transceiverPower = power;
    m.transceiversPerLink = ends;
    s.catalog.media[m.id] = m;
  };
  medium("dac", catalog::MediumKind::PassiveCopper, 3, 0, 0);
  medium("mm", catalog::MediumKind::Multimode, 50, 9, 2);
  s.design.network.switchModel = "sw64";
  s.design.network.topology = design::Topology::FatTree;
}

/// Indices of the reference chain built by buildChain().
struct Chain {
  int grid, tx, upsA, upsB, busA, busB;
  std::vector<int> racks;
};

/// The reference chain of the tests: grid (5 MW) → transformer → UPS A / UPS B → busway A / B →
/// `racks` racks of 100 kW (120 kW peak) fed A and B, 0.6 m apart in a row at y = 5.
inline Chain buildChain(Site& s, int racks = 4) {
  using design::PowerKind;
  Chain c;
  c.grid = s.power("grid", PowerKind::Grid, "", {}, 5e6);
  c.tx = s.power("tx1", PowerKind::Transformer, "tx", {c.grid});
  c.upsA = s.power("ups-a", PowerKind::Ups, "ups", {c.tx});
  c.upsB = s.power("ups-b", PowerKind::Ups, "ups", {c.tx});
  c.busA = s.power("bus-a", PowerKind::Busway, "bw", {c.upsA});
  c.busB = s.power("bus-b", PowerKind::Busway, "bw", {c.upsB});
  for (int i = 0; i < racks; ++i)
    c.racks.push_back(s.rack("rack" + std::to_string(i + 1), "r100", 2 + 0.6 * i, 5, c.busA, c.busB));
  return c;
}

}  // namespace gigaplan::engine::fixture
