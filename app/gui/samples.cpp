// Locating the bundled samples (see samples.h).
#include "app/gui/samples.h"

#include <QDir>
#include <QFileInfo>

#include "core/catalog/catalog_loader.h"

namespace gigaplan::app {

QString samplesFolder() {
  if (const QByteArray env = qgetenv("GIGAPLAN_SAMPLES"); !env.isEmpty()) return QString::fromUtf8(env);
  // Installed: share/gigaplan/samples next to the catalog; in the source tree: samples/ beside resources/.
  const QString resources = QString::fromStdString(catalog::defaultResourceDir());
  for (const QString& folder : {resources + "/samples", resources + "/../samples"})
    if (QFileInfo::exists(folder)) return QDir(folder).canonicalPath();
  return QStringLiteral(GIGAPLAN_DEFAULT_SAMPLES_DIR);
}

bool isBundledSample(const QString& path) {
  if (path.isEmpty()) return false;
  const QFileInfo file(path);
  const QString folder = QDir(samplesFolder()).canonicalPath();
  const QString dir = file.exists() ? file.canonicalPath() : QDir(file.absolutePath()).canonicalPath();
  return !folder.isEmpty() && dir == folder;
}

std::vector<SampleFile> bundledSamples() {
  const QString folder = samplesFolder();
  const std::pair<const char*, const char*> known[] = {
      {"Teaching hall", "teaching-hall.yaml"},
      {"DGX SuperPOD GB200 scalable unit", "superpod-gb200-su.yaml"},
      {"Llama 3 cluster (24,576 H100)", "llama3-cluster.yaml"},
      {"Colossus-1-like site (~100k H100)", "colossus1-like.yaml"},
      {"Gigawatt campus", "gigawatt-campus.yaml"},
  };
  std::vector<SampleFile> out;
  for (const auto& [title, file] : known) {
    const QString path = QDir(folder).filePath(file);
    if (QFileInfo::exists(path)) out.push_back({title, path});
  }
  return out;
}

}  // namespace gigaplan::app
