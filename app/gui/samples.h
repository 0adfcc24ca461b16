// The bundled samples: where they are and how the Samples menu names them.
#pragma once

#include <QString>
#include <vector>

namespace gigaplan::app {

struct SampleFile {
  QString title;  // "Gigawatt campus"
  QString path;
};

/// The samples folder: $GIGAPLAN_SAMPLES, next to the resources, or the source tree's samples/.
QString samplesFolder();
/// True when `path` is a file in the samples folder: samples open read-only (Save asks where).
bool isBundledSample(const QString& path);
/// Every sample, smallest first.
std::vector<SampleFile> bundledSamples();

}  // namespace gigaplan::app
