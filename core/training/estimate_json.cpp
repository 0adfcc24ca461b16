// JSON form of training estimates (see estimate_json.h).
#include "core/training/estimate_json.h"
#include "core/units/units.h"

#include <cstdint>

namespace gigaplan::training {

using report::JsonWriter;

namespace {

// A number at full precision (digits 0) or at that many significant digits.
class Numbers {
 public:
  Numbers(JsonWriter& w, int digits) : w_(w), digits_(digits) {}
  const Numbers& operator()(const char* key, double v) const {
    if (digits_ > 0) {
      w_.field(key, v, digits_);
    } else {
      w_.field(key, v);
    }
    return *this;
  }

 private:
  JsonWriter& w_;
  int digits_;
};

void writeBreakdown(JsonWriter& w, const Numbers& num, const StepBreakdown& b) {
  w.key("breakdown").beginObject();
  num("forward_s", b.forward)("backward_s", b.backward)("recompute_s", b.recompute);
  num("tensor_parallel_s", b.tensorParallel)("context_parallel_s", b.contextParallel);
  num("expert_parallel_s", b.expertParallel)("pipeline_bubble_s", b.pipelineBubble);
  num("pipeline_p2p_s", b.pipelineP2p)("data_parallel_s", b.dataParallel)("optimizer_s", b.optimizer);
  w.endObject();
}

void writeMemory(JsonWriter& w, const Numbers& num, const MemoryBreakdown& m) {
  w.key("memory").beginObject();
  num("weights_gib", m.weights / units::kGiB)("gradients_gib", m.gradients / units::kGiB);
  num("optimizer_gib", m.optimizer / units::kGiB)("activations_gib", m.activations / units::kGiB);
  num("buffers_gib", m.buffers / units::kGiB)("capacity_gib", m.capacity / units::kGiB);
  w.endObject();
}

}  // namespace

void writePlan(JsonWriter& w, const Job& job) {
  const Parallelism& p = job.parallelism;
  w.key("plan").beginObject();
  w.key("tp").value(p.tp).key("pp").value(p.pp).key("dp").value(p.dp).key("cp").value(p.cp).key("ep").value(p.ep);
  w.key("virtual_stages").value(p.virtualStages).key("micro_batch").value(job.training.microBatch);
  w.key("sequence_parallel").value(p.sequenceParallel).key("recompute").value(toString(p.recompute));
  w.key("recompute_modules").beginArray();  // what selective recomputation repeats; empty otherwise
  for (const auto& m : kRecomputeModuleNames)
    if (recomputes(p, m.bit)) w.value(m.key);
  w.endArray();
  w.key("distributed_optimizer").value(p.distributedOptimizer).key("fsdp").value(p.fsdp);
  w.key("tp_comm_overlap").value(toString(effectiveTpOverlap(p))).key("ep_comm_overlap").value(p.epOverlap);
  w.key("ep_dispatch").value(p.epPerNode ? "per-node" : "all-to-all").key("expert_tp").value(expertTensorParallel(p));
  w.key("dualpipe").value(p.dualPipe).key("comm_sms").value(effectiveCommSms(p));
  w.key("precision").value(toString(job.training.precision));
  w.endObject();
}

void writeEstimateFields(JsonWriter& w, const Estimate& e, int significantDigits) {
  const Numbers num(w, significantDigits);
  w.key("model").value(e.job.model.name);
  w.key("gpus_used").value(e.gpusUsed);
  writePlan(w, e.job);
  num("step_time_s", e.step.total)("tokens_per_s", e.tokensPerSecond)("tflops_per_gpu", e.tflopsPerGpu);
  num("mfu", e.mfu)("hfu", e.hfu)("memory_gib_per_gpu", e.memory.total / units::kGiB);
  w.key("fits_memory").value(e.memory.fits);
  num("training_days", e.trainingDays)("effective_training_days", e.effectiveTrainingDays);
  num("goodput", e.reliability.goodput)("interruptions_per_day", e.reliability.interruptionsPerDay);
  num("checkpoint_interval_min", e.reliability.checkpointInterval / 60);
  num("checkpoint_write_s", e.reliability.checkpointWrite);
  num("gpu_hours", e.gpuHours)("energy_mwh", e.energyMwh)("it_energy_mwh", e.itEnergyMwh);
  num("pue", e.pue)("power_per_gpu_w", e.powerPerGpu);
  writeBreakdown(w, num, e.step);
  writeMemory(w, num, e.memory);
  w.key("notes").beginArray();
  for (const auto& n : e.notes) w.value(n);
  w.endArray();
  w.key("findings").beginArray();
  for (const auto& f : e.findings) {
    w.beginObject();
    w.key("severity").value(engine::toString(f.severity)).key("code").value(f.code).key("object").value(f.object);
    w.key("message").value(f.message);
    num("value", f.value)("limit", f.limit);
    w.endObject();
  }
  w.endArray();
}

void writeEstimate(JsonWriter& w, const Estimate& e) {
  w.beginObject();
  writeEstimateFields(w, e);
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
    writeEstimateFields(w, estimates[i]);
    if (r.rank == RankBy::Cost && i < r.best.size()) w.key("cost").value(r.best[i].cost);
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.str() + "\n";
}

}  // namespace gigaplan::training
