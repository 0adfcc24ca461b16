// Report assembly: title page figures, then the sections in reading order (see report_builder.h).
#include "core/report/report_builder.h"
#include "core/report/power_swings.h"
#include "core/report/year_report.h"

#include "core/base/thousands.h"
#include "core/reliability/failure_domains.h"
#include "core/report/report_sections.h"

namespace gigaplan::report {

namespace sections {

std::string power(double watts) {
  return quantity(watts, units::Dimension::Power);
}
std::string rate(double bytesPerSecond) {
  return quantity(bytesPerSecond, units::Dimension::DataRate);
}

Tone toneOf(int severity) {
  switch (static_cast<engine::Severity>(severity)) {
    case engine::Severity::Error:
      return Tone::Error;
    case engine::Severity::Warning:
      return Tone::Warning;
    case engine::Severity::Info:
      return Tone::Note;
  }
  return Tone::Normal;
}

}  // namespace sections

namespace {

std::vector<Headline> headlines(const ReportInputs& in) {
  const engine::Evaluation& e = in.eval;
  std::vector<Headline> h;
  h.push_back({"GPUs", count(e.compute.gpus), "in " + count(e.compute.racks) + " racks"});
  h.push_back({"IT load", megawatts(e.power.it), "at design load, and " + megawatts(e.power.network) + " of network"});
  h.push_back({"Facility power", megawatts(e.power.facility), "peak " + megawatts(e.power.peakFacility)});
  h.push_back({"PUE", pue(e.power.pue), "facility / (IT + network)"});
  h.push_back({"Peak dense BF16", quantity(e.compute.peakBf16, units::Dimension::Compute), ""});
  if (e.reliability.largestGpus > 0 && !e.reliability.largestId.empty()) {
    h.push_back({"Largest failure domain", base::counted(e.reliability.largestGpus, "GPU"),
                 "behind " + e.reliability.largestId});
  } else {
    h.push_back({"Largest failure domain", "none", reliability::kNoFailureDomain});
  }
  h.push_back({"Findings", base::counted(e.errors, "error"),
               base::counted(e.warnings, "warning") + ", " + base::counted(e.infos, "note")});
  if (in.training.ok) {
    const training::Estimate& t = in.training.estimate;
    h.push_back({"Training time", sections::kApprox + fixed(t.effectiveTrainingDays, 1) + " days",
                 (t.job.model.name.empty() ? std::string("the design's job") : t.job.model.name) + ", goodput " +
                     percent(t.reliability.goodput) +
                     (in.design.design.phases.empty() ? "" : ", on the finished site (phase by phase: Phases)")});
  }
  return h;
}

}  // namespace

ReportDocument buildReport(const ReportInputs& in) {
  const design::Design& d = in.design.design;
  ReportDocument doc;
  doc.title = d.site.name.empty() ? "Untitled site" : d.site.name;
  doc.subtitle = d.site.description;
  doc.location = d.site.location;
  doc.sourceFile = d.sourceFile;
  if (in.unsavedEdits) {
    doc.source = d.sourceFile.empty() ? "a design not yet saved" : "unsaved edits to " + d.sourceFile;
    doc.titleNotes.push_back(d.sourceFile.empty() ? "This report is of a design that has not been saved to a file."
                                                  : "This report is of edits not yet saved: " + d.sourceFile +
                                                        " on disk does not contain them.");
  } else if (!d.sourceFile.empty()) {
    doc.source =
        d.variant.empty() ? "design file " + d.sourceFile : "variant " + d.variant + " of design file " + d.sourceFile;
  }
  doc.generator = "GigaPlan " GIGAPLAN_VERSION + std::string(in.generatedOn.empty() ? "" : ", " + in.generatedOn);
  doc.headlines = headlines(in);
  doc.titleNotes.push_back(
      "Figures marked \u2248 come from model approximations; the assumptions behind them are listed at "
      "the end of the report, with the source and grade of every catalog figure used.");
  if (in.eval.errors > 0) {
    doc.titleNotes.push_back("The design has " + count(in.eval.errors) +
                             " error findings: see Findings before relying on it.");
  }
  doc.sections.push_back(sections::summary(in));
  doc.sections.push_back(sections::site(in));
  doc.sections.push_back(sections::compute(in));
  doc.sections.push_back(sections::fabric(in));
  doc.sections.push_back(sections::power(in));
  doc.sections.push_back(sections::cooling(in));
  if (in.swings)
    doc.sections.push_back(
        powerSwingsSection(*in.swings, in.design.design.powerDynamics,
                           {in.training.ok ? in.training.estimate.gpusUsed : 0,
                            static_cast<double>(in.swings->waveform.size()) * in.swings->waveform.dt}));
  if (in.phases && !in.phases->phases.empty()) doc.sections.push_back(phasesSection(*in.phases));
  if (in.year) doc.sections.push_back(yearSection(*in.year, {in.design.design.sourceFile, in.jobDays}));
  doc.sections.push_back(sections::failureDomains(in));
  doc.sections.push_back(sections::training(in));
  if (in.uncertainty) doc.sections.push_back(uncertaintySection(*in.uncertainty));
  if (in.comparisons && !in.comparisons->empty()) doc.sections.push_back(comparisonSection(*in.comparisons));
  doc.sections.push_back(sections::findings(in));
  doc.sections.push_back(sections::billOfMaterials(in));
  doc.sections.push_back(sections::sources(in));
  return doc;
}

}  // namespace gigaplan::report
