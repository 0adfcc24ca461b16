// Report sections: findings, bill of materials, assumptions and sources.
#include <map>

#include "core/report/assumptions.h"
#include "core/report/catalog_usage.h"
#include "core/report/report_sections.h"

namespace gigaplan::report::sections {

Section findings(const ReportInputs& in) {
  const engine::Evaluation& e = in.eval;
  Section s{"findings", "Findings", {}};
  if (e.findings.empty()) {
    s.blocks.push_back(Paragraph{"The engine found nothing to flag."});
    return s;
  }
  s.blocks.push_back(Paragraph{
      counted(e.errors, "error") + ", " + counted(e.warnings, "warning") + " and " + counted(e.infos, "note") +
      ". Errors first; each names the object to look at (select it by id in GigaPlan's 3D view)."});
  struct ByCode {
    engine::Severity severity;
    std::int64_t n = 0;
    std::string firstObject, message;
  };
  std::map<std::string, ByCode> codes;
  std::vector<std::string> order;
  for (const auto& f : e.findings) {
    auto [it, inserted] = codes.try_emplace(f.code, ByCode{f.severity, 0, f.object, f.message});
    if (inserted) order.push_back(f.code);
    ++it->second.n;
  }
  if (codes.size() > 1 && e.findings.size() > codes.size()) {
    Table t;
    t.caption = "Findings by kind";
    t.columns = {
        {"code", Align::Left, 1.2}, {"severity", Align::Left}, {"count", Align::Right}, {"first", Align::Left, 2.5}};
    for (const auto& code : order) {
      const ByCode& c = codes[code];
      t.rows.push_back({code, std::string(engine::toString(c.severity)), count(c.n),
                        (c.firstObject.empty() ? std::string("site") : c.firstObject) + ": " + c.message});
      t.rowTones.push_back(toneOf(static_cast<int>(c.severity)));
    }
    s.blocks.push_back(std::move(t));
  }
  Table t;
  t.caption = "Every finding";
  t.columns = {
      {"severity", Align::Left}, {"object", Align::Left, 1.2}, {"code", Align::Left, 1.2}, {"message", Align::Left, 4}};
  const std::size_t shown = std::min(e.findings.size(), static_cast<std::size_t>(std::max(in.maxFindingRows, 0)));
  for (std::size_t i = 0; i < shown; ++i) {
    const engine::Finding& f = e.findings[i];
    t.rows.push_back(
        {std::string(engine::toString(f.severity)), f.object.empty() ? "site" : f.object, f.code, f.message});
    t.rowTones.push_back(toneOf(static_cast<int>(f.severity)));
  }
  if (shown < e.findings.size()) {
    t.footnote = "Showing " + count(static_cast<std::int64_t>(shown)) + " of " +
                 count(static_cast<std::int64_t>(e.findings.size())) + "; the JSON report lists every one.";
  }
  s.blocks.push_back(std::move(t));
  return s;
}

Section billOfMaterials(const ReportInputs& in) {
  Section s{"bom", "Bill of materials", {}};
  Table t;
  t.caption = "Equipment by catalog item (cables by medium and length bucket)";
  t.columns = {{"category", Align::Left}, {"item", Align::Left, 1.3}, {"name", Align::Left, 2.2},
               {"detail", Align::Left},   {"count", Align::Right},    {"length", Align::Right}};
  for (const auto& l : in.eval.bom) {
    t.rows.push_back({l.category, l.item, l.name, kindLabel(l.detail), count(l.count),
                      l.category == "cable" ? kApprox + length(l.length) : std::string()});
  }
  if (t.rows.empty())
    s.blocks.push_back(Paragraph{"Nothing to list."});
  else
    s.blocks.push_back(std::move(t));
  return s;
}

namespace {

std::string sectionLabel(const std::string& section) {
  if (section == "gpus") return "GPU";
  if (section == "racks") return "rack";
  if (section == "switches") return "switch";
  if (section == "media") return "cable";
  if (section == "power_gear") return "power";
  if (section == "cooling_gear") return "cooling";
  return section;
}

}  // namespace

Section sources(const ReportInputs& in) {
  Section s{"sources", "Assumptions and sources", {}};
  s.blocks.push_back(
      Paragraph{"Every catalog entry this design uses, with where its figures come from. Grades: V vendor "
                "document, S secondary source, E arithmetic on sourced inputs, U unverified \u2014 a planning "
                "default to replace with a quote or datasheet before committing."});
  Table t;
  t.caption = "Catalog entries used";
  t.columns = {{"kind", Align::Left},  {"id", Align::Left, 1.3},     {"used", Align::Right},
               {"grade", Align::Left}, {"source", Align::Left, 2.4}, {"note", Align::Left, 3}};
  int defaults = 0;
  for (const CatalogUse& u : catalogUsed(in.design, in.eval)) {
    std::string note = u.provenance.note;
    if (u.planningDefault()) {
      ++defaults;
      if (note.find("planning default") == std::string::npos)  // the note may say so itself
        note.insert(0, note.empty() ? "planning default (grade U)" : "planning default (grade U); ");
    }
    if (u.changedByDesign) note += std::string(note.empty() ? "" : "; ") + "changed in the design's catalog: section";
    t.rows.push_back({sectionLabel(u.section), u.id + (u.name.empty() ? "" : " (" + u.name + ")"), count(u.count),
                      u.provenance.grade, u.provenance.source, note});
    t.rowTones.push_back(u.planningDefault() ? Tone::Warning : Tone::Normal);
  }
  if (defaults > 0) {
    s.blocks.push_back(Paragraph{
        count(defaults) + " of the entries used are planning defaults (grade U), highlighted below.", Tone::Warning});
  }
  s.blocks.push_back(std::move(t));

  s.blocks.push_back(Paragraph{"Modelling assumptions behind the figures:", Tone::Normal, true});
  for (const auto& a : modelAssumptions(in.design, in.eval, in.training.ok))
    s.blocks.push_back(Paragraph{a, Tone::Note});
  return s;
}

}  // namespace gigaplan::report::sections
