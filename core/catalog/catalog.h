// The equipment catalog: GPUs, rack/system types, switches, cable media, power and cooling gear.
// Loaded from resources/catalog/*.yaml; every entry names its source and a grade
// (V vendor, S secondary, E arithmetic on sourced inputs, U unverified — a default to override).
// All values SI (see core/units/units.h).
//
//   Catalog cat = catalog::loadDirectory("resources/catalog");   // throws io::LoadError
//   const RackType* nvl72 = cat.rack("gb200-nvl72");
//   double gpuPeak = cat.gpu(nvl72->gpu)->bf16;                  // FLOP/s
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/model/default_sizes.h"

namespace gigaplan::catalog {

struct Provenance {
  std::string source;  // where the figures come from (document, page, press article)
  std::string grade;  // "V", "S", "E", "U" V vendor document, S secondary, E arithmetic on sourced inputs, U unverified
  std::string note;   // optional remark, e.g. "approximate: measured draw is ~76 % of rating"
};

struct Gpu {
  std::string id, name, vendor;
  double bf16 = 0, fp8 = 0, fp4 = 0;  // dense FLOP/s; 0 = not supported
  double fp16 = 0, tf32 = 0;          // dense FLOP/s; 0 = not listed
  double hbm = 0;                     // bytes
  double hbmBandwidth = 0;            // B/s
  double tdp = 0;                     // W
  double scaleUpBandwidth = 0;        // B/s per GPU per direction (NVLink / Infinity Fabric)
  int scaleUpDomain = 8;              // GPUs per scale-up domain in its usual system
  double nicRate = 0;                 // B/s per GPU scale-out
  // Power states for the site's power waveform (core/dynamics); busy is the TDP. 0 = not given:
  // the waveform then uses its grade-U planning fractions of the TDP and says so.
  double idlePower = 0;  // W, GPU waiting at a barrier (checkpoint, restart, pipeline bubble)
  double commPower = 0;  // W, GPU in exposed communication or memory-bound work (NCCL, optimizer)
  // Training-model calibration for this GPU type (keys owned by core/training; each documented
  // in the catalog file with its origin), e.g. "gemm_peak_fraction".
  std::map<std::string, double> efficiency;
  Provenance provenance;
};

enum class RackKind { Compute, Network, Storage };

struct RackType {
  std::string id, name;
  RackKind kind = RackKind::Compute;
  std::string gpu;            // catalog GPU id (compute racks)
  int gpus = 0;               // GPUs per rack
  int nodes = 0;              // servers / compute trays per rack
  int scaleUpDomain = 0;      // GPUs per NVLink domain in this rack type (72 for NVL72, 8 for HGX)
  double power = 0;           // W, design (nominal) IT load per rack
  double peakPower = 0;       // W, maximum (for capacity checks); = power when not published
  double liquidFraction = 0;  // share of heat to liquid (0 air-cooled, ~0.87 GB200)
  double nicRate = 0;         // B/s per GPU scale-out (0 = the GPU's)
  double width = model::kUnknownRackSize.width, depth = model::kUnknownRackSize.depth,
         height = model::kUnknownRackSize.height;  // m
  double mass = 0;                                 // kg
  int switchSlots = 0;                             // network racks: switches it holds
  double storageBandwidth = 0;                     // storage racks: B/s read/write aggregate
  double storageCapacity = 0;                      // storage racks: bytes
  // J stored in the rack's power shelves to ride its own swings (GB300's PSUs); 0 = none.
  double shelfStorage = 0;
  Provenance provenance;
};

/// B/s per GPU into the scale-out fabric from a rack of this type: its own NIC rate, else its GPU's
/// (0 when neither is known). The fabric sizes for the fastest; a job runs at its GPUs' own.
inline double rackNicRate(const RackType& rack, const Gpu* gpu) {
  return rack.nicRate > 0 ? rack.nicRate : (gpu ? gpu->nicRate : 0);
}

struct Switch {
  std::string id, name;
  int ports = 0;        // at portRate
  double portRate = 0;  // B/s per port
  double power = 0;     // W typical, without optics
  int rackUnits = 1;
  int cages = 0;       // pluggable-module cages (twin-port OSFP: ports / 2); 0 = one per port
  std::string fabric;  // "infiniband" or "ethernet"
  Provenance provenance;
};

enum class MediumKind { PassiveCopper, ActiveCopper, ActiveOptical, Multimode, SingleMode };

struct CableMedium {
  std::string id, name;
  MediumKind kind = MediumKind::PassiveCopper;
  double rate = 0;              // B/s per link
  double maxReach = 0;          // m
  double transceiverPower = 0;  // W per end (0 for passive copper)
  int transceiversPerLink = 0;  // 2 for optics, 0 for copper
  Provenance provenance;
};

enum class PowerGearKind { Substation, Transformer, Switchboard, Ups, Busway, Pdu, Generator, Battery };

/// One point of a published efficiency curve: at `load` (fraction of rating) the gear delivers
/// `efficiency` (out / in).
struct EfficiencyPoint {
  double load = 0, efficiency = 1;
  friend bool operator==(const EfficiencyPoint&, const EfficiencyPoint&) = default;
};

struct PowerGear {
  std::string id, name;
  PowerGearKind kind = PowerGearKind::Transformer;
  double rating = 0;  // W continuous (for batteries: discharge power)
  // rating_power_factor: gear whose limit is its current (busways, switchboards, PDUs) states its
  // rating as the real power that current carries at this power factor; at another site power
  // factor it carries rating × site pf / this (power::ratingPowerFactor). 0 = rated in real power.
  double ratingPowerFactor = 0;
  double efficiency = 1;  // fraction at rated load; used when there is no curve
  // Published efficiency by load (sorted by load, at least two points; empty = `efficiency` at
  // every load). Interpolated linearly between points and held flat beyond the last. Below the
  // first point the losses follow a fixed part plus one growing with the square of the load,
  // through the first two points: a transformer's no-load and load losses, P0 + x²·Pk, which the
  // points of a curve built from them give back exactly. Holding the efficiency flat there would
  // take the losses below the no-load loss at light load, where 2N gear often runs.
  std::vector<EfficiencyPoint> efficiencyCurve;

