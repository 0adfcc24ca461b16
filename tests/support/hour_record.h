// A power profile with only what the texts about its spectral lines read (dynamics::lineCause,
// dynamics::slowestLineOnly, report::dominantText): an hour's record at 10 Hz of a flat draw, the
// step period and a checkpoint every 2 min (110 s apart, 10 s to write).
//
//   dynamics::PowerProfile p = testsupport::hourRecord(6.0);
//   dynamics::lineCause(p, 1 / 6.0);  // "the training steps"
#pragma once

#include "core/dynamics/power_profile.h"

namespace gigaplan::testsupport {

inline dynamics::PowerProfile hourRecord(double stepPeriod) {
  dynamics::PowerProfile p;
  p.waveform.dt = 0.1;
  p.waveform.site.assign(36000, 0.0);
  p.step.period = stepPeriod;
  p.scenario.checkpointInterval = 110;
  p.scenario.checkpointWrite = 10;
  return p;
}

}  // namespace gigaplan::testsupport
