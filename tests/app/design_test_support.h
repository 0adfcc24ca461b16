// Shared by the design edit tests: the base catalog, samples and designs from text resolved
// against it, a save-and-load round trip, and a small site whose hall template makes three halls.
#pragma once

#include <iostream>
#include <memory>
#include <string>

#include "app/cli/catalog_access.h"
#include "core/design/resolved_design.h"
#include "core/io/design_io.h"

namespace gigaplan::test {

inline const catalog::Catalog& cat() {
  static const catalog::Catalog* c = cli::baseCatalog(std::cerr);
  return *c;
}

inline std::shared_ptr<const design::ResolvedDesign> sample(const std::string& name) {
  return design::resolve(io::loadDesign(std::string(GIGAPLAN_SOURCE_DIR "/samples/") + name, cat()), cat());
}

inline std::shared_ptr<const design::ResolvedDesign> resolveText(const std::string& text) {
  return design::resolve(io::loadDesignText(text, "edited.yaml", cat()), cat());
}

/// The design saved and loaded again; null when that does not give it back unchanged.
inline std::shared_ptr<const design::ResolvedDesign> roundTrip(const design::Design& d) {
  const std::string text = io::designToYaml(d);
  auto back = resolveText(text);
  const bool same = io::designToYaml(back->design) == text && back->design.halls == d.halls &&
                    back->design.power == d.power && back->design.cooling == d.cooling &&
                    back->design.overrides == d.overrides;
  return same ? back : nullptr;
}

/// Three halls h1–h3 from one template, each with two rows of four racks on its own busways and
/// an air handler; a transformer per hall outside.
inline const char* const kThreeHalls = R"(format: 1
site:
  name: Three halls
  size: [200 m, 80 m]
power:
  - {id: grid, kind: grid, rating: 20 MW, position: [5 m, 70 m]}
  - {id: 'tx-{i}', count: 3, kind: transformer, model: unit-substation-3mva, fed_by: grid, position: [30 m, 70 m], step: [60 m, 0 m]}
halls:
  - id: 'h{h}'
    count: 3
    name: Hall {h}
    origin: [10 m, 10 m]
    step: [60 m, 0 m]
    size: [50 m, 40 m]
    power:
      - {id: 'h{h}-bw{i}', count: 2, kind: busway, model: busway-800a, fed_by: 'tx-{h}', position: [5 m, 5 m], step: [0 m, 4 m]}
    cooling:
      - {id: 'h{h}-ahu', kind: air-handler, model: air-handler, position: [45 m, 30 m]}
    rows:
      - {id: 'h{h}-r{i}', count: 2, origin: [6 m, 6 m], pitch: 4 m, racks: 4, rack: dgx-h100-rack,
         feed_a: 'h{h}-bw{i}', air_handler: 'h{h}-ahu'}
network:
  topology: rail-optimized
  switch: qm9700
)";

}  // namespace gigaplan::test