  /// Efficiency at `load` (fraction of rating, ≥ 0): the one home of the interpolation.
  double efficiencyAt(double load) const {
    if (efficiencyCurve.size() < 2) return efficiency;
    if (load <= efficiencyCurve.front().load) {
      const EfficiencyPoint& a = efficiencyCurve[0];
      const EfficiencyPoint& b = efficiencyCurve[1];
      if (load <= 0 || a.load <= 0 || a.efficiency <= 0 || b.efficiency <= 0) return a.efficiency;
      // Losses per unit of rating at the two points, then fixed + square-law through them.
      const double lossA = a.load * (1 / a.efficiency - 1), lossB = b.load * (1 / b.efficiency - 1);
      const double square = std::max(0.0, (lossB - lossA) / (b.load * b.load - a.load * a.load));
      const double fixedPart = std::max(0.0, lossA - square * a.load * a.load);
      return load / (load + fixedPart + square * load * load);
    }
    for (std::size_t k = 1; k < efficiencyCurve.size(); ++k) {
      const EfficiencyPoint& a = efficiencyCurve[k - 1];
      const EfficiencyPoint& b = efficiencyCurve[k];
      if (load <= b.load) return a.efficiency + (b.efficiency - a.efficiency) * (load - a.load) / (b.load - a.load);
    }
    return efficiencyCurve.back().efficiency;
  }
  double energy = 0;      // J (batteries)
  double co2PerKwh = -1;  // generators: kg CO2 per kWh delivered (fuel burned); < 0 = not given
  // How the gear responds in time (core/dynamics); 0 = not given.
  double responseTime = 0;               // s, batteries: from a command to full power
  double roundTripEfficiency = 0;        // batteries: energy out / energy in over a cycle
  double rampRate = 0;                   // W/s, generators: fastest change of output while running
  double minLoad = 0;                    // generators: lowest steady output, fraction of rating
  double voltageIn = 0, voltageOut = 0;  // V
  double width = model::kUnknownGearSize.width, depth = model::kUnknownGearSize.depth,
         height = model::kUnknownGearSize.height;  // m footprint for the 3D view and site plan
  Provenance provenance;
};

enum class CoolingGearKind { Cdu, Chiller, DryCooler, CoolingTower, AirHandler };

/// A chiller's electric input ratio (EIR = 1 / COP) against temperature, as the DOE-2 and
/// EnergyPlus chiller models write it: a biquadratic in the leaving chilled-water temperature x
/// and the entering condenser temperature y (°C), a + b x + c x² + d y + e y² + f x y, with x and
/// y held inside the range the curve was fitted on. Only ratios of it are used (the COP at the
/// design point is the catalog's `cop`), so the curve shapes the COP and never sets its level.
struct ChillerCurve {
  double a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
  double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
  bool empty() const { return a == 0 && b == 0 && c == 0 && d == 0 && e == 0 && f == 0; }
  double eir(double x, double y) const {
    x = x < xMin ? xMin : (x > xMax ? xMax : x);
    y = y < yMin ? yMin : (y > yMax ? yMax : y);
    return a + b * x + c * x * x + d * y + e * y * y + f * x * y;
  }
  friend bool operator==(const ChillerCurve&, const ChillerCurve&) = default;
};

/// Where a chiller's condenser puts its heat: air-cooled to ambient, water-cooled down its
/// rejects_to (towers, dry coolers). Required for chillers; Unstated for other kinds.
enum class Condenser { Air, Water, Unstated };

struct CoolingGear {
  std::string id, name;
  CoolingGearKind kind = CoolingGearKind::Cdu;
  double capacity = 0;     // W of heat removed at design conditions
  double ownPower = 0;     // W drawn by pumps/fans at rated duty
  double cop = 0;          // chillers: coefficient of performance at design conditions
  double approach = 0;     // K (CDU approach, tower approach)
  double waterPerKwh = 0;  // L of water per kWh of heat rejected (evaporative; 0 dry)
  // Adiabatic dry coolers: the dry bulb up to which the unit rejects its full rated heat dry, its
  // pads or sprays off (the maker's "dry bulb switchover"); 0 = not given (it sprays every hour)
  double drySwitchover = 0;  // degC
  // Adiabatic dry coolers: the share of the dry bulb's depression below it that the wetted pads take
  // off the air reaching the coil, T_coil = T_db − ε (T_db − T_wb); 0 = not given (a wet unit is
  // then derated by the dry bulb, as if its pads did nothing)
  double padEffectiveness = 0;
  double maxAmbient = 0;                      // degC above which capacity derates (0 = not modelled)
  Condenser condenser = Condenser::Unstated;  // chillers only
  double chilledWater = 0;                    // degC, chillers: leaving chilled water at design (0 = not given)
  ChillerCurve eirCurve;                      // chillers: COP against temperature (empty = COP held at `cop`)
  double width = model::kUnknownGearSize.width, depth = model::kUnknownGearSize.depth,
         height = model::kUnknownGearSize.height;  // m
  Provenance provenance;
};

/// The catalog. Lookups return nullptr for unknown ids.
class Catalog {
 public:
  std::map<std::string, Gpu> gpus;
  std::map<std::string, RackType> racks;
  std::map<std::string, Switch> switches;
  std::map<std::string, CableMedium> media;
  std::map<std::string, PowerGear> powerGear;
  std::map<std::string, CoolingGear> coolingGear;

  const Gpu* gpu(const std::string& id) const { return find(gpus, id); }
  const RackType* rack(const std::string& id) const { return find(racks, id); }
  const Switch* switchModel(const std::string& id) const { return find(switches, id); }
  const CableMedium* medium(const std::string& id) const { return find(media, id); }
  const PowerGear* power(const std::string& id) const { return find(powerGear, id); }
  const CoolingGear* cooling(const std::string& id) const { return find(coolingGear, id); }

 private:
  template <class M>
  static const typename M::mapped_type* find(const M& m, const std::string& id) {
    auto it = m.find(id);
    return it == m.end() ? nullptr : &it->second;
  }
};

std::string_view toString(RackKind);
std::string_view toString(MediumKind);
std::string_view toString(PowerGearKind);
std::string_view toString(CoolingGearKind);

}  // namespace gigaplan::catalog
