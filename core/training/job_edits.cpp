// Settling a job after one field's edit (see job_edits.h).
#include "core/training/job_edits.h"

#include <algorithm>

#include "core/training/flops.h"

namespace gigaplan::training {

void dropRecomputeModule(Parallelism& p, RecomputeModule module) {
  p.recomputeModules &= ~static_cast<unsigned>(module);
  if (p.recomputeModules == 0) p.recomputeModules = kRecomputeCoreAttention;  // selective's default
}

namespace {

// The recompute modules the model no longer has leave the selective set.
void settleRecomputeModules(Job& job) {
  const unsigned has = recomputeModulesOf(job.model);
  for (const auto& m : kRecomputeModuleNames)
    if ((has & m.bit) == 0) dropRecomputeModule(job.parallelism, m.bit);
}

}  // namespace

void settleExperts(Job& job) {
  MoE& moe = job.model.moe;
  if (moe.experts == 0) {
    moe = {};
    job.parallelism.ep = 1;
    settleExpertOptions(job);
    settleRecomputeModules(job);
    return;
  }
  if (moe.topK == 0) moe.topK = 1;
  if (moe.expertFfnHidden == 0) moe.expertFfnHidden = job.model.ffnHidden;
}

void settleExpertOptions(Job& job) {
  if (!expertOverlapAllowed(job.parallelism)) job.parallelism.epOverlap = false;
  Parallelism& p = job.parallelism;
  if (p.ep <= 1) p.epPerNode = false;                                // no dispatch to shape
  if (!p.epOverlap && p.commSms > 0) p.commSms = kAutomaticCommSms;  // no exchange beside the computation
  // Folding needs a TP to fold and the sequence shard to take its tokens from; expert TP = TP is
  // the default, written as none.
  if (p.expertTp != 1 || !expertFoldingAllowed(job)) p.expertTp = 0;
}

void settleLatentAttention(Job& job) {
  LatentAttention& a = job.model.mla;
  if (a.kvLoraRank <= 0) {
    a = {};
    settleRecomputeModules(job);
    return;
  }
  if (a.qkNopeHeadDim > 0 && a.qkRopeHeadDim > 0 && a.vHeadDim > 0) return;
  Model plain = job.model;  // the GQA head the latent replaces
  plain.mla = {};
  const int head = std::max(2, static_cast<int>(queryHeadDim(plain)));
  if (a.qkNopeHeadDim <= 0) a.qkNopeHeadDim = head;
  if (a.qkRopeHeadDim <= 0) a.qkRopeHeadDim = head / 2;
  if (a.vHeadDim <= 0) a.vHeadDim = head;
}

}  // namespace gigaplan::training
