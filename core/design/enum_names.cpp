// Names of the design, catalog and training enums as they are written in files and reports.
#include "core/base/thousands.h"
#include "core/catalog/catalog.h"
#include "core/design/design.h"
#include "core/training/job.h"

namespace gigaplan {

std::string_view catalog::toString(RackKind k) {
  switch (k) {
    case RackKind::Compute:
      return "compute";
    case RackKind::Network:
      return "network";
    case RackKind::Storage:
      return "storage";
  }
  return "?";
}
std::string_view catalog::toString(MediumKind k) {
  switch (k) {
    case MediumKind::PassiveCopper:
      return "passive-copper";
    case MediumKind::ActiveCopper:
      return "active-copper";
    case MediumKind::ActiveOptical:
      return "aoc";
    case MediumKind::Multimode:
      return "multimode";
    case MediumKind::SingleMode:
      return "single-mode";
  }
  return "?";
}
std::string_view catalog::toString(PowerGearKind k) {
  switch (k) {
    case PowerGearKind::Substation:
      return "substation";
    case PowerGearKind::Transformer:
      return "transformer";
    case PowerGearKind::Switchboard:
      return "switchboard";
    case PowerGearKind::Ups:
      return "ups";
    case PowerGearKind::Busway:
      return "busway";
    case PowerGearKind::Pdu:
      return "pdu";
    case PowerGearKind::Generator:
      return "generator";
    case PowerGearKind::Battery:
      return "battery";
  }
  return "?";
}
std::string_view catalog::toString(CoolingGearKind k) {
  switch (k) {
    case CoolingGearKind::Cdu:
      return "cdu";
    case CoolingGearKind::Chiller:
      return "chiller";
    case CoolingGearKind::DryCooler:
      return "dry-cooler";
    case CoolingGearKind::CoolingTower:
      return "cooling-tower";
    case CoolingGearKind::AirHandler:
      return "air-handler";
  }
  return "?";
}
std::string_view design::toString(PowerKind k) {
  switch (k) {
    case PowerKind::Grid:
      return "grid";
    case PowerKind::Substation:
      return "substation";
    case PowerKind::Generator:
      return "generator";
    case PowerKind::Battery:
      return "battery";
    case PowerKind::Transformer:
      return "transformer";
    case PowerKind::Switchboard:
      return "switchboard";
    case PowerKind::Ups:
      return "ups";
    case PowerKind::Busway:
      return "busway";
    case PowerKind::Pdu:
      return "pdu";
  }
  return "?";
}
std::string_view design::toString(Redundancy r) {
  switch (r) {
    case Redundancy::None:
      return "none";
    case Redundancy::NPlus1:
      return "n+1";
    case Redundancy::TwoN:
      return "2n";
  }
  return "?";
}
std::string_view design::toString(CoolingKind k) {
  switch (k) {
    case CoolingKind::Cdu:
      return "cdu";
    case CoolingKind::Chiller:
      return "chiller";
    case CoolingKind::DryCooler:
      return "dry-cooler";
    case CoolingKind::CoolingTower:
      return "cooling-tower";
    case CoolingKind::AirHandler:
      return "air-handler";
  }
  return "?";
}
std::string_view design::toString(Topology t) {
  switch (t) {
    case Topology::RailOptimizedFatTree:
      return "rail-optimized";
    case Topology::FatTree:
      return "fat-tree";
    case Topology::LeafSpine:
      return "leaf-spine";
  }
  return "?";
}
std::string_view design::toString(LeafPlacement p) {
  switch (p) {
    case LeafPlacement::EndOfRow:
      return "end-of-row";
    case LeafPlacement::MiddleOfRow:
      return "middle-of-row";
    case LeafPlacement::NetworkRow:
      return "network-row";
  }
  return "?";
}
std::string_view training::toString(Precision p) {
  switch (p) {
    case Precision::BF16:
      return "bf16";
    case Precision::FP8:
      return "fp8";
    case Precision::FP4:
      return "fp4";
    case Precision::FP16:
      return "fp16";
  }
  return "?";
}
std::string_view training::toString(TpOverlap o) {
  switch (o) {
    case TpOverlap::Automatic:
      return "auto";
    case TpOverlap::None:
      return "none";
    case TpOverlap::Backward:
      return "backward";
    case TpOverlap::Full:
      return "full";
  }
  return "?";
}
namespace {
std::string_view tpOverlapText(const training::Parallelism& p) {
  switch (p.tpOverlap) {
    case training::TpOverlap::Automatic:
      return "";
    case training::TpOverlap::None:
      return ", TP exchanges blocking";
    case training::TpOverlap::Backward:
      return ", TP exchanges overlapped in the backward";
    case training::TpOverlap::Full:
      return ", TP exchanges overlapped";
  }
  return "";
}
}  // namespace
std::string training::planShapeText(const Job& job) {
  const Parallelism& p = job.parallelism;
  std::string s = "TP " + base::thousands(p.tp) + " \u00b7 PP " + base::thousands(p.pp) + " \u00b7 DP " +
                  base::thousands(p.dp) + " \u00b7 CP " + base::thousands(p.cp);
  if (p.ep > 1) s += " \u00b7 EP " + base::thousands(p.ep);
  if (p.virtualStages > 1) s += ", " + std::to_string(p.virtualStages) + " virtual stages";
  if (p.dualPipe) s += ", DualPipe";
  if (p.epOverlap) s += ", EP all-to-all overlapped";
  if (const int sms = effectiveCommSms(p); sms > 0) s += " on " + std::to_string(sms) + " SMs of its own";
  if (p.epPerNode) s += ", EP dispatched per node";
  if (expertsFolded(p)) s += ", experts folded (expert TP 1)";
  return s;
}
std::string training::planText(const Job& job) {
  const Parallelism& p = job.parallelism;
  std::string s = planShapeText(job);
  s += ", micro-batch " + std::to_string(job.training.microBatch) + ", recompute " + recomputeText(p);
  if (p.sequenceParallel) s += ", sequence parallel";
  s += tpOverlapText(p);
  if (p.fsdp)
    s += ", FSDP";
  else if (p.distributedOptimizer)
    s += ", distributed optimizer";
  return s;
}
std::string training::recomputeModulesText(unsigned modules) {
  std::string s;
  for (const auto& m : kRecomputeModuleNames) {
    if ((modules & m.bit) == 0) continue;
    if (!s.empty()) s += ", ";
    s += m.label;
  }
  return s;
}
std::string training::recomputeText(const Parallelism& p) {
  std::string s(toString(p.recompute));
  if (p.recompute != Recompute::Selective || p.recomputeModules == kRecomputeCoreAttention) return s;
  return s + " (" + recomputeModulesText(p.recomputeModules) + ")";
}
std::string_view training::toString(Recompute r) {
  switch (r) {
    case Recompute::None:
      return "none";
    case Recompute::Selective:
      return "selective";
    case Recompute::Full:
      return "full";
  }
  return "?";
}

}  // namespace gigaplan
