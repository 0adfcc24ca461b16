// Validation of the training model against published runs: the cases with their sources and the defaults assumed where
// a source leaves a detail out, the comparison in each source's own FLOP convention, and the docs/validation.md report.
// Each row either calibrates efficiency parameters (named in `calibrates`) or is an independent check of values
// calibrated on other rows; no parameter is fitted on a check row.
//
//   auto results = runValidation(catalog);                    // throws std::runtime_error
//   std::ofstream("docs/validation.md") << validationMarkdown(results);
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/base/finding.h"
#include "core/catalog/catalog.h"
#include "core/training/estimate.h"
#include "core/training/flops.h"
#include "core/training/job.h"
#include "core/training/memory.h"

namespace gigaplan::training {

// Tokens per second per GPU is used for the MoE rows: it needs no FLOP convention (Megatron-Bridge's
// MoE FLOP formula counts MLA, MTP and routers its own way), so the comparison is convention-free.
// Seconds per iteration compares runs published as step times (Korthikanti et al. 2022).
// Thousands of GPU-hours compares a whole run published as the GPU-hours it took (DeepSeek-V3):
// wall time × GPUs, so the estimate's checkpoints, failures and restarts count as they did there.
enum class ValidationMetric { TflopsPerGpu, TrainingDays, TokensPerSecondPerGpu, SecondsPerIteration, GpuHours };

struct ValidationCase {
  std::string name;         // "Megatron Table 1: 1.7B on 32 A100"
  std::string source;       // publication and table
  std::string assumptions;  // details the source does not give and the defaults used for them
  Job job;
  Cluster cluster;
  ValidationMetric metric = ValidationMetric::TflopsPerGpu;
  FlopConvention convention = FlopConvention::Model;  // how the source counts FLOPs
  double published = 0;                               // in the metric's unit
  double tolerance = 0.10;                            // allowed relative error
  // "<gpu id> <efficiency key>" this row calibrates (with the other rows naming the same key);
  // empty = an independent check: the values it runs on were set on other rows.
  std::string calibrates;
  // Non-empty: a published row the model does not reproduce yet, with what is known of why. It is
  // listed with its error (in its own section of the report, never dropped), takes no part in
  // calibration, and does not count towards the pass total or the exit code.
  std::string gap;
};

struct ValidationResult {
  ValidationCase testCase;
  MemoryBreakdown memory;  // the model's HBM need per GPU for the published plan
  double predicted = 0;
  double error = 0;  // (predicted - published) / published
  bool pass = false;
};

/// Rows within tolerance, rows outside it that are not known gaps (failures), and known gaps.
struct ValidationTally {
  int within = 0, failed = 0, gaps = 0;
};
ValidationTally tally(const std::vector<ValidationResult>& results);

/// GPT as Narayanan et al. 2021 train it: FFN 4h, sequence 2,048, vocabulary 51,200, GELU.
Model megatronGpt(const std::string& name, int layers, int hidden, int heads);

/// Every published row the model is checked against (Megatron-LM Table 1, the paper's two
/// training-time estimates, the NVIDIA FP8 rows).
std::vector<ValidationCase> validationCases();

/// The model's figure for a case in the case's metric and convention. Throws std::runtime_error
/// when the case's GPU is not in the catalog.
double predict(const ValidationCase& c, const catalog::Catalog& cat);

std::vector<ValidationResult> runValidation(const catalog::Catalog& cat);

/// training.published-gap (warning): published runs of the job's model (same shape: layers, widths,
/// heads, vocabulary, experts and routing), GPU type and precision are rows the model does not
/// reproduce (known gaps). The finding gives how far the model was from them and why, so a
/// planner reads the estimate with that in mind; value = the largest error, limit = the rows'
/// tolerance. Empty when no such row exists (or the model reproduces every one).
std::vector<engine::Finding> publishedGapFindings(const Job& job, const std::string& gpu, const catalog::Catalog& cat);
/// Appends publishedGapFindings(e.job, gpu, cat) to the estimate's findings.
void addPublishedGapFindings(Estimate& e, const std::string& gpu, const catalog::Catalog& cat);

/// Per calibrated parameter ("gb200 gemm_peak_fraction_fp8"), in first-row order: the 1-based rows
/// that calibrate it ("15, 19") and the independent check rows of the same GPU values and precision
/// ("17"; B200 rows run on GB200's values).
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> calibrationTable(
    const std::vector<ValidationResult>& results);

/// docs/validation.md: predicted, published, error, role (calibration or check) and source per row, the memory the
/// model gives each published plan against the GPU's HBM, then the efficiency parameters per GPU type.
std::string validationMarkdown(const std::vector<ValidationResult>& results, const catalog::Catalog& cat);

}  // namespace gigaplan::training
