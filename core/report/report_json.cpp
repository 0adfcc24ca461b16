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
void writeTrainingEstimate(JsonWriter& j, const training::Estimate& e) {
  j.key("estimate").beginObject();
  j.field("model", e.job.model.name).field("gpus_used", e.gpusUsed);
  training::writePlan(j, e.job);
  j.field("step_time_s", e.step.total, kDigits).field("tokens_per_s", e.tokensPerSecond, kDigits);
  j.field("tflops_per_gpu", e.tflopsPerGpu, kDigits).field("mfu", e.mfu, kDigits).field("hfu", e.hfu, kDigits);
  j.field("memory_gib_per_gpu", e.memory.total / units::kGiB, kDigits).field("fits_memory", e.memory.fits);
  j.field("training_days", e.trainingDays, kDigits).field("effective_training_days", e.effectiveTrainingDays, kDigits);
  j.field("goodput", e.reliability.goodput, kDigits)
      .field("interruptions_per_day", e.reliability.interruptionsPerDay, kDigits);
  j.field("checkpoint_interval_min", e.reliability.checkpointInterval / 60, kDigits);
  j.field("checkpoint_write_s", e.reliability.checkpointWrite, kDigits);
  j.field("gpu_hours", e.gpuHours, kDigits)
      .field("energy_mwh", e.energyMwh, kDigits)
      .field("it_energy_mwh", e.itEnergyMwh, kDigits);
  j.field("pue", e.pue, kDigits).field("power_per_gpu_w", e.powerPerGpu, kDigits);
  const training::StepBreakdown& b = e.step;
  j.key("breakdown").beginObject();
  j.field("forward_s", b.forward, kDigits)
      .field("backward_s", b.backward, kDigits)
      .field("recompute_s", b.recompute, kDigits);
  j.field("tensor_parallel_s", b.tensorParallel, kDigits).field("context_parallel_s", b.contextParallel, kDigits);
  j.field("expert_parallel_s", b.expertParallel, kDigits).field("pipeline_bubble_s", b.pipelineBubble, kDigits);
  j.field("pipeline_p2p_s", b.pipelineP2p, kDigits).field("data_parallel_s", b.dataParallel, kDigits);
  j.field("optimizer_s", b.optimizer, kDigits);
  j.endObject();
  const training::MemoryBreakdown& m = e.memory;
  j.key("memory").beginObject();
  j.field("weights_gib", m.weights / units::kGiB, kDigits).field("gradients_gib", m.gradients / units::kGiB, kDigits);
  j.field("optimizer_gib", m.optimizer / units::kGiB, kDigits)
      .field("activations_gib", m.activations / units::kGiB, kDigits);
  j.field("buffers_gib", m.buffers / units::kGiB, kDigits).field("capacity_gib", m.capacity / units::kGiB, kDigits);
  j.endObject();
  j.key("notes").beginArray();
  for (const auto& n : e.notes) j.value(n);
  j.endArray();
  j.key("findings").beginArray();
  for (const auto& f : e.findings) {
    j.beginObject().field("severity", engine::toString(f.severity)).field("object", f.object).field("code", f.code);
    j.field("message", f.message).field("value", f.value, kDigits).field("limit", f.limit, kDigits).endObject();
  }
  j.endArray();
  j.endObject();
}

void writeTraining(JsonWriter& j, const TrainingPlan& t) {
  j.key("training").beginObject();
  j.field("present", t.present).field("ok", t.ok).field("problem", t.problem).field("searched", t.searched);
  j.field("plans_valid", static_cast<std::int64_t>(t.plansValid))
      .field("plans_fitting", static_cast<std::int64_t>(t.plansFitting));
  if (t.present) writeCluster(j, t.cluster, t.idle);
  if (t.ok) writeTrainingEstimate(j, t.estimate);
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
