// Training results as JSON text, the shape `gigaplan train --json` and `gigaplan search --json`
// print. Keys: step_time_s, tokens_per_s, tflops_per_gpu, mfu, hfu, memory_gib_per_gpu,
// fits_memory, training_days, effective_training_days, goodput, interruptions_per_day,
// checkpoint_interval_min, gpu_hours, energy_mwh, breakdown{...}; plus plan{...}, memory{...},
// notes[] for context and findings[] ({severity, code, object, message, value, limit}: GPUs left
// idle, a batch too small). A search adds ranked_by and, when ranked by cost, each plan's cost.
//
//   std::cout << estimateJson(estimate(job, cluster, gpu));
#pragma once

#include <string>
#include <vector>

#include "core/base/json_writer.h"
#include "core/training/estimate.h"
#include "core/training/search.h"

namespace gigaplan::training {

/// Writes the estimate's parallel plan as the object "plan" into `w` (the report's JSON shares it).
void writePlan(report::JsonWriter& w, const Job& job);

/// Writes the estimate's fields into the object `w` has open: numbers at full precision, or at
/// `significantDigits` (the design report's JSON rounds to 9).
void writeEstimateFields(report::JsonWriter& w, const Estimate& e, int significantDigits = 0);

/// Writes one estimate as a JSON object into `w`.
void writeEstimate(report::JsonWriter& w, const Estimate& e);

std::string estimateJson(const Estimate& e);

/// Search summary plus the full estimate of each ranked plan (`estimates` in rank order).
std::string searchJson(const SearchResult& r, const std::vector<Estimate>& estimates);

}  // namespace gigaplan::training
