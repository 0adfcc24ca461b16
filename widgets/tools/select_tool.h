// Selection gestures on a SiteView beyond a plain click (which SiteView handles): Ctrl+click
// toggles an object, Ctrl+drag draws a rubber band whose objects are added, and in box mode a
// plain drag on empty floor draws a band that replaces the selection. An object is in the band
// when its centre (at half height) projects inside it.
//
//   SelectTool select(view);            // install before MoveTool, so a drag on an object moves it
//   select.setBoxMode(true);
#pragma once

#include <QObject>
#include <QPoint>
#include <QRect>
#include <QStringList>

class QRubberBand;

namespace gigaplan::widgets {

class SiteView;

class SelectTool : public QObject {
  Q_OBJECT
 public:
  /// Installs itself as an event filter on `view` (which must outlive it).
  explicit SelectTool(SiteView& view);
  ~SelectTool() override;

  void setBoxMode(bool on) { boxMode_ = on; }
  bool boxMode() const { return boxMode_; }
  /// Ids of the racks, power nodes and cooling units whose centres project inside `rect`
  /// (widget coordinates).
  QStringList idsInRect(const QRect& rect) const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void finish(const QPoint& pos);

  SiteView& view_;
  QRubberBand* band_;
  bool boxMode_ = false;
  bool pressed_ = false, adding_ = false;
  QPoint pressPos_;
};

}  // namespace gigaplan::widgets
