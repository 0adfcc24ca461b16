// Hand-built sample sites for the 3D view tests and benchmark (see sample_sites.h).
#include "sample_sites.h"

#include <string>

namespace gigaplan::testing {

using namespace gigaplan::design;

catalog::Catalog sampleCatalog() {
  catalog::Catalog c;
  auto rack = [&](std::string id, std::string name, catalog::RackKind kind, int gpus, int domain, double power) {
    catalog::RackType r;
    r.id = id, r.name = name, r.kind = kind, r.gpus = gpus, r.scaleUpDomain = domain, r.power = power;
    r.gpu = gpus > 0 ? "gb200" : "";
    r.width = 0.6, r.depth = 1.2, r.height = 2.3;
    c.racks[id] = r;
  };
  rack("gb200-nvl72", "GB200 NVL72", catalog::RackKind::Compute, 72, 72, 132e3);
  rack("hgx-b200", "HGX B200 (4 servers)", catalog::RackKind::Compute, 32, 8, 60e3);
  rack("net-ib", "InfiniBand switch rack", catalog::RackKind::Network, 0, 0, 20e3);
  rack("storage", "Storage rack", catalog::RackKind::Storage, 0, 0, 15e3);
  auto power = [&](std::string id, catalog::PowerGearKind kind, double rating, double w, double d, double h) {
    catalog::PowerGear g;
    g.id = id, g.name = id, g.kind = kind, g.rating = rating, g.width = w, g.depth = d, g.height = h;
    c.powerGear[id] = g;
  };
  power("substation-300", catalog::PowerGearKind::Substation, 300e6, 60, 40, 12);
  power("tx-3mva", catalog::PowerGearKind::Transformer, 3e6, 3.0, 2.5, 3.0);
  power("swbd-4000", catalog::PowerGearKind::Switchboard, 3e6, 8.0, 1.0, 2.3);
  power("ups-1500", catalog::PowerGearKind::Ups, 1.5e6, 3.0, 1.0, 2.0);
  power("busway-2500", catalog::PowerGearKind::Busway, 1.7e6, 1.0, 0.2, 0.1);
  power("turbine-35", catalog::PowerGearKind::Generator, 35e6, 18, 5, 6);
  power("megapack", catalog::PowerGearKind::Battery, 1.9e6, 8.8, 1.7, 2.8);
  auto cooling = [&](std::string id, catalog::CoolingGearKind kind, double capacity, double w, double d, double h) {
    catalog::CoolingGear g;
    g.id = id, g.name = id, g.kind = kind, g.capacity = capacity, g.width = w, g.depth = d, g.height = h;
    c.coolingGear[id] = g;
  };
  cooling("cdu-1350", catalog::CoolingGearKind::Cdu, 1.35e6, 1.2, 1.2, 2.2);
  cooling("chiller-2000", catalog::CoolingGearKind::Chiller, 2e6, 12, 2.4, 2.6);
  cooling("dry-1200", catalog::CoolingGearKind::DryCooler, 1.2e6, 12, 2.4, 2.4);
  cooling("ahu-300", catalog::CoolingGearKind::AirHandler, 0.3e6, 3, 1.5, 2.5);
  return c;
}

namespace {

int addPower(Layout& l, std::string id, PowerKind kind, std::string model, Vec2 at, std::vector<int> fedBy,
             const catalog::Catalog& c, int units = 1, double rotation = 0) {
  PowerNode n;
  n.id = id, n.kind = kind, n.model = model, n.position = at, n.fedBy = fedBy, n.units = units;
  n.rotation = rotation;
  const catalog::PowerGear* g = c.power(model);
  n.rating = g ? g->rating * units : 0;
  l.power.push_back(n);
  l.powerIndex[id] = static_cast<int>(l.power.size()) - 1;
  return static_cast<int>(l.power.size()) - 1;
}

int addCooling(Layout& l, std::string id, CoolingKind kind, std::string model, Vec2 at, std::vector<int> rejectsTo,
               const catalog::Catalog& c, int units = 1, double rotation = 0) {
  CoolingUnit u;
  u.id = id, u.kind = kind, u.model = model, u.position = at, u.rejectsTo = rejectsTo, u.units = units;
  u.rotation = rotation;
  const catalog::CoolingGear* g = c.cooling(model);
  u.capacity = g ? g->capacity * units : 0;
  l.cooling.push_back(u);
  l.coolingIndex[id] = static_cast<int>(l.cooling.size()) - 1;
  return static_cast<int>(l.cooling.size()) - 1;
}

int addHall(Layout& l, std::string id, std::string name, Vec2 origin, Vec2 size) {
  Hall h;
  h.id = id, h.name = name, h.origin = origin, h.size = size, h.height = 6;
  l.halls.push_back(h);
  l.hallIndex[id] = static_cast<int>(l.halls.size()) - 1;
  return static_cast<int>(l.halls.size()) - 1;
}

/// A row of racks along +x from `start`; `typeOf(slot)` gives each slot's rack type.
template <class TypeOf>
void addRow(Layout& l, int hall, std::string id, Vec2 start, int racks, TypeOf typeOf, int feedA, int feedB, int cdu,
            int air = kNone) {
  Row row;
  row.id = id, row.hall = hall, row.firstRack = static_cast<int>(l.racks.size()), row.rackCount = racks;
  row.start = start, row.end = {start.x + 0.6 * (racks - 1), start.y};
  const int rowIndex = static_cast<int>(l.rows.size());
  l.rows.push_back(row);
  l.rowIndex[id] = rowIndex;
  for (int k = 1; k <= racks; ++k) {
    Rack r;
    r.id = id + "-" + std::to_string(k);
    r.type = typeOf(k);
    r.hall = hall, r.row = rowIndex, r.slot = k;
    r.position = {start.x + 0.6 * (k - 1), start.y};
    r.feedA = feedA, r.feedB = feedB, r.cdu = cdu, r.airHandler = air;
    l.racks.push_back(r);
    l.rackIndex[r.id] = static_cast<int>(l.racks.size()) - 1;
  }
}

}  // namespace

SampleSite teachingHall() {
  SampleSite s;
  s.catalog = sampleCatalog();
  Layout& l = s.layout;
  const int hall = addHall(l, "h1", "Teaching hall", {0, 0}, {20, 14});
  const int tx = addPower(l, "tx-1", PowerKind::Transformer, "tx-3mva", {-5, 7}, {}, s.catalog);
  const int ups = addPower(l, "ups-1", PowerKind::Ups, "ups-1500", {3, 11.5}, {tx}, s.catalog);
  l.power[static_cast<std::size_t>(ups)].hall = hall;
  const int a = addPower(l, "busway-a", PowerKind::Busway, "busway-2500", {3, 5}, {ups}, s.catalog);
  const int b = addPower(l, "busway-b", PowerKind::Busway, "busway-2500", {3, 9}, {ups}, s.catalog);
  const int chiller = addCooling(l, "chiller-1", CoolingKind::Chiller, "chiller-2000", {25, 7}, {}, s.catalog, 1, 90);
  const int cdu = addCooling(l, "cdu-1", CoolingKind::Cdu, "cdu-1350", {15, 6}, {chiller}, s.catalog);
  l.cooling[static_cast<std::size_t>(cdu)].hall = hall;
  for (int r = 0; r < 2; ++r)
    addRow(
        l, hall, "h1-row" + std::to_string(r + 1), {8.0, 4.4 + 3.6 * r}, 4, [](int) { return "gb200-nvl72"; }, a, b,
        cdu);
  return s;
}

SampleSite gigawattSite(int halls) {
  SampleSite s;
  s.catalog = sampleCatalog();
  Layout& l = s.layout;
  constexpr int kRows = 20, kRacks = 25, kCols = 4;
  constexpr double kHallW = 30, kHallD = 80, kPitchX = 75, kPitchY = 110;
  const int grid = addPower(l, "grid", PowerKind::Grid, "", {-120, -80}, {}, s.catalog);
  const int sub1 = addPower(l, "substation-1", PowerKind::Substation, "substation-300", {-60, -60}, {grid}, s.catalog);
  const int sub2 = addPower(l, "substation-2", PowerKind::Substation, "substation-300", {-60, 0}, {grid}, s.catalog);
  addPower(l, "turbines", PowerKind::Generator, "turbine-35", {-80, 120}, {}, s.catalog, 24, 90);
  addPower(l, "batteries", PowerKind::Battery, "megapack", {-80, 320}, {sub1}, s.catalog, 80);
  for (int h = 0; h < halls; ++h) {
    const Vec2 origin{(h % kCols) * kPitchX, (h / kCols) * kPitchY};
    const std::string hid = "h" + std::to_string(h + 1);
    const int hall = addHall(l, hid, "Hall " + std::to_string(h + 1), origin, {kHallW, kHallD});
    const int sub = h % 2 ? sub2 : sub1;
    int tx[2], ups[4];
    for (int t = 0; t < 2; ++t)
      tx[t] = addPower(l, hid + "-tx" + std::to_string(t + 1), PowerKind::Transformer, "tx-3mva",
                       {origin.x + kHallW + 5, origin.y + 10 + 12 * t}, {sub}, s.catalog, 2);
    for (int u = 0; u < 4; ++u) {
      ups[u] = addPower(l, hid + "-ups" + std::to_string(u + 1), PowerKind::Ups, "ups-1500",
                        {origin.x + 2.5, origin.y + 8 + 17 * u}, {tx[u % 2]}, s.catalog, 2, 90);
      l.power.back().hall = hall;
    }
    std::vector<int> dry;
    for (int d = 0; d < 6; ++d)
      dry.push_back(addCooling(l, hid + "-dry" + std::to_string(d + 1), CoolingKind::DryCooler, "dry-1200",
                               {origin.x + kHallW + 16, origin.y + 36 + 7 * d}, {}, s.catalog));
    const int chiller = addCooling(l, hid + "-chiller", CoolingKind::Chiller, "chiller-2000",
                                   {origin.x + kHallW / 2, origin.y + kHallD + 6}, {}, s.catalog);
    std::vector<int> cdus;
    for (int c = 0; c < kRows / 2; ++c) {
      cdus.push_back(addCooling(l, hid + "-cdu" + std::to_string(c + 1), CoolingKind::Cdu, "cdu-1350",
                                {origin.x + kHallW - 3, origin.y + 7.8 + 7.2 * c},
                                {dry[static_cast<std::size_t>(c % 6)], chiller}, s.catalog));
      l.cooling.back().hall = hall;
    }
    const int ahu = addCooling(l, hid + "-ahu", CoolingKind::AirHandler, "ahu-300",
                               {origin.x + kHallW / 2, origin.y + 2}, {}, s.catalog);
    for (int r = 0; r < kRows; ++r) {
      const std::string rid = hid + "-row" + (r < 9 ? "0" : "") + std::to_string(r + 1);
      const int a = addPower(l, rid + "-bw-a", PowerKind::Busway, "busway-2500", {origin.x + 6, origin.y + 6 + 3.6 * r},
                             {ups[r % 4]}, s.catalog);
      const int b = addPower(l, rid + "-bw-b", PowerKind::Busway, "busway-2500", {origin.x + 6, origin.y + 6 + 3.6 * r},
                             {ups[(r + 1) % 4]}, s.catalog);
      const bool storage = r == kRows - 1;
      addRow(
          l, hall, rid, {origin.x + 7, origin.y + 6 + 3.6 * r}, kRacks,
          [&](int k) { return storage                   ? "storage"
                              : (k == 1 || k == kRacks) ? "net-ib"
                                                        : "gb200-nvl72"; }, a, b,
          cdus[static_cast<std::size_t>(r / 2)], ahu);
    }
  }
  return s;
}

}  // namespace gigaplan::testing
