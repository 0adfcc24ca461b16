// The open design, its undo stack and its file (see document.h).
#include "app/document/document.h"

#include <QFileInfo>
#include <QSaveFile>

#include "app/document/edit_command.h"
#include "core/io/design_io.h"
#include "core/model/design_validation.h"

namespace gigaplan::app {
namespace {

design::Design emptyDesign() {
  design::Design d;
  d.site.name = "Untitled site";
  d.site.size = {200, 120};
  d.headerComment = "# A GigaPlan design.\n";
  return d;
}

}  // namespace

Document::Document(const catalog::Catalog& base, QObject* parent) : QObject(parent), base_(base) {
  resolved_ = design::resolve(emptyDesign(), base_);
  connect(&undo_, &QUndoStack::cleanChanged, this, [this](bool) { emit modifiedChanged(isModified()); });
}

QString Document::open(const QString& path) {
  try {
    auto resolved = design::resolve(io::loadDesign(path.toStdString(), base_), base_);
    undo_.clear();
    // A variant ("site.yaml#gb300") is a design of its own that no file holds yet: Save asks where.
    const bool variant = !resolved->design.variant.empty();
    dirtyWithoutUndo_ = variant;
    resolved_ = std::move(resolved);
    snapshot_.reset();
    path_ = variant ? QString() : path;
    rememberDiskState();
    emit filePathChanged(path_);
    emit modifiedChanged(isModified());
    emit changed();
    return {};
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
}

void Document::adopt(design::Design d, const QString& path, bool modified) {
  resolved_ = design::resolve(std::move(d), base_);
  snapshot_.reset();
  undo_.clear();
  dirtyWithoutUndo_ = modified;
  path_ = path;
  rememberDiskState();
  emit filePathChanged(path_);
  emit modifiedChanged(isModified());
  emit changed();
}

QString Document::save(const QString& path) {
  // Files the site names relative to itself stay found from the new folder (Save As).
  const std::string text = io::designToYaml(io::relocated(resolved_->design, path.toStdString()));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("Cannot write %1: %2").arg(path, file.errorString());
  if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    const QString why = file.errorString();
    file.cancelWriting();
    return tr("Cannot write %1: %2").arg(path, why);
  }
  if (!file.commit()) return tr("Cannot save %1: %2 (the previous file is unchanged)").arg(path, file.errorString());
  const bool renamed = path != path_;
  path_ = path;
  dirtyWithoutUndo_ = false;
  undo_.setClean();
  rememberDiskState();
  if (renamed) emit filePathChanged(path_);
  emit modifiedChanged(false);
  return {};
}

void Document::reset() {
  undo_.clear();
  dirtyWithoutUndo_ = false;
  resolved_ = design::resolve(emptyDesign(), base_);
  snapshot_.reset();
  path_.clear();
  diskSize_ = -1;
  emit filePathChanged(path_);
  emit modifiedChanged(false);
  emit changed();
}

QString Document::check(design::Design next, std::shared_ptr<const design::ResolvedDesign>* resolved) const {
  // The rules loading applies, on the edited values (core/model), then resolving (references).
  if (const auto violation = model::firstDesignViolation(next)) return QString::fromStdString(violation->toString());
  try {
    auto after = design::resolve(std::move(next), base_);
    if (resolved) *resolved = std::move(after);
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

QString Document::edit(const QString& text, const std::function<void(design::Design&)>& change, int mergeKey) {
  design::Design next = resolved_->design;
  change(next);
  auto afterDesign = std::make_shared<const design::Design>(next);
  std::shared_ptr<const design::ResolvedDesign> after;
  if (QString why = check(std::move(next), &after); !why.isEmpty()) return why;
  if (!snapshot_) snapshot_ = std::make_shared<const design::Design>(resolved_->design);
  undo_.push(new EditCommand(*this, text, snapshot_, std::move(afterDesign), std::move(after), mergeKey));
  return {};
}

void Document::install(std::shared_ptr<const design::Design> design,
                       std::shared_ptr<const design::ResolvedDesign> resolved) {
  // Snapshots were valid when taken and the base catalog does not change while the document
  // lives, so resolving again gives the same layout.
  resolved_ = resolved ? std::move(resolved) : design::resolve(*design, base_);
  snapshot_ = std::move(design);
  emit changed();
}

bool Document::changedOnDisk() const {
  if (path_.isEmpty() || diskSize_ < 0) return false;
  const QFileInfo info(path_);
  if (!info.exists()) return true;
  return info.lastModified() != diskModified_ || info.size() != diskSize_;
}

void Document::rememberDiskState() {
  const QFileInfo info(path_);
  diskModified_ = info.exists() ? info.lastModified() : QDateTime();
  diskSize_ = info.exists() ? info.size() : -1;
}

}  // namespace gigaplan::app
