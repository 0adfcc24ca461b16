// Kernel time formulas (see kernels.h).
#include "core/training/kernels.h"

#include <algorithm>
#include <cmath>

namespace gigaplan::training {
namespace {

// Share of SM slots doing useful work when `tiles` output tiles run in whole waves.
double waveEfficiency(double tiles, int sms) {
  const double waves = std::ceil(tiles / sms);
  return tiles / (waves * sms);
}

// Tiles for an orientation; a partial tile costs a whole one.
double tiles(double m, double n, double tm, double tn) {
  return std::ceil(m / tm) * std::ceil(n / tn);
}

}  // namespace

double gemmShapeEfficiency(const GpuParams& g, double m, double n, double k) {
  const double a = waveEfficiency(tiles(m, n, kTileShort, kTileLong), g.eff.smCount) *
                   (m * n / (tiles(m, n, kTileShort, kTileLong) * kTileShort * kTileLong));
  const double b = waveEfficiency(tiles(m, n, kTileLong, kTileShort), g.eff.smCount) *
                   (m * n / (tiles(m, n, kTileLong, kTileShort) * kTileShort * kTileLong));
  return std::max(a, b) * k / (k + g.eff.gemmKOverhead);
}

double gemmTime(const GpuParams& g, double m, double n, double k, double peak, double fraction, double elementBytes) {
  const double flops = 2 * m * n * k;
  const double compute = flops / (peak * fraction * gemmShapeEfficiency(g, m, n, k));
  // Inputs at elementBytes, output written in BF16.
  const double bytes = (m * k + k * n) * elementBytes + 2 * m * n;
  return std::max(compute, memoryTime(g, bytes));
}

LinearTimes linearTimes(const GpuParams& g, double tokens, double in, double out, double peak, double fraction,
                        double elementBytes) {
  LinearTimes t;
  t.forward = gemmTime(g, tokens, out, in, peak, fraction, elementBytes);
  // Activation gradient: tokens × in, reducing over out. Weight gradient: in × out, reducing over tokens.
  t.backward = gemmTime(g, tokens, in, out, peak, fraction, elementBytes) +
               gemmTime(g, in, out, tokens, peak, fraction, elementBytes);
  return t;
}

double memoryTime(const GpuParams& g, double bytes) {
  return bytes / (g.hbmBandwidth * g.eff.hbmFraction);
}

double fusedAttentionTime(const GpuParams& g, double flops, double headDim) {
  constexpr double kHalf = 64;  // head dims below 128 lose ~25 % at 64 (FlashAttention-2 paper, fig. 4-5)
  const double shape = (headDim / (headDim + kHalf)) / (128.0 / (128.0 + kHalf));
  return flops / (g.bf16 * g.eff.attentionFraction * std::min(shape, 1.3));
}

}  // namespace gigaplan::training
