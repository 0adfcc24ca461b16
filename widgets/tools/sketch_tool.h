// Drawing a shape on the floor of a SiteView: with the tool on, a left press anywhere (on the
// floor or on an object) starts a sketch, moving reports the floor points under the press and the
// cursor, and releasing past a few pixels finishes it; Esc, or a release where it started,
// cancels. The tool knows no shapes: whoever listens turns the two points into a hall or a row,
// judges it, and answers with setOutline, which the view draws in the wire colour, or the refusal
// colour when it cannot be added. Used by the editor's Draw hall and Draw row modes.
//
//   SketchTool sketch(view);
//   sketch.setEnabled(true);
//   connect(&sketch, &SketchTool::sketched, editor, [&](QPointF a, QPointF b) {
//     sketch.setOutline(rectangle(a, b), editor.canAddHall(a, b));
//   });
//   connect(&sketch, &SketchTool::finished, editor, &Editor::addHall);
#pragma once

#include <QObject>
#include <QPointF>
#include <array>
#include <vector>

namespace gigaplan::widgets {

class SiteView;

class SketchTool : public QObject {
  Q_OBJECT
 public:
  /// Installs itself as an event filter on `view` (which must outlive it). Off until enabled.
  explicit SketchTool(SiteView& view);
  ~SketchTool() override;

  void setEnabled(bool on);
  bool isEnabled() const { return enabled_; }
  bool sketching() const { return pressed_; }
  /// Closed outline to show (site coordinates, m, on the floor), and whether it can be added.
  void setOutline(const std::vector<std::array<double, 2>>& corners, bool allowed);

 signals:
  /// The floor points (m) under the press and under the cursor now.
  void sketched(QPointF from, QPointF to);
  void finished(QPointF from, QPointF to);
  void cancelled();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void clear();

  SiteView& view_;
  bool enabled_ = false, pressed_ = false, moved_ = false;
  QPointF pressPos_, from_, to_;
};

}  // namespace gigaplan::widgets
