// Series figures and spectra (see spectrum.h).
#include "core/dynamics/spectrum.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <deque>
#include <numeric>
#include <unsupported/Eigen/FFT>

#include "core/units/rates.h"

namespace gigaplan::dynamics {

Spectrum amplitudeSpectrum(const std::vector<double>& series, double dt) {
  Spectrum s;
  const std::size_t n = series.size();
  if (n < 2 || dt <= 0) return s;
  const double mean = std::accumulate(series.begin(), series.end(), 0.0) / static_cast<double>(n);
  std::vector<double> centred(n);
  std::transform(series.begin(), series.end(), centred.begin(), [mean](double v) { return v - mean; });
  Eigen::FFT<double> fft;
  fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
  std::vector<std::complex<double>> bins;
  fft.fwd(bins, centred);
  const std::size_t half = n / 2;
  s.frequency.resize(half + 1);
  s.amplitude.resize(half + 1);
  for (std::size_t k = 0; k <= half && k < bins.size(); ++k) {
    s.frequency[k] = static_cast<double>(k) / (static_cast<double>(n) * dt);
    // A sinusoid of amplitude A puts A·n/2 in its bin (both halves of a real spectrum); the
    // Nyquist bin of an even n and the mean have no twin.
    const bool single = k == 0 || (n % 2 == 0 && k == half);
    s.amplitude[k] = std::abs(bins[k]) * (single ? 1.0 : 2.0) / static_cast<double>(n);
  }
  return s;
}

WindowChange largestChange(const std::vector<double>& x, double dt, double window, double limit) {
  WindowChange c;
  const auto span = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(window / dt)));
  std::deque<std::size_t> lo, hi;  // indices of the window's running min and max
  for (std::size_t i = 0; i < x.size(); ++i) {
    while (!lo.empty() && x[lo.back()] >= x[i]) lo.pop_back();
    while (!hi.empty() && x[hi.back()] <= x[i]) hi.pop_back();
    lo.push_back(i);
    hi.push_back(i);
    while (lo.front() + span < i) lo.pop_front();  // the window holds samples i − span … i
    while (hi.front() + span < i) hi.pop_front();
    const double range = x[hi.front()] - x[lo.front()];
    const double at = static_cast<double>(i) * dt;
    if (range > c.range) c.range = range, c.at = at;
    if (limit > 0 && c.firstBreach < 0 && range > limit) c.firstBreach = at;
  }
  return c;
}

namespace {

// `x` less its least-squares straight line.
std::vector<double> withoutTrend(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  double sumY = 0, sumIY = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sumY += x[i], sumIY += static_cast<double>(i) * x[i];
  const double meanI = (n - 1) / 2, meanY = sumY / n;
  const double varI = (n * n - 1) / 12;  // of 0, 1, …, n − 1
  const double slope = n > 1 ? (sumIY / n - meanI * meanY) / varI : 0;
  std::vector<double> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] - meanY - slope * (static_cast<double>(i) - meanI);
  return out;
}

}  // namespace

SeriesFigures analyzeSeries(const std::vector<double>& x, double dt, double bandLow, double bandHigh,
                            Dominant dominant) {
  SeriesFigures f;
  if (x.empty()) return f;
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  f.peak = *hi;
  f.trough = *lo;
  f.swing = f.peak - f.trough;
  f.energy = std::accumulate(x.begin(), x.end(), 0.0) * dt;
  f.mean = f.energy / (dt * static_cast<double>(x.size()));
  for (std::size_t i = 1; i < x.size(); ++i) {
    const double ramp = std::fabs(x[i] - x[i - 1]) / dt;
    if (ramp > f.fastestRamp) f.fastestRamp = ramp, f.fastestRampAt = static_cast<double>(i) * dt;
  }
  const Spectrum s = amplitudeSpectrum(x, dt);
  const double nyquist = 0.5 / dt;
  f.bandLow = bandLow;
  f.bandHigh = std::min(bandHigh, nyquist);
  f.bandCut = bandHigh > nyquist * (1 + 1e-9);
  double total = 0, inBand = 0;
  for (std::size_t k = 1; k < s.amplitude.size(); ++k) {
    const double a = s.amplitude[k], power = a * a;  // a sinusoid's variance is A²/2: the ratio is the same
    total += power;
    if (s.frequency[k] >= bandLow && s.frequency[k] <= bandHigh) {
      inBand += power;
      if (a > f.bandAmplitude) f.bandAmplitude = a, f.bandFrequency = s.frequency[k];
    }
  }
  f.bandShare = total > 0 ? inBand / total : 0;
  if (dominant == Dominant::Skip) return f;
  // The dominant line of what oscillates: a drift over the record (a battery settling, cooling
  // catching up) or a single event (a restart's dip) fills the lowest lines, so the line is picked
  // among those repeating kMinPeriods times in the record once its least-squares line is taken
  // out; its amplitude is the record's own.
  const Spectrum detrended = amplitudeSpectrum(withoutTrend(x), dt);
  double largest = 0;
  for (std::size_t k = kMinPeriods; k < detrended.amplitude.size() && k < s.amplitude.size(); ++k) {
    if (detrended.amplitude[k] <= largest) continue;
    largest = detrended.amplitude[k];
    f.dominantFrequency = s.frequency[k];
    f.dominantAmplitude = s.amplitude[k];
  }
  return f;
}

std::string bandText(const SeriesFigures& f) {
  return units::formatFrequency(f.bandLow) + "\u2013" + units::formatFrequency(f.bandHigh);
}

}  // namespace gigaplan::dynamics
