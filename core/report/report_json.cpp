// The JSON report (see report_json.h).
#include "core/report/report_json.h"

#include "core/base/json_writer.h"
#include "core/evaluate/evaluation_json.h"
#include "core/report/assumptions.h"
#include "core/report/catalog_usage.h"
#include "core/training/estimate_json.h"
#include "core/units/units.h"

namespace gigaplan::report {
namespace {

constexpr int kDigits = 9;

void pair(JsonWriter& j, std::string_view key, design::Vec2 v) {
  j.key(key).beginArray().value(v.x, kDigits).value(v.y, kDigits).endArray();
}

void writeDesign(JsonWriter& j, const design::ResolvedDesign& r, const engine::Evaluation& e, bool unsavedEdits) {
  const design::Design& d = r.design;
  const design::Layout& l = r.layout;
  j.key("design").beginObject();
  j.field("name", d.site.name).field("description", d.site.description).field("location", d.site.location);
  j.field("file", d.sourceFile).field("variant", d.variant).field("unsaved_edits", unsavedEdits);
  pair(j, "size_m", d.site.size);
  j.field("ambient_c", d.site.ambient, kDigits).field("wet_bulb_c", d.site.wetBulb, kDigits);
  j.field("power_factor", d.site.powerFactor, kDigits);
  j.key("counts").beginObject();
  j.field("halls", static_cast<std::int64_t>(l.halls.size())).field("rows", static_cast<std::int64_t>(l.rows.size()));
  j.field("racks", static_cast<std::int64_t>(l.racks.size()))
      .field("power_nodes", static_cast<std::int64_t>(l.power.size()));
  j.field("cooling_units", static_cast<std::int64_t>(l.cooling.size()));
  j.endObject();
  std::vector<std::int64_t> hallRacks(l.halls.size(), 0), hallGpus(l.halls.size(), 0);
  for (const auto& rack : l.racks) {
    if (rack.hall < 0 || rack.hall >= static_cast<int>(l.halls.size())) continue;
    ++hallRacks[rack.hall];
    if (rack.spec) hallGpus[rack.hall] += rack.spec->gpus;
  }
  j.key("halls").beginArray();
  for (std::size_t h = 0; h < l.halls.size(); ++h) {
    const design::Hall& hall = l.halls[h];
    j.beginObject().field("id", hall.id).field("name", hall.name);
    pair(j, "origin_m", hall.origin);
    pair(j, "size_m", hall.size);
    j.field("height_m", hall.height, kDigits).field("racks", hallRacks[h]).field("gpus", hallGpus[h]);
    j.endObject();
  }
  j.endArray();
  const design::NetworkPlan& n = d.network;
  j.key("network").beginObject();
  j.field("topology", design::toString(n.topology)).field("switch", n.switchModel).field("tiers_requested", n.tiers);
  j.field("oversubscription", n.oversubscription, kDigits).field("pod_gpus", n.podGpus);
  j.field("leaf_placement", design::toString(n.leafPlacement));
  j.endObject();
  j.field("has_job", d.job.has_value());
  j.field("evaluated_gpus", e.compute.gpus);
  j.endObject();
}

void writeCluster(JsonWriter& j, const training::Cluster& c, const std::vector<training::IdleGpus>& idleTypes) {
  j.key("cluster").beginObject();
  j.field("gpu", c.gpu).field("count", c.count).field("scale_up_gpus", c.scaleUpSize);
  j.field("scale_up_gbyte_s", c.scaleUpBandwidth / 1e9, kDigits)
      .field("scale_out_gbps", c.scaleOutBandwidth * 8 / 1e9, kDigits);
  j.field("oversubscription", c.oversubscription, kDigits).field("pod_gpus", c.podGpus).field("leaf_gpus", c.leafGpus);
  j.field("pue", c.pue, kDigits).field("it_power_per_gpu_w", c.itPowerPerGpu, kDigits);
  j.field("storage_gbyte_s", c.storageBandwidth / 1e9, kDigits)
      .field("failure_domain_gpus", c.largestFailureDomainGpus);
  j.key("idle_gpu_types").beginArray();
  for (const auto& idle : idleTypes) {
    j.beginObject().field("gpu", idle.gpu).field("count", static_cast<std::int64_t>(idle.count));
    j.field("scale_up_gpus", idle.scaleUpSize).endObject();
  }
  j.endArray();
  j.endObject();
}

// The same keys as `gigaplan train --json` (core/training/estimate_json.h).
void writeTraining(JsonWriter& j, const TrainingPlan& t) {
  j.key("training").beginObject();
  j.field("present", t.present).field("ok", t.ok).field("problem", t.problem).field("searched", t.searched);
  j.field("plans_valid", static_cast<std::int64_t>(t.plansValid))
      .field("plans_fitting", static_cast<std::int64_t>(t.plansFitting));
  if (t.present) writeCluster(j, t.cluster, t.idle);
  if (t.ok) {
    j.key("estimate").beginObject();
    training::writeEstimateFields(j, t.estimate, kDigits);
    j.endObject();
  }
  j.endObject();
}

void writeSources(JsonWriter& j, const design::ResolvedDesign& r, const engine::Evaluation& e) {
  j.key("sources").beginArray();
  for (const CatalogUse& u : catalogUsed(r, e)) {
    j.beginObject().field("section", u.section).field("id", u.id).field("name", u.name).field("count", u.count);
    j.field("grade", u.provenance.grade).field("source", u.provenance.source).field("note", u.provenance.note);
    j.field("planning_default", u.planningDefault()).field("changed_by_design", u.changedByDesign);
    j.endObject();
  }
  j.endArray();
}

}  // namespace

std::string reportJson(const design::ResolvedDesign& r, const engine::Evaluation& e, const TrainingPlan& t,
                       bool unsavedEdits) {
  JsonWriter j;
  j.beginObject();
  j.key("report")
      .beginObject()
      .field("schema", kReportSchema)
      .field("generator", "GigaPlan " GIGAPLAN_VERSION)
      .endObject();
  writeDesign(j, r, e, unsavedEdits);
  j.key("evaluation");
  engine::writeEvaluationJson(j, e, r.layout, {.objects = true});
  writeTraining(j, t);
  writeSources(j, r, e);
  j.key("assumptions").beginArray();
  for (const auto& a : modelAssumptions(r, e, t.ok)) j.value(a);
  j.endArray();
  j.endObject();
  return j.str() + "\n";
}

}  // namespace gigaplan::report
