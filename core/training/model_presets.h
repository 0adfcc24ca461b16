// Published model shapes with the training run their authors published (tokens, batch, sequence,
// precision), and one illustrative frontier MoE sized for a gigawatt site. The one home of these
// shapes: the Job panel offers them, the validation cases and the tests use them.
//
//   for (const ModelPreset& p : modelPresets()) menu.add(p.title);
//   Job job = presetJob(*findPreset("DeepSeek-V3 671B"));   // parallelism: auto
#pragma once

#include <string>
#include <vector>

#include "core/training/job.h"

namespace gigaplan::training {

struct ModelPreset {
  std::string title;
  Model model;
  TrainingSetup training;     // the published run: tokens, sequences per step, precision
  std::string source;         // where shape and run come from; what is assumed where they are silent
  bool illustrative = false;  // not a published model: a sizing example, labelled as such
};

const std::vector<ModelPreset>& modelPresets();
/// The preset titled `title`, or nullptr.
const ModelPreset* findPreset(const std::string& title);
/// The preset's model and training run, parallelism chosen by the search.
Job presetJob(const ModelPreset& preset);

}  // namespace gigaplan::training
