// What a planner reads off a sampled power series: peak, trough, swing, the fastest ramp, the
// largest change within a window (a second: a step; a minute: a ramp), and its spectrum — the
// dominant frequency and the share of the swing's energy inside a band (grid operators watch
// 0.1–20 Hz, arXiv 2508.14318). The transform is Eigen's FFT module (kissfft inside), never our own.
//
//   SeriesFigures f = analyzeSeries(w.site, w.dt, 0.1, 20);
//   f.swing, f.fastestRamp, f.dominantFrequency, f.bandShare ...
#pragma once

#include <string>
#include <vector>

namespace gigaplan::dynamics {

/// One-sided amplitude spectrum of a series (its mean removed): amplitude[k] is the amplitude of
/// the sinusoid at frequency[k] = k / (n · dt), so a sine of amplitude A shows A at its frequency.
struct Spectrum {
  std::vector<double> frequency;  // Hz
  std::vector<double> amplitude;  // same unit as the series
};
Spectrum amplitudeSpectrum(const std::vector<double>& series, double dt);

/// The largest (max − min) inside any window of `window` seconds, where it first happens (the
/// window's end, s), and when the range first exceeded `limit` (−1 when never, or limit ≤ 0).
struct WindowChange {
  double range = 0;
  double at = 0;
  double firstBreach = -1;
};
WindowChange largestChange(const std::vector<double>& series, double dt, double window, double limit = 0);

/// Periods a line must repeat within the record to be called the dominant oscillation: one
/// period is the record's drift or a single event, not an oscillation.
inline constexpr std::size_t kMinPeriods = 3;

struct SeriesFigures {
  double mean = 0, peak = 0, trough = 0, swing = 0;  // W
  double energy = 0;                                 // J over the series
  double fastestRamp = 0;                            // W/s between neighbouring samples (absolute)
  double fastestRampAt = 0;                          // s
  // Hz of the largest line repeating at least kMinPeriods times in the record, its linear drift
  // taken out (0: none)
  double dominantFrequency = 0;
  double dominantAmplitude = 0;                 // W
  double bandShare = 0;                         // share of the swing's energy (variance) inside the band
  double bandFrequency = 0, bandAmplitude = 0;  // the largest line inside the band
  // The band analysed, Hz: the band asked, its top cut at the highest frequency the sampling
  // resolves (Nyquist, 1 / (2 dt)); bandCut when it was.
  double bandLow = 0, bandHigh = 0;
  bool bandCut = false;
};

/// The band analysed, as texts print it: "0.1 Hz–5 Hz".
std::string bandText(const SeriesFigures& f);
/// Whether analyzeSeries finds the dominant line (a second spectrum, of the detrended series): a
/// check that reads only the band, as the battery sizing's trials do, skips it.
enum class Dominant { Find, Skip };
SeriesFigures analyzeSeries(const std::vector<double>& series, double dt, double bandLow, double bandHigh,
                            Dominant dominant = Dominant::Find);

}  // namespace gigaplan::dynamics
