// JSON form of training estimates (see estimate_json.h).
#include "core/training/estimate_json.h"
#include "core/units/units.h"

#include <cstdint>

namespace gigaplan::training {

using report::JsonWriter;

namespace {

void writeBreakdown(JsonWriter& w, const StepBreakdown& b) {
  w.key("breakdown").beginObject();
  w.key("forward_s").value(b.forward).key("backward_s").value(b.backward).key("recompute_s").value(b.recompute);
  w.key("tensor_parallel_s").value(b.tensorParallel).key("context_parallel_s").value(b.contextParallel);
  w.key("expert_parallel_s").value(b.expertParallel).key("pipeline_bubble_s").value(b.pipelineBubble);
  w.key("pipeline_p2p_s").value(b.pipelineP2p).key("data_parallel_s").value(b.dataParallel);
  w.key("optimizer_s").value(b.optimizer);
  w.endObject();
}

void writeMemory(JsonWriter& w, const MemoryBreakdown& m) {
  w.key("memory").beginObject();
  w.key("weights_gib").value(m.weights / units::kGiB).key("gradients_gib").value(m.gradients / units::kGiB);
  w.key("optimizer_gib").value(m.optimizer / units::kGiB).key("activations_gib").value(m.activations / units::kGiB);
  w.key("buffers_gib").value(m.buffers / units::kGiB).key("capacity_gib").value(m.capacity / units::kGiB);
  w.endObject();
}

void writeFields(JsonWriter& w, const Estimate& e) {
  w.key("model").value(e.job.model.name);
  w.key("gpus_used").value(e.gpusUsed);
  writePlan(w, e.job);
  w.key("step_time_s").value(e.step.total);
  w.key("tokens_per_s").value(e.tokensPerSecond);
  w.key("tflops_per_gpu").value(e.tflopsPerGpu);
  w.key("mfu").value(e.mfu);
  w.key("hfu").value(e.hfu);
  w.key("memory_gib_per_gpu").value(e.memory.total / units::kGiB);
  w.key("fits_memory").value(e.memory.fits);
  w.key("training_days").value(e.trainingDays);
  w.key("effective_training_days").value(e.effectiveTrainingDays);
  w.key("goodput").value(e.reliability.goodput);
  w.key("interruptions_per_day").value(e.reliability.interruptionsPerDay);
  w.key("checkpoint_interval_min").value(e.reliability.checkpointInterval / 60);
  w.key("checkpoint_write_s").value(e.reliability.checkpointWrite);
  w.key("gpu_hours").value(e.gpuHours);
  w.key("energy_mwh").value(e.energyMwh);
  w.key("it_energy_mwh").value(e.itEnergyMwh);
  w.key("pue").value(e.pue);
  w.key("power_per_gpu_w").value(e.powerPerGpu);
  writeBreakdown(w, e.step);
  writeMemory(w, e.memory);
  w.key("notes").beginArray();
  for (const auto& n : e.notes) w.value(n);
  w.endArray();
  w.key("findings").beginArray();
  for (const auto& f : e.findings) {
    w.beginObject();
    w.key("severity").value(engine::toString(f.severity)).key("code").value(f.code).key("object").value(f.object);
    w.key("message").value(f.message).key("value").value(f.value).key("limit").value(f.limit);
    w.endObject();
  }
  w.endArray();
}

}  // namespace

void writePlan(JsonWriter& w, const Job& job) {
  const Parallelism& p = job.parallelism;
  w.key("plan").beginObject();
  w.key("tp").value(p.tp).key("pp").value(p.pp).key("dp").value(p.dp).key("cp").value(p.cp).key("ep").value(p.ep);
  w.key("virtual_stages").value(p.virtualStages).key("micro_batch").value(job.training.microBatch);
  w.key("sequence_parallel").value(p.sequenceParallel).key("recompute").value(toString(p.recompute));
  w.key("distributed_optimizer").value(p.distributedOptimizer).key("fsdp").value(p.fsdp);
  w.key("tp_comm_overlap").value(toString(effectiveTpOverlap(p))).key("ep_comm_overlap").value(p.epOverlap);
  w.key("dualpipe").value(p.dualPipe);
  w.key("precision").value(toString(job.training.precision));
  w.endObject();
}

void writeEstimate(JsonWriter& w, const Estimate& e) {
  w.beginObject();
  writeFields(w, e);
  w.endObject();
}

std::string estimateJson(const Estimate& e) {
  JsonWriter w;
  writeEstimate(w, e);
  return w.str() + "\n";
}

std::string searchJson(const SearchResult& r, const std::vector<Estimate>& estimates) {
  JsonWriter w;
  w.beginObject();
  w.key("candidates").value(static_cast<std::int64_t>(r.candidates));
  w.key("evaluated").value(static_cast<std::int64_t>(r.evaluated));
  w.key("fitting").value(static_cast<std::int64_t>(r.fitting));
  w.key("cancelled").value(r.cancelled);
  w.key("ranked_by").value(toString(r.rank));
  w.key("plans").beginArray();
  for (std::size_t i = 0; i < estimates.size(); ++i) {
    w.beginObject();
    writeFields(w, estimates[i]);
    if (r.rank == RankBy::Cost && i < r.best.size()) w.key("cost").value(r.best[i].cost);
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.str() + "\n";
}

}  // namespace gigaplan::training
