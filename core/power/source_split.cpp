// The steady split of the draw over the sources (see source_split.h).
#include "core/power/source_split.h"

#include <algorithm>
#include <utility>

#include "core/power/power_graph.h"

namespace gigaplan::power {
namespace {

// A generator's share of `draw`, held within its minimum load and its rating (unrated: no cap).
double generatorOutput(const SourceSplit::Source& s, double draw) {
  const double wanted = s.share * draw;
  return std::clamp(wanted, s.low, std::max(s.low, s.high > 0 ? s.high : wanted));
}

}  // namespace

SourceSplit::SourceSplit(const design::Layout& layout, const PowerFlow& nominal) {
  for (std::size_t k = 0; k < layout.power.size() && k < nominal.in.size(); ++k) {
    const design::PowerNode& node = layout.power[k];
    if (!isSourceKind(node.kind) || !node.fedBy.empty() || nominal.in[k] <= 0) continue;
    Source s;
    s.node = static_cast<int>(k);
    s.kind = node.kind;
    s.share = nominal.in[k];
    if (node.kind == design::PowerKind::Generator) {
      s.high = node.rating;
      s.low = node.spec ? node.spec->minLoad * node.rating : 0;
    }
    sources_.push_back(s);
  }
  normalise();
}

SourceSplit::SourceSplit(std::vector<Source> sources) : sources_(std::move(sources)) {
  normalise();
}

void SourceSplit::normalise() {
  double total = 0;
  for (const Source& s : sources_) total += s.share;
  generatorShare_ = otherShare_ = 0;
  for (Source& s : sources_) {
    s.share = total > 0 ? s.share / total : 0;
    (s.kind == design::PowerKind::Generator ? generatorShare_ : otherShare_) += s.share;
  }
}

bool SourceSplit::hasGeneration() const {
  return generatorShare_ > 0;
}

void SourceSplit::carry(double draw, std::vector<double>& out) const {
  out.assign(sources_.size(), 0.0);
  if (otherShare_ <= 0) {  // generators alone: they follow the load
    for (std::size_t i = 0; i < sources_.size(); ++i) out[i] = sources_[i].share * draw;
    return;
  }
  double generated = 0;
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    if (sources_[i].kind != design::PowerKind::Generator) continue;
    out[i] = generatorOutput(sources_[i], draw);
    generated += out[i];
  }
  const double rest = draw - generated;
  for (std::size_t i = 0; i < sources_.size(); ++i)
    if (sources_[i].kind != design::PowerKind::Generator) out[i] = rest * sources_[i].share / otherShare_;
}

bool SourceSplit::heldAtMinimum(double draw) const {
  if (otherShare_ <= 0) return false;  // an island follows its load
  return std::any_of(sources_.begin(), sources_.end(), [draw](const Source& s) {
    return s.kind == design::PowerKind::Generator && s.share * draw < s.low;
  });
}

double SourceSplit::generation(double draw) const {
  if (otherShare_ <= 0) return generatorShare_ > 0 ? draw : 0;
  double generated = 0;
  for (const Source& s : sources_)
    if (s.kind == design::PowerKind::Generator) generated += generatorOutput(s, draw);
  return generated;
}

}  // namespace gigaplan::power
