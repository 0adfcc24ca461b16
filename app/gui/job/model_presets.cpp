// Model presets (see model_presets.h): the core's published shapes and runs, titled for the panel.
#include "app/gui/job/model_presets.h"

#include "core/training/model_presets.h"

namespace gigaplan::app {

const std::vector<ModelPreset>& modelPresets() {
  static const std::vector<ModelPreset> presets = [] {
    std::vector<ModelPreset> out;
    for (const auto& p : training::modelPresets()) {
      out.push_back({QString::fromStdString(p.title), p.model, QString::fromStdString(p.source), p.training});
    }
    return out;
  }();
  return presets;
}

training::Job defaultJob() {
  training::Job job;
  job.model = modelPresets().front().model;
  job.training = modelPresets().front().training;  // GPT-3: 300 B tokens, 1,536 sequences
  job.training.microBatch = 1;
  job.training.precision = training::Precision::BF16;
  job.parallelism.automatic = true;
  return job;
}

}  // namespace gigaplan::app
