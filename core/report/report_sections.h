// Internal to core/report: one function per report section (report_builder.cpp calls them in
// order) and the small helpers they share. Not a public API.
#pragma once

#include <string>
#include <vector>

#include "core/report/report_builder.h"
#include "core/report/report_format.h"

namespace gigaplan::report::sections {

/// Prefix for figures that come from a model approximation rather than arithmetic on the design.
inline const std::string kApprox = "\u2248 ";

Section summary(const ReportInputs& in);
Section site(const ReportInputs& in);
Section compute(const ReportInputs& in);
Section fabric(const ReportInputs& in);
Section power(const ReportInputs& in);
Section cooling(const ReportInputs& in);
Section failureDomains(const ReportInputs& in);
Section training(const ReportInputs& in);
Section findings(const ReportInputs& in);
Section billOfMaterials(const ReportInputs& in);
Section sources(const ReportInputs& in);

/// Shorthands used by every section.
std::string power(double watts);          // "1.06 MW"
std::string rate(double bytesPerSecond);  // "800 Gb/s"
Tone toneOf(int severity);                // engine::Severity as int → Tone

}  // namespace gigaplan::report::sections
