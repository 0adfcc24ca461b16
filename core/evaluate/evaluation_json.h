// An Evaluation as JSON for `gigaplan evaluate --json`, scripts and reports. Keys are stable and
// carry their unit (…_mw, …_tbps = terabits/s, …_gbyte_s = gigabytes/s, …_m3_per_day); nested
// objects, so the figure called compute.peak_bf16_pflops is {"compute": {"peak_bf16_pflops": …}}.
// Top level: gpus, racks, compute{}, fabric{}, power{}, cooling{}, reliability{}, bom[],
// findings[] (severity, object, code, message, value, limit), finding_counts{}; with
// `objects` also objects{racks[], power[], cooling[]} — per-object values (large for big sites).
//
//   std::cout << engine::evaluationToJson(eval, layout, {.objects = false});
#pragma once

#include <string>

#include "core/base/json_writer.h"
#include "core/design/layout.h"
#include "core/evaluate/evaluation.h"

namespace gigaplan::engine {

struct JsonOptions {
  bool objects = false;  // include per-rack, per-node and per-unit values
};

/// Writes the evaluation as one JSON object into `json` (to embed it in a larger document).
void writeEvaluationJson(report::JsonWriter& json, const Evaluation& eval, const design::Layout& layout,
                         const JsonOptions& options = {});

/// The evaluation as an indented JSON document.
std::string evaluationToJson(const Evaluation& eval, const design::Layout& layout, const JsonOptions& options = {});

}  // namespace gigaplan::engine
