// Report section: the training plan — the design's job estimated on the design's cluster.
#include "core/base/thousands.h"
#include "core/reliability/failure_domains.h"
#include "core/report/charts.h"
#include "core/report/report_sections.h"
#include "core/training/flops.h"
#include "core/units/units.h"

namespace gigaplan::report::sections {
namespace {

// A step's time as the table and the chart's caption both print it: 1.851 s, 809.4 ms.
std::string stepText(double seconds) {
  return seconds >= 1 ? fixed(seconds, 3) + " s" : fixed(seconds * 1e3, 1) + " ms";
}

Figure stepChart(const training::Estimate& e, double width) {
  const training::StepBreakdown& b = e.step;
  const auto parts = training::stepParts(b);
  const bool seconds = b.total >= 1;
  ChartOptions o;
  o.width = width;
  o.unit = seconds ? "s" : "ms";
  o.scale = seconds ? 1 : 1e3;
  std::vector<Bar> bars;
  int colour = 0;
  for (const auto& [name, t] : parts) {
    ++colour;
    if (t <= 0) continue;
    bars.push_back({name, t, paletteColor(colour - 1),
                    fixed(t * o.scale, seconds ? 2 : 1) + " " + o.unit + " (" + percent(t / b.total) + ")"});
  }
  Figure f{"step-time",
           kApprox + std::string("Step time ") + stepText(b.total) +
               " on the critical path, by component (exposed communication only)",
           {barChart(bars, o)}};
  f.parts.front().title = "Step time breakdown";
  return f;
}

Figure memoryChart(const training::Estimate& e, double width) {
  const training::MemoryBreakdown& m = e.memory;
  ChartOptions o;
  o.width = width;
  o.unit = "GiB";
  o.scale = 1 / units::kGiB;
  o.limit = m.capacity;
  o.limitLabel = "HBM " + fixed(m.capacity / units::kGiB, 0) + " GiB";
  auto gib = [](double v) { return fixed(v / units::kGiB, 1) + " GiB"; };
  const std::vector<Bar> parts = {{"weights", m.weights, paletteColor(0), gib(m.weights)},
                                  {"gradients", m.gradients, paletteColor(1), gib(m.gradients)},
                                  {"optimizer", m.optimizer, paletteColor(2), gib(m.optimizer)},
                                  {"activations", m.activations, paletteColor(4), gib(m.activations)},
                                  {"buffers", m.buffers, paletteColor(9), gib(m.buffers)}};
  Figure f{"memory",
           kApprox + std::string("Memory per GPU on the busiest pipeline stage: ") + gib(m.total) + " of " +
               gib(m.capacity) + (m.fits ? " (fits)" : " (does not fit)"),
           {stackedBar(parts, o)}};
  f.parts.front().title = "Memory per GPU";
  return f;
}

std::string idleText(const std::vector<training::IdleGpus>& idleTypes) {
  std::string s;
  for (const auto& idle : idleTypes) {
    s += (s.empty() ? " (idle: " : ", ") + count(idle.count) + " \u00d7 " + idle.gpu;
  }
  return s.empty() ? s : s + ")";
}

KeyValues clusterValues(const training::Cluster& c, const std::vector<training::IdleGpus>& idle) {
  KeyValues kv;
  kv.entries = {
      {"GPUs", count(c.count) + " \u00d7 " + c.gpu + idleText(idle)},
      {"Scale-up", std::to_string(c.scaleUpSize) + " GPUs per domain, " + rate(c.scaleUpBandwidth) + " per GPU"},
      {"Scale-out", rate(c.scaleOutBandwidth) + " per GPU, leaf oversubscription " + fixed(c.oversubscription, 2) +
                        ":1" + (c.podGpus > 0 ? ", pods of " + count(c.podGpus) + " GPUs" : std::string())},
      {"IT power per GPU", power(c.itPowerPerGpu) +
                               " (the job's GPU type: its racks over its GPUs, plus the network's share); PUE " +
                               pue(c.pue)},
      {"Checkpoint storage",
       c.storageBandwidth > 0 ? units::formatByteRate(c.storageBandwidth) : std::string("not in the design (assumed)")},
      {"Largest failure domain", c.largestFailureDomainGpus > 0
                                     ? base::counted(c.largestFailureDomainGpus, "GPU")
                                     : std::string("none (") + reliability::kNoFailureDomain + ")"},
  };
  return kv;
}

}  // namespace

Section training(const ReportInputs& in) {
  Section s{"training", "Training plan", {}};
  const TrainingPlan& t = in.training;
  if (!t.present) {
    s.blocks.push_back(
        Paragraph{"The design has no job: section, so there is no training estimate. Add one (model, training, "
                  "parallelism) to see step time, memory, days, goodput and energy on this site.",
                  Tone::Note});
    return s;
  }
  if (!t.ok) {
    s.blocks.push_back(Paragraph{"No training estimate: " + t.problem + ".", Tone::Warning});
    return s;
  }
  const training::Estimate& e = t.estimate;
  const training::Job& job = e.job;
  // Warnings first: idle GPU types and a batch too small change what the numbers below mean.
  for (const auto& f : e.findings) {
    const Tone tone = f.severity == engine::Severity::Error     ? Tone::Error
                      : f.severity == engine::Severity::Warning ? Tone::Warning
                                                                : Tone::Note;
    s.blocks.push_back(Paragraph{f.message + " [" + f.code + "].", tone});
  }
  KeyValues kv;
  kv.entries = {
      {"Model",
       (job.model.name.empty() ? std::string("unnamed") : job.model.name) + ": " + std::to_string(job.model.layers) +
           " layers, hidden " + count(job.model.hidden) + ", sequence " + count(job.model.seqLen) +
           (job.model.moe.experts > 0 ? ", " + std::to_string(job.model.moe.experts) + " experts" : std::string()) +
           ", " + fixed(training::parameterCount(job.model) / 1e9, 1) + " B parameters (" +
           fixed(training::activeParameterCount(job.model) / 1e9, 1) + " B active per token)"},
      {"Training", fixed(job.training.tokens / 1e12, 2) + " T tokens, global batch " + count(job.training.globalBatch) +
                       " sequences, " + std::string(toString(job.training.precision))},
      {"Plan", training::planText(job) + (t.searched ? " (best of " + count(static_cast<std::int64_t>(t.plansFitting)) +
                                                           " fitting plans, parallelism: auto)"
                                                     : std::string())},
      {"GPUs used", count(e.gpusUsed) + " of " + count(t.cluster.count) + " " + t.cluster.gpu + idleText(t.idle)},
      {"Step time", kApprox + stepText(e.step.total) + ", " + kApprox + approximately(e.tokensPerSecond) + " tokens/s"},
      {"Throughput per GPU",
       kApprox + fixed(e.tflopsPerGpu, 0) + " model TFLOP/s, MFU " + percent(e.mfu) + ", HFU " + percent(e.hfu)},
      {"Memory per GPU", kApprox + fixed(e.memory.total / units::kGiB, 1) + " GiB of " +
                             fixed(e.memory.capacity / units::kGiB, 1) + " GiB" +
                             (e.memory.fits ? "" : " \u2014 does not fit")},
      {"Training days", kApprox + fixed(e.trainingDays, 1) + " of compute, " + kApprox +
                            fixed(e.effectiveTrainingDays, 1) + " with interruptions"},
      {"Goodput", kApprox + percent(e.reliability.goodput) + " of the wall time trains"},
      {"Interruptions", kApprox + interruptionsText(e)},
      {"GPU-hours", kApprox + approximately(e.gpuHours)},
      {"Energy", kApprox + jobEnergyText(e)},
  };
  s.blocks.push_back(std::move(kv));
  if (!e.memory.fits)
    s.blocks.push_back(
        Paragraph{"The plan does not fit in HBM: the estimate is not achievable as planned.", Tone::Error});
  s.blocks.push_back(stepChart(e, in.contentWidth));
  s.blocks.push_back(memoryChart(e, in.contentWidth));
  s.blocks.push_back(Paragraph{"The cluster as the training model sees it, derived from this design's evaluation:"});
  s.blocks.push_back(clusterValues(t.cluster, t.idle));
  for (const auto& n : e.notes) s.blocks.push_back(Paragraph{n, Tone::Note});
  return s;
}

}  // namespace gigaplan::report::sections
