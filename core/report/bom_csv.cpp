// Bill of materials → CSV (see bom_csv.h).
#include "core/report/bom_csv.h"

#include <cstdio>

#include "core/report/escape.h"

namespace gigaplan::report {
namespace {

// The catalog entry's provenance behind a BOM line (nullptr for grid connections and unknown ids).
const catalog::Provenance* provenanceOf(const engine::BomLine& l, const catalog::Catalog& c) {
  const catalog::Provenance* p = nullptr;
  if (l.category == "rack") {
    if (auto* r = c.rack(l.item)) p = &r->provenance;
  } else if (l.category == "power") {
    if (auto* g = c.power(l.item)) p = &g->provenance;
  } else if (l.category == "cooling") {
    if (auto* g = c.cooling(l.item)) p = &g->provenance;
  } else if (l.category == "switch") {
    if (auto* s = c.switchModel(l.item)) p = &s->provenance;
  } else if (l.category == "transceiver" || l.category == "cable") {
    if (auto* m = c.medium(l.item)) p = &m->provenance;
  }
  return p;
}

std::string gradeOf(const engine::BomLine& l, const catalog::Catalog& c) {
  const catalog::Provenance* p = provenanceOf(l, c);
  return p ? p->grade : std::string();
}

}  // namespace

std::string bomCsv(const std::vector<engine::BomLine>& bom, const catalog::Catalog& catalog) {
  std::string out = "category,item,name,detail,count,total_length_m,grade\r\n";
  for (const auto& l : bom) {
    std::string length;
    if (l.category == "cable") {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", l.length);
      length = buf;
    }
    out += csvField(l.category) + ',' + csvField(l.item) + ',' + csvField(l.name) + ',' + csvField(l.detail) + ',' +
           std::to_string(l.count) + ',' + length + ',' + csvField(gradeOf(l, catalog)) + "\r\n";
  }
  return out;
}

std::string bomCsvWithSources(const std::vector<engine::BomLine>& bom, const catalog::Catalog& catalog) {
  std::string out = "category,item,name,detail,count,total_length_m,grade,source,note\r\n";
  for (const auto& l : bom) {
    std::string length;
    if (l.category == "cable") {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", l.length);
      length = buf;
    }
    const catalog::Provenance* p = provenanceOf(l, catalog);
    out += csvField(l.category) + ',' + csvField(l.item) + ',' + csvField(l.name) + ',' + csvField(l.detail) + ',' +
           std::to_string(l.count) + ',' + length + ',' + csvField(p ? p->grade : "") + ',' +
           csvField(p ? p->source : "") + ',' + csvField(p ? p->note : "") + "\r\n";
  }
  return out;
}

}  // namespace gigaplan::report
