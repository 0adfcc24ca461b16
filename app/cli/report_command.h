// `gigaplan report FILE -o OUT [--no-3d] [--date YYYY-MM-DD] [--bench [N]]`: writes a design report,
// the format from OUT's extension. Two runners share the arguments and the usage text:
// runReport here (gigaplan-cli: HTML, Markdown, JSON, CSV, no Qt, no 3D picture) and the app's
// runReportExport (app/report/report_export_command.h: also PDF, and the 3D picture where OpenGL
// works). --bench N repeats load, evaluation and export N times and prints the median time of each
// step on stdout.
//
// Exit codes: 0 written, 2 the design or catalog cannot be loaded, 3 the report cannot be written,
// 64 usage error (including PDF asked of gigaplan-cli).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/report_files.h"
#include "core/catalog/catalog.h"
#include "core/report/comparison.h"

namespace gigaplan::cli {

struct ReportArgs {
  std::string file, output, date, error;  // error: why the arguments are unusable; empty when fine
  std::optional<ReportFormat> format;
  bool picture = true;
  int benchRuns = 0;                     // 0 = no benchmark
  int uncertainty = 0;                   // Monte Carlo samples for the "How sure" section; 0 = none
  std::vector<std::string> compareWith;  // --compare: designs ("file#variant") to compare this one with
};

ReportArgs parseReportArgs(const std::vector<std::string>& args);

/// The designs of --compare, loaded, evaluated and planned (report::loadForComparison); false with
/// the load error on `err` when one does not load.
bool loadComparisons(const ReportArgs& args, const catalog::Catalog& base, std::vector<report::LoadedDesign>& out,
                     std::ostream& err);
/// Pointers to each of `designs`, as report::reportExtras takes them.
std::vector<const report::LoadedDesign*> pointersTo(const std::vector<report::LoadedDesign>& designs);

enum class ReportFlavour { Headless, WithQt };
/// The usage text of either runner.
std::string reportUsage(ReportFlavour flavour);

/// The median of `v` (the upper one for an even count); 0 when empty.
double median(std::vector<double> v);
/// The `--bench` line: "bench FILE -> EXT, median of N runs (s): load …".
std::string benchLine(const ReportArgs& a, int runs,
                      const std::vector<std::pair<const char*, std::vector<double>>>& steps);

/// gigaplan-cli's `report`: every format but PDF, without the 3D picture (the report says so).
int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gigaplan::cli
