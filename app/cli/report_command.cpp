// `gigaplan report` without Qt (see report_command.h).
#include "app/cli/report_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "app/cli/catalog_access.h"
#include "app/cli/command_line.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"
#include "core/report/report_builder.h"
#include "core/report/report_extras.h"
#include "core/report/uncertainty.h"

namespace gigaplan::cli {

ReportArgs parseReportArgs(const std::vector<std::string>& args) {
  ReportArgs a;
  for (std::size_t i = 0; i < args.size() && a.error.empty(); ++i) {
    const std::string& s = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 < args.size())
        into = args[++i];
      else
        a.error = s + " needs a value";
    };
    if (s == "-o" || s == "--output") {
      value(a.output);
    } else if (s == "--no-3d") {
      a.picture = false;
    } else if (s == "--date") {
      value(a.date);
    } else if (s == "--bench") {
      a.benchRuns = 3;
      if (i + 1 < args.size() && !args[i + 1].empty() && std::isdigit(static_cast<unsigned char>(args[i + 1][0]))) {
        a.benchRuns = std::clamp(std::atoi(args[++i].c_str()), 1, 100);
      }
    } else if (s == "--uncertainty") {
      std::string n;
      value(n);
      const auto samples = wholeNumber(n, report::kMinSamples, report::kMaxSamples);
      if (a.error.empty() && !samples) a.error = "--uncertainty takes a number of samples from 10 to 100,000";
      a.uncertainty = static_cast<int>(samples.value_or(0));
    } else if (s == "--compare") {
      std::string other;
      value(other);
      if (a.error.empty()) a.compareWith.push_back(other);
    } else if (a.file.empty() && !isOption(s)) {
      a.file = s;
    } else {
      a.error = unexpectedArgument(s);
    }
  }
  if (a.error.empty() && a.file.empty()) a.error = "missing FILE";
  if (a.error.empty() && a.output.empty()) a.error = "missing -o OUT";
  if (a.error.empty()) {
    a.format = reportFormatFor(a.output);
    if (!a.format) a.error = "cannot tell the format of '" + a.output + "': use .pdf, .html, .md, .json or .csv";
  }
  if (a.error.empty() && a.uncertainty > 0 && (*a.format == ReportFormat::Json || *a.format == ReportFormat::Csv))
    a.error =
        "--uncertainty adds a section to PDF, HTML and Markdown reports; for JSON use gigaplan evaluate "
        "--uncertainty N --json";
  if (a.error.empty() && !a.compareWith.empty() && (*a.format == ReportFormat::Json || *a.format == ReportFormat::Csv))
    a.error = "--compare adds a section to PDF, HTML and Markdown reports; for JSON use gigaplan compare A B --json";
  return a;
}

bool loadComparisons(const ReportArgs& args, const catalog::Catalog& base, std::vector<report::LoadedDesign>& out,
                     std::ostream& err) {
  try {
    for (const std::string& ref : args.compareWith) out.push_back(report::loadForComparison(ref, base));
  } catch (const io::LoadError& e) {
    err << e.what() << "\n";
    return false;
  }
  return true;
}

std::vector<const report::LoadedDesign*> pointersTo(const std::vector<report::LoadedDesign>& designs) {
  std::vector<const report::LoadedDesign*> p;
  for (const auto& d : designs) p.push_back(&d);
  return p;
}

