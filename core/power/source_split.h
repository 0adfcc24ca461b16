// How a steady draw at the sources splits over them: the one rule the year, the phases and the
// power profile use for who carries the site (and so for each source's energy and carbon).
//
// Each source at the top of the chain carries its share of the draw as the design-load flow gives
// it (parallel parents by their capacities, through the gear's losses). A generator runs within
// its minimum load (catalog min_load × rating) and its rating; the other sources — grid
// connections, and batteries where they carry load — take the rest in their shares, negative when
// the generators' minimum is more than the site draws (export). A site with no other source runs
// its generators on the whole draw, minimum load or not (an island follows its load).
//
//   power::SourceSplit split(layout, evaluation.power.nominal);
//   std::vector<double> w;
//   split.carry(drawAtTheSources, w);           // W per split.sources()[i]
//   double turbines = split.generation(draw);   // W, all generators together
#pragma once

#include <string>
#include <vector>

#include "core/design/layout.h"
#include "core/power/power_flow.h"

namespace gigaplan::power {

class SourceSplit {
 public:
  struct Source {
    int node = design::kNone;  // index into Layout::power
    design::PowerKind kind = design::PowerKind::Grid;
    double share = 0;  // of the draw, as the design-load flow splits it
    double low = 0;    // W, generators: the lowest steady output (0 for other sources)
    double high = 0;   // W, generators: the rating (0 for other sources: no cap)
  };

  SourceSplit() = default;
  /// The sources that carry some of the design-load flow `nominal` (PowerFlow::in per node).
  SourceSplit(const design::Layout& layout, const PowerFlow& nominal);
  /// From sources given directly (tests, the battery sizing's what-ifs); shares are normalised.
  explicit SourceSplit(std::vector<Source> sources);

  const std::vector<Source>& sources() const { return sources_; }
  bool hasGeneration() const;

  /// W each source carries when the site draws `draw` W at its sources; `out` is resized to
  /// sources().size(). The parts add up to `draw`.
  void carry(double draw, std::vector<double>& out) const;
  /// W the generators carry together at `draw`.
  double generation(double draw) const;
  /// True when a generator's share of `draw` is below its minimum load and another source takes
  /// the difference (it is held at that minimum, above its share).
  bool heldAtMinimum(double draw) const;

 private:
  void normalise();
  std::vector<Source> sources_;
  double generatorShare_ = 0, otherShare_ = 0;
};

}  // namespace gigaplan::power
