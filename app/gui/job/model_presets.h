// Published model shapes a planner can start a job from. Shapes only; the training setup of a
// new job is GPT-3's published one (see model_presets.cpp for sources).
#pragma once

#include <QString>
#include <vector>

#include "core/training/job.h"

namespace gigaplan::app {

struct ModelPreset {
  QString title;
  training::Model model;
  QString source;
};

const std::vector<ModelPreset>& modelPresets();
/// A job to start from: GPT-3 175B on 300 B tokens, 1,536 sequences per step, BF16, parallelism
/// chosen by the search.
training::Job defaultJob();

}  // namespace gigaplan::app
