// writeEvaluationJson: the stable JSON layout of an Evaluation.
#include "core/evaluate/evaluation_json.h"

namespace gigaplan::engine {

namespace {

constexpr int kDigits = 9;  // significant digits: enough for any planning figure, stable across runs
constexpr double MW = 1e6;

using report::JsonWriter;

void num(JsonWriter& j, std::string_view key, double v) {
  j.field(key, v, kDigits);
}

void writeCompute(JsonWriter& j, const ComputeSummary& c) {
  j.key("compute").beginObject();
  num(j, "peak_bf16_pflops", c.peakBf16 / 1e15);
  num(j, "peak_fp8_pflops", c.peakFp8 / 1e15);
  num(j, "peak_fp4_pflops", c.peakFp4 / 1e15);
  num(j, "hbm_tb", c.hbm / 1e12);
  num(j, "hbm_bandwidth_tbyte_s", c.hbmBandwidth / 1e12);
  j.field("compute_racks", c.computeRacks)
      .field("network_racks", c.networkRacks)
      .field("storage_racks", c.storageRacks);
  j.field("scale_up_domains", c.scaleUpDomains).field("scale_up_domain_gpus", c.scaleUpDomainSize);
  num(j, "scale_up_bandwidth_per_gpu_gbyte_s", c.scaleUpBandwidthPerGpu / 1e9);
  num(j, "scale_up_bandwidth_total_tbyte_s", c.scaleUpBandwidthTotal / 1e12);
  num(j, "storage_bandwidth_gbyte_s", c.storageBandwidth / 1e9);
  num(j, "storage_capacity_pb", c.storageCapacity / 1e15);
  j.key("gpu_types").beginArray();
  for (const GpuTypeSummary& g : c.byType) {
    j.beginObject().field("gpu", g.gpu).field("name", g.name).field("count", g.count).field("racks", g.racks);
    j.field("domain_gpus", g.domainSize).field("domains", g.domains);
    num(j, "scale_up_bandwidth_gbyte_s", g.scaleUpBandwidth / 1e9);
    j.endObject();
  }
  j.endArray().endObject();
}

void writeFabric(JsonWriter& j, const fabric::FabricResult& f) {
  j.key("fabric").beginObject();
  j.field("problem", f.problem).field("topology", design::toString(f.topology)).field("switch_model", f.switchModel);
  j.field("tiers", f.tiers).field("switches", f.totalSwitches).field("gpus", f.gpus).field("endpoints", f.endpoints);
  num(j, "bisection_tbps", f.bisectionBandwidth * 8 / 1e12);
  j.field("bisection_bound", fabric::bisectionBoundText(f));
  num(j, "injection_per_gpu_gbps", f.injectionBandwidth * 8 / 1e9);
  j.key("injection_by_gpu").beginArray();  // each GPU type's own rate (a GB200's 400G beside GB300's 800G)
  for (const fabric::GpuLinks& l : f.gpuLinks) {
    j.beginObject().field("gpu", l.gpu).field("gpus", l.gpus).field("links", l.links);
    num(j, "injection_gbps", l.injection * 8 / 1e9);
    j.endObject();
  }
  j.endArray();
  num(j, "link_rate_gbps", f.linkRate * 8 / 1e9);
  j.field("transceivers", f.transceivers).field("nic_transceivers", f.nicTransceivers);
  num(j, "optics_power_mw", f.opticsPower / MW);
  num(j, "nic_optics_power_mw", f.nicOpticsPower / MW);
  num(j, "switch_power_mw", f.switchPower / MW);
  j.field("cables", f.totalCables);
  num(j, "cable_length_km", f.totalCableLength / 1e3);
  j.field("max_hops", f.maxHops).field("pods", f.pods).field("pod_gpus", f.podGpus).field("rails", f.rails);
  j.field("leaf_groups", f.leafGroups);
  j.key("tier_detail").beginArray();
  for (const fabric::Tier& t : f.tierStats) {
    j.beginObject().field("tier", t.tier).field("name", t.name).field("switches", t.switches);
    j.field("ports_used", t.portsUsed).field("ports_free", t.portsFree).field("links_down", t.linksDown);
    j.field("links_up", t.linksUp);
    num(j, "oversubscription", t.oversubscription);
    j.endObject();
  }
  j.endArray();
  j.key("collectives").beginArray();
  for (const fabric::CollectiveBandwidth& c : f.collectives) {
    j.beginObject().field("level", fabric::toString(c.level)).field("group_gpus", c.groupGpus);
    num(j, "all_reduce_gbyte_s", c.allReduce / 1e9);
    num(j, "reduce_scatter_gbyte_s", c.reduceScatter / 1e9);
    num(j, "all_gather_gbyte_s", c.allGather / 1e9);
    num(j, "all_reduce_latency_us", c.allReduceLatency * 1e6);
    j.field("switch_hops", c.switchHops);
    j.endObject();
  }
  j.endArray().endObject();
}

void writePower(JsonWriter& j, const power::PowerResult& p) {
  j.key("power").beginObject();
  num(j, "it_mw", p.it / MW);
  num(j, "network_mw", p.network / MW);
  num(j, "cooling_mw", p.cooling / MW);
  num(j, "losses_mw", p.losses / MW);
  num(j, "facility_mw", p.facility / MW);
  num(j, "peak_facility_mw", p.peakFacility / MW);
  num(j, "pue", p.pue);
  num(j, "source_capacity_mw", p.sourceCapacity / MW);
  num(j, "grid_capacity_mw", p.gridCapacity / MW);
  num(j, "generation_capacity_mw", p.generationCapacity / MW);
  num(j, "headroom_mw", p.headroom / MW);
  num(j, "grid_carried_mw", p.gridCarried / MW);
  num(j, "generation_carried_mw", p.generationCarried / MW);
  num(j, "battery_energy_mwh", p.batteryEnergy / 3.6e9);
  num(j, "battery_power_mw", p.batteryPower / MW);
  num(j, "ride_through_min", p.rideThrough / 60);
  num(j, "unfed_mw", p.unfed / MW);
  num(j, "stranded_mw", p.nominal.stranded / MW);
  j.field("failures_checked", p.failover.failuresChecked);
  j.endObject();
}

void writeCooling(JsonWriter& j, const cooling::CoolingResult& c) {
  j.key("cooling").beginObject();
  num(j, "heat_mw", c.heat / MW);
  num(j, "liquid_heat_mw", c.liquidHeat / MW);
  num(j, "air_heat_mw", c.airHeat / MW);
  num(j, "loss_heat_mw", c.lossHeat / MW);
  num(j, "rejected_mw", c.rejected / MW);
  num(j, "unassigned_heat_mw", c.unassignedHeat / MW);
  num(j, "capacity_mw", c.capacity / MW);
  num(j, "rejection_capacity_mw", c.rejectionCapacity / MW);
  num(j, "power_mw", c.power / MW);
  num(j, "water_m3_per_day", c.water / 1e3);
  j.field("loops", c.loops);
  j.endObject();
}

void writeReliability(JsonWriter& j, const reliability::FailureDomains& r) {
  j.key("reliability").beginObject();
  j.field("largest_failure_domain_gpus", r.largestGpus).field("largest_failure_domain_racks", r.largestRacks);
  j.field("largest_failure_domain_object", r.largestId);
  j.endObject();
}

void writeBom(JsonWriter& j, const std::vector<BomLine>& bom) {
  j.key("bom").beginArray();
  for (const BomLine& l : bom) {
    j.beginObject().field("category", l.category).field("item", l.item).field("name", l.name).field("detail", l.detail);
    j.field("count", l.count);
    if (l.category == "cable") num(j, "length_m", l.length);
    j.endObject();
  }
  j.endArray();
}

void writeFindings(JsonWriter& j, const Evaluation& e) {
  j.key("findings").beginArray();
  for (const Finding& f : e.findings) {
    j.beginObject().field("severity", toString(f.severity)).field("object", f.object).field("code", f.code);
    j.field("message", f.message);
    num(j, "value", f.value);
    num(j, "limit", f.limit);
    j.endObject();
  }
  j.endArray();
  j.key("finding_counts").beginObject().field("errors", e.errors).field("warnings", e.warnings).field("infos", e.infos);
  j.endObject();
}

std::string elementId(const design::Layout& layout, reliability::Element e) {
  if (e.kind == reliability::Element::Kind::Power) return layout.power[e.index].id;
  if (e.kind == reliability::Element::Kind::Cooling) return layout.cooling[e.index].id;
  return "";
}

void writeObjects(JsonWriter& j, const Evaluation& e, const design::Layout& layout) {
  j.key("objects").beginObject();
  j.key("racks").beginArray();
  for (std::size_t r = 0; r < layout.racks.size(); ++r) {
    j.beginObject().field("id", layout.racks[r].id);
    num(j, "power_kw", e.rackPower[r] / 1e3);
    num(j, "feed_utilisation", e.rackFeedUtilisation[r]);
    num(j, "cooling_utilisation", e.rackCoolingUtilisation[r]);
    j.field("failure_domain", elementId(layout, e.reliability.rackDomain[r]));
    j.field("failure_domain_gpus", e.rackFailureDomainGpus[r]);
    j.endObject();
  }
  j.endArray().key("power").beginArray();
  for (std::size_t i = 0; i < layout.power.size(); ++i) {
    j.beginObject().field("id", layout.power[i].id);
    num(j, "load_kw", e.power.nominal.out[i] / 1e3);
    num(j, "peak_load_kw", e.power.peak.out[i] / 1e3);
    num(j, "losses_kw", (e.power.nominal.in[i] - e.power.nominal.out[i]) / 1e3);
    num(j, "utilisation", e.power.utilisation[i]);
    num(j, "failover_utilisation", e.power.failover.worstUtilisation[i]);
    j.field("failure_gpus", e.reliability.powerGpus[i]);
    j.endObject();
  }
  j.endArray().key("cooling").beginArray();
  for (std::size_t u = 0; u < layout.cooling.size(); ++u) {
    j.beginObject().field("id", layout.cooling[u].id);
    num(j, "heat_kw", e.cooling.unitHeat[u] / 1e3);
    num(j, "power_kw", e.cooling.unitPower[u] / 1e3);
    num(j, "utilisation", e.cooling.unitUtilisation[u]);
    num(j, "water_m3_per_day", e.cooling.unitWater[u] / 1e3);
    j.field("loop", e.cooling.unitLoop[u]).field("failure_gpus", e.reliability.coolingGpus[u]);
    j.endObject();
  }
  j.endArray().endObject();
}

}  // namespace

void writeEvaluationJson(JsonWriter& j, const Evaluation& e, const design::Layout& layout, const JsonOptions& options) {
  j.beginObject();
  j.field("gpus", e.compute.gpus).field("racks", e.compute.racks);
  writeCompute(j, e.compute);
  writeFabric(j, e.fabric);
  writePower(j, e.power);
  writeCooling(j, e.cooling);
  writeReliability(j, e.reliability);
  writeBom(j, e.bom);
  writeFindings(j, e);
  if (options.objects) writeObjects(j, e, layout);
  j.endObject();
}

std::string evaluationToJson(const Evaluation& e, const design::Layout& layout, const JsonOptions& options) {
  JsonWriter j;
  writeEvaluationJson(j, e, layout, options);
  return j.str() + "\n";
}

}  // namespace gigaplan::engine
