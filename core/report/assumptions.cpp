// Modelling assumptions as sentences (see assumptions.h).
#include "core/report/assumptions.h"

#include "core/power/power_analysis.h"
#include "core/report/report_format.h"

namespace gigaplan::report {

std::string coolingRatingNote() {
  return "Cooling capacities and chiller COPs are taken at their catalog ratings at any ambient: on a design day "
         "hotter than the conditions a unit was rated at, its real capacity and COP are lower, so the cooling "
         "margins shown are optimistic and the chillers' draw is understated (the year's hour-by-hour model "
         "derates dry coolers and towers with the approach left).";
}

std::vector<std::string> modelAssumptions(const design::ResolvedDesign& r, const engine::Evaluation& e,
                                          bool withTraining) {
  const design::Design& d = r.design;
  std::vector<std::string> a = {
      "Loads: racks draw their catalog design power for energy and PUE, and their peak power for capacity checks.",
      // Sentences too long for one line continue on the next (adjacent literals join on purpose).
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
      "Power flow: each node's draw is split evenly between its feeds; conversion losses follow the gear's "
      "efficiency-by-load curve where its catalog entry gives one (below the curve's first point, a fixed no-load "
      "loss plus a part growing with the square of the load), and its rated efficiency at every load otherwise (an "
      "approximation: real efficiency falls at light load).",
      "Substations and transformers are rated in MVA; their real-power capacity is rating \u00d7 the site power factor "
      "(" +
          fixed(d.site.powerFactor, 2) +
          "). Busways, switchboards and PDUs are limited by their current: their rating is stated at a power factor "
          "and their capacity is rating \u00d7 the site power factor over that one.",
      "Batteries that carry the site for less than " + fixed(power::kRideThroughTarget / 60, 0) +
          " minutes at its peak draw are flagged (a common UPS autonomy target; grade U); a design without "
          "batteries has no ride-through to check.",
      "Cooling: pumps and fans draw in proportion to load, chillers draw heat / COP. " + coolingRatingNote() +
          " Heat of pumps, fans and compressors is passed on with the heat they move; losses of power gear standing "
          "inside a hall heat that hall's air, gear outside loses to ambient.",
      "Fabric: cables are routed over trays at " + fixed(d.network.trayHeight, 1) + " m with " +
          percent(d.network.slack) + " slack; each link takes the cheapest medium that reaches.",
      "Failure domains count what stops immediately when one element fails; batteries are not an alternate path. A "
      "rack stops with a leaf switch its GPUs link to; switches above the leaves have parallel peers and are not "
      "counted, nor is a switch's own failure. A switch beside a row draws on the adjacent rack's feeds, both when it "
      "has two (its two supplies).",
      "Site plan: north is +y of the site coordinates.",
  };
  for (const auto& n : e.fabric.notes) a.push_back("Fabric: " + n);
  if (withTraining) {
    a.push_back(
        "Training: the cluster is derived from this evaluation (most numerous GPU type, its scale-up domain, the "
        "fabric's injection bandwidth and oversubscription, the PUE, IT and network power per GPU, the largest "
        "failure domain); interruption rates are calibrated on Llama 3 (419 unexpected interruptions in 54 days on "
        "16,384 H100): causes of a GPU scale with the job's GPUs, causes of a host with its hosts (8 GPUs to a "
        "host in HGX servers, 4 to a compute tray in NVL72-class racks); the checkpoint interval is Young/Daly's "
        "optimum.");
  }
  return a;
}

}  // namespace gigaplan::report
