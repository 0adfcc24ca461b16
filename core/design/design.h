// The design as the planner wrote it: site, halls, row templates, power chain, cooling plant,
// network plan, job, and per-object overrides. This is the one source of truth the editor
// changes; everything derived (every rack, loads, cable lengths) comes from expand() and the engine.
//
// Ids of templated objects are patterns: "h{h}-row{i}" with {h} the hall instance, {i} the
// instance within its own template, {k} the rack slot in a row (all 1-based). {i/4} is the group
// number of four (1,1,1,1,2,…), {i%2} cycles 1,2,1,2, and {i:02} zero-pads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/training/job.h"

namespace gigaplan::design {

struct Vec2 {
  double x = 0, y = 0;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

/// Where an object was written in the design file, so later checks (references, duplicates,
/// cycles) can point at the exact key. Metadata only: two locations always compare equal, so a
/// saved and reloaded design equals the original.
struct SourceLocation {
  struct Field {
    std::string key;
    int line = 0, column = 0;  // of the key's value
  };
  int line = 0, column = 0;   // 1-based, 0 when the object was created in the editor
  std::string keyPath;        // "halls[0].rows[1]"
  std::vector<Field> fields;  // where each key's value stands

  /// The location of `key`'s value, or of the object when the key was not written.
  std::pair<int, int> of(std::string_view key) const {
    for (const auto& f : fields) {
      if (f.key == key) return {f.line, f.column};
    }
    return {line, column};
  }
  friend bool operator==(const SourceLocation&, const SourceLocation&) { return true; }
};

enum class PowerKind { Grid, Substation, Generator, Battery, Transformer, Switchboard, Ups, Busway, Pdu };
enum class Redundancy { None, NPlus1, TwoN };
enum class CoolingKind { Cdu, Chiller, DryCooler, CoolingTower, AirHandler };
enum class Topology { RailOptimizedFatTree, FatTree, LeafSpine };
enum class LeafPlacement { EndOfRow, MiddleOfRow, NetworkRow };

/// A power node template: grid connection, substation, turbines, battery plant, transformer, …
struct PowerNodeSpec {
  std::string id;  // pattern when count > 1
  int count = 1;
  std::string onlyIn;  // in a hall template: made only in this hall ("" = in every hall)
  PowerKind kind = PowerKind::Transformer;
  std::string model;                         // catalog power-gear id; empty for a grid connection
  std::vector<std::string> fedBy;            // upstream node id patterns; sources have none
  int units = 1;                             // identical units in parallel inside this node (168 Megapacks)
  double rating = 0;                         // W; 0 = from the catalog model (grid connections must set it)
  Redundancy redundancy = Redundancy::None;  // what the design promises for this node's children
  Vec2 position;                             // m, of the first instance (hall-relative inside a hall)
  Vec2 step;                                 // m between instances
  double rotation = 0;                       // degrees, counter-clockwise
  SourceLocation where;
  friend bool operator==(const PowerNodeSpec&, const PowerNodeSpec&) = default;
};

/// A cooling unit template: CDU, chiller, dry cooler, tower, air handler.
struct CoolingUnitSpec {
  std::string id;
  int count = 1;
  std::string onlyIn;  // in a hall template: made only in this hall ("" = in every hall)
  CoolingKind kind = CoolingKind::Cdu;
  std::string model;                   // catalog cooling-gear id
  std::vector<std::string> rejectsTo;  // downstream heat sinks (CDU → chillers / dry coolers / towers)
  // Power nodes feeding pumps and fans, like a rack's A and B feeds: the draw splits evenly over
  // them and the unit runs while any one of them has supply (empty = facility, drawn at the sources).
  std::vector<std::string> fedBy;
  int units = 1;
  Vec2 position, step;
  double rotation = 0;
  SourceLocation where;
  friend bool operator==(const CoolingUnitSpec&, const CoolingUnitSpec&) = default;
};

/// A row template: `count` rows of `racks` racks each. The first rack's centre stands at
/// `origin` (hall-relative); racks follow along the row direction (`rotation`, 0 = +x) every
/// `rackPitch`; rows repeat every `step`. `onlyIn` (a hall id) keeps the template to one hall of
/// a hall template with count > 1: the editor adds rows to one hall that way.
struct RowSpec {
  std::string id;
  int count = 1;
  std::string onlyIn;  // made only in this hall ("" = in every hall of the hall template)
  Vec2 origin;
  Vec2 step;            // m between rows (typically {0, 3.6})
  double rotation = 0;  // degrees
  int racks = 1;
  double rackPitch = 0;      // m; 0 = the rack type's width
  std::string rackType;      // catalog rack id
  std::string feedA, feedB;  // power node id patterns ({h},{i},{k} allowed); feedB may be empty
  std::string cdu;           // cooling unit pattern for the liquid share
  std::string airHandler;    // cooling unit pattern for the air share
  SourceLocation where;
  friend bool operator==(const RowSpec&, const RowSpec&) = default;
};

struct HallSpec {
  std::string id;
  int count = 1;
  Vec2 origin, step;  // site coordinates of the first hall's corner; step between halls
  Vec2 size;          // m (x extent, y extent)
  double height = 6;  // m clear height
  std::string name;   // display name pattern
  std::vector<RowSpec> rows;
  std::vector<PowerNodeSpec> power;      // positions hall-relative
  std::vector<CoolingUnitSpec> cooling;  // positions hall-relative
  SourceLocation where;
  friend bool operator==(const HallSpec&, const HallSpec&) = default;
};

struct NetworkPlan {
  Topology topology = Topology::RailOptimizedFatTree;
  std::string switchModel;      // catalog switch id
  int tiers = 0;                // 0 = as few as the size needs
  double oversubscription = 1;  // within a pod (down:up at the leaf)
  int podGpus = 0;              // 0 = the whole fabric is one pod
  double oversubscriptionAbovePod = 1;
  double nicRate = 0;  // B/s per GPU; 0 = the rack type's / GPU's
  LeafPlacement leafPlacement = LeafPlacement::EndOfRow;
  std::vector<std::string> networkRows;  // row ids holding leaf/spine switches (NetworkRow)
  Vec2 spinePosition;                    // site coordinates of the core/spine room (0,0 = hall centres)
  bool spinePositionSet = false;
  std::string coreAirHandler;  // air handler taking the heat of the core room's switches ("" = none)
  // Power nodes feeding the core room's switches: none (their draw is taken at the sources), one,
  // or two (A and B, half each, the whole on either when the other fails).
  std::vector<std::string> coreFeeds;
  double trayHeight = 3.0;  // m above floor where cable trays run
  double slack = 0.1;       // fraction added to every routed cable
  std::string nodeNames;    // host-name pattern of compute nodes (core/design/node_names.h); "" = default
  SourceLocation where;
  friend bool operator==(const NetworkPlan&, const NetworkPlan&) = default;
};

/// One period of a time-of-use energy tariff (site.energy_tariff): a price per MWh for the hours
/// it covers. Months and hours are ranges that may wrap ([11, 2] is November to February, [22, 6]
/// is 22:00 to 06:00); the first period covering an hour prices it (tariffPrice).
struct TariffPeriod {
  enum class Days { All, Weekdays, Weekends };
  double price = 0;                    // per MWh, the planner's currency
  int firstMonth = 1, lastMonth = 12;  // 1–12, inclusive
  int fromHour = 0, toHour = 24;       // hours of the day: from ≤ hour < to (local clock time), 0–24
  Days days = Days::All;
  friend bool operator==(const TariffPeriod&, const TariffPeriod&) = default;
};

/// The price per MWh of an hour of the day (`hour` 0–23, the hour beginning then) in `month` (1–12)
/// on a weekend day or not: the first period of `tariff` covering it, or -1 when none does.
double tariffPrice(const std::vector<TariffPeriod>& tariff, int month, int hour, bool weekend);

/// The first month, hour and day kind no period covers ("July, 03:00 on weekends"), or "" when the
/// tariff prices every hour of the year.
std::string tariffGap(const std::vector<TariffPeriod>& tariff);

struct SiteInfo {
  std::string name;
  std::string description;
  std::string location;
  Vec2 size;            // m
  double ambient = 35;  // degC design dry bulb
  double wetBulb = 24;  // degC design wet bulb (towers)
  double powerFactor = 0.95;
  double storageBandwidth = 0;  // B/s for checkpoints (0 = from storage racks)
  // Share of the site's GPUs one failure may stop before a warning says so (key max_failure_share).
  double maxFailureShare = 0.10;
  // The year model (core/annual): an EPW weather file as written (resolved against the design
  // file's folder; "" = none), the grid's carbon intensity in kg CO2 per kWh at the meter and the
  // energy price per MWh (currency of the planner's choice); negative = not given. Instead of a
  // constant intensity, grid_carbon_hourly names a file of one per hour (core/io/carbon_reader.h).
  std::string weather;
  double gridCarbon = -1;
  std::string gridCarbonHourly;
  double energyPrice = -1;
  std::vector<TariffPeriod> energyTariff;  // time-of-use prices, instead of a constant energy_price
  SourceLocation where;                    // of the site mapping and its keys (site.weather errors point here)
  friend bool operator==(const SiteInfo&, const SiteInfo&) = default;
};

/// What the grid connection tolerates and how the site softens its swings (key power_dynamics;
/// read by core/dynamics). A limit of 0 is not stated: nothing is checked against it.
struct PowerDynamicsSpec {
  double gridRampLimit = 0;             // W/s over any minute (file: "30 MW/min")
  double gridLargestStep = 0;           // W, largest change within one second
  double gridOscillationLimit = 0;      // W, amplitude of any oscillation inside the band
  double bandLow = 0.1, bandHigh = 20;  // Hz, the band grid operators watch (arXiv 2508.14318)
  double gpuPowerFloor = 0;             // share of busy power the GPUs hold at least (0 = off)
  double coolingTimeConstant = 60;      // s, first-order lag of cooling power behind heat
  friend bool operator==(const PowerDynamicsSpec&, const PowerDynamicsSpec&) = default;
};

/// A planner's change to one expanded object, addressed by its id. Unset fields keep the template's.
struct Override {
  std::optional<Vec2> position;  // site coordinates (racks: centre)
  std::optional<double> rotation;
  std::optional<std::string> type;  // rack type / model
  std::optional<int> units;         // power and cooling gear: identical units in parallel
  std::optional<std::string> feedA, feedB, cdu, airHandler;
  // Power and cooling gear: the whole list of what feeds it (power nodes) and where it rejects its
  // heat (cooling units), replacing the template's for this one object; an empty list clears it.
  std::optional<std::vector<std::string>> fedBy, rejectsTo;
  bool removed = false;
  SourceLocation where;
  friend bool operator==(const Override&, const Override&) = default;
};

/// One step of a phased build-out (key `phases`): on `date`, what `online` names comes into service
/// and what `retire` names goes out of it (bridge generation once the grid arrives). A name is the
/// id of a hall, row, rack, power node or cooling unit as expanded ("h2", "h2-row3"), or a template's
/// id as written ("h{h}-tx{i}"), and may hold '*' for any run of characters. Naming a hall names
/// everything in it, a row its racks; the most specific name wins. What no phase brings online is
/// there from the first phase. Dates rise strictly. Checked, with the names matched, by expand()
/// (core/design/phases.h).
struct PhaseSpec {
  std::string name;  // "" = "Phase N"
  int date = 0;      // days since 1970-01-01 (core/base/date.h)
  std::vector<std::string> online, retire;
  SourceLocation where;  // fields "name", "date", "online[0]", "retire[0]", …
  friend bool operator==(const PhaseSpec&, const PhaseSpec&) = default;
};

/// A named alternative kept inside the design (key `variants`): the parts of the design it changes,
/// written in the design's own shape and merged over it when the variant is loaded ("site.yaml#gb300").
/// Maps merge key by key; lists of objects with an `id` merge object by object (an object the base
/// lacks is added, `removed: true` drops one); any other value replaces the base's. Kept as YAML text
/// (the overlay as read, less its description) so saving reproduces it; merged and checked by core/io.
struct VariantSpec {
  std::string name;         // an id: "gb300", "dry-coolers"
  std::string description;  // one line for lists and reports; may be ""
  std::string yaml;         // the overlay mapping as YAML text
  SourceLocation where;
  friend bool operator==(const VariantSpec&, const VariantSpec&) = default;
};

/// True when the override changes nothing (its source location aside): the editor then drops it.
inline bool changesNothing(const Override& o) {
  return !o.position && !o.rotation && !o.type && !o.units && !o.feedA && !o.feedB && !o.cdu && !o.airHandler &&
         !o.fedBy && !o.rejectsTo && !o.removed;
}

struct Design {
  int format = 1;
  SiteInfo site;
  // Local catalog changes as written: section ("racks") → entry id → field → value text
  // ("power" → "125 kW"). A new id defines a new entry (then it needs every required field and a
  // source). Applied by catalog::withOverrides(); kept as text so saving reproduces the file.
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> catalogOverrides;
  std::vector<PowerNodeSpec> power;  // site-level power (positions in site coordinates)
  std::vector<CoolingUnitSpec> cooling;
  std::vector<HallSpec> halls;
  NetworkPlan network;
  std::optional<training::Job> job;
  PowerDynamicsSpec powerDynamics;
  std::map<std::string, Override> overrides;
  std::vector<PhaseSpec> phases;      // empty = the whole design at once
  std::vector<VariantSpec> variants;  // in file order; a design loaded as a variant has none
  std::string headerComment;          // the file's leading comment block, kept on save
  std::string sourceFile;             // where it was loaded from (not saved)
  std::string variant;                // the variant it was loaded as ("" = the base design; not saved)
};

/// True when a template inside a hall template with `onlyIn` is made in the hall `hallId`.
inline bool madeInHall(const std::string& onlyIn, const std::string& hallId) {
  return onlyIn.empty() || onlyIn == hallId;
}

std::string_view toString(PowerKind);
std::string_view toString(Redundancy);
std::string_view toString(CoolingKind);
std::string_view toString(Topology);
std::string_view toString(LeafPlacement);

}  // namespace gigaplan::design