std::string reportUsage(ReportFlavour flavour) {
  std::string text =
      std::string(flavour == ReportFlavour::Headless
                      ? "usage: gigaplan report FILE -o OUT.{html,md,json,csv} [--no-3d] [--date YYYY-MM-DD] "
                        "[--bench [N]]\n"
                      : "usage: gigaplan report FILE -o OUT.{pdf,html,md,json,csv} [--no-3d] [--date YYYY-MM-DD] "
                        "[--bench [N]]\n") +
      "                       [--uncertainty N] [--compare OTHER]...\n"
      "  A design report; the format from OUT's extension: .pdf, .html (one self-contained file), .md\n"
      "  (with an OUT_images/ folder), .json (everything the evaluation knows), .csv (bill of materials).\n"
      "  --no-3d leaves out the 3D picture; --date sets the title page's date (default today);\n"
      "  --bench N repeats the export N times (default 3) and prints the median time of each step.\n"
      "  --uncertainty N adds a \"How sure\" section: a Monte Carlo of N samples over the graded catalog figures\n"
      "  (gigaplan evaluate --uncertainty).\n"
      "  --compare OTHER adds a section comparing the design with OTHER (a design file, or FILE#variant\n"
      "  for one of a design's variants): the figures that differ, findings and objects (gigaplan compare).\n";
  if (flavour == ReportFlavour::Headless) {
    text +=
        "  gigaplan-cli writes every format but PDF and never the 3D picture (it links no Qt and no VTK);\n"
        "  `gigaplan report` writes PDF too, and the 3D picture where OpenGL works.\n";
  } else {
    text += "  The 3D picture needs OpenGL (a display, or xvfb-run); without it the report says it was left out.\n";
  }
  return text;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string benchLine(const ReportArgs& a, int runs,
                      const std::vector<std::pair<const char*, std::vector<double>>>& steps) {
  const std::filesystem::path in(a.file), out(a.output);
  std::string ext = out.extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  std::string line =
      "bench " + in.filename().string() + " -> " + ext + ", median of " + std::to_string(runs) + " runs (s):";
  for (const auto& [name, values] : steps) {
    char part[64];
    std::snprintf(part, sizeof part, "  %s %.3f", name, median(values));
    line += part;
  }
  return line + "\n";
}

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const ReportArgs a = parseReportArgs(args);
  if (!a.error.empty()) throw UsageError(a.error);
  if (*a.format == ReportFormat::Pdf) {
    throw UsageError("PDF needs the Qt painter, which gigaplan-cli does not link; use `gigaplan report " + a.file +
                     " -o " + a.output + "`, or write .html, .md, .json or .csv");
  }
  const catalog::Catalog* base = baseCatalog(err);
  if (!base) return kLoadError;

  using Clock = std::chrono::steady_clock;
  auto lap = [](Clock::time_point& t) {
    const auto now = Clock::now();
    const double s = std::chrono::duration<double>(now - t).count();
    t = now;
    return s;
  };
  std::vector<report::LoadedDesign> others;
  if (!loadComparisons(a, *base, others, err)) return kLoadError;
  std::vector<double> load, evaluate, training, build, write, total;
  const int runs = std::max(1, a.benchRuns);
  std::size_t bytes = 0;
  for (int run = 0; run < runs; ++run) {
    Clock::time_point clock = Clock::now();
    const Clock::time_point start = clock;
    const auto r = loadResolvedDesign(a.file, err);
    if (!r) return kLoadError;
    load.push_back(lap(clock));
    const engine::Evaluation site = engine::evaluate(r->design, r->layout, *r->catalog);
    evaluate.push_back(lap(clock));
    std::optional<report::TrainingPlan> plan;
    std::optional<report::ReportDocument> doc;
    if (*a.format != ReportFormat::Csv) plan = report::planTraining(*r, site);
    // The job's findings are the site's: counted in the headline and listed with the rest.
    const engine::Evaluation e = plan ? report::withTrainingFindings(site, *plan) : site;
    training.push_back(lap(clock));
    if (*a.format == ReportFormat::Html || *a.format == ReportFormat::Markdown) {
      report::ReportInputs in{*r, e, *plan};
      report::ReportExtras extras;  // the year of weather, the power swings
      try {
        extras = report::reportExtras(*r, e, *plan, a.uncertainty, pointersTo(others));
      } catch (const io::LoadError& error) {
        err << error.what() << "\n";
        return kLoadError;
      }
      report::attach(in, extras);
      in.generatedOn = a.date.empty() ? todayIso() : a.date;
      in.pictureNote = a.picture ? "No 3D picture: gigaplan-cli draws none (gigaplan report adds it)."
                                 : "No 3D picture: left out on request.";
      doc = report::buildReport(in);
    }
    build.push_back(lap(clock));
    const ReportFiles files =
        renderTextReport(*a.format, a.output, *r, e, plan ? &*plan : nullptr, doc ? &*doc : nullptr);
    std::string error;
    if (!commitReportFiles(files, &error)) {
      err << "gigaplan report: " << error << "\n";
      return kWriteError;
    }
    write.push_back(lap(clock));
    total.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    bytes = files.files.back().bytes.size();
  }
  out << a.output << ": written (" << bytes << " bytes)\n";
  if (a.benchRuns > 0) {
    out << benchLine(a, runs,
                     {{"load", load},
                      {"evaluate", evaluate},
                      {"training", training},
                      {"build", build},
                      {"write", write},
                      {"total", total}});
  }
  return kOk;
}

}  // namespace gigaplan::cli
