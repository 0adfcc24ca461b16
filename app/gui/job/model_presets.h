// Published model shapes a planner can start a job from, with their published training runs
// (core/training/model_presets.h holds them and their sources); a new job starts from GPT-3's.
#pragma once

#include <QString>
#include <vector>

#include "core/training/job.h"

namespace gigaplan::app {

struct ModelPreset {
  QString title;
  training::Model model;
  QString source;
  training::TrainingSetup training;  // the published run: tokens, batch, precision
};

const std::vector<ModelPreset>& modelPresets();
/// A job to start from: GPT-3 175B on 300 B tokens, 1,536 sequences per step, BF16, parallelism
/// chosen by the search.
training::Job defaultJob();

}  // namespace gigaplan::app
