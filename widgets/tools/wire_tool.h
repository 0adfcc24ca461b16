// Drawing a connection in a SiteView: with the tool on, a left press on an object and a drag onto
// another one asks to connect them — a rack row to its feed or CDU, a UPS to its transformer, a CDU
// to its dry cooler. The press takes the selection when it grabbed a selected object (else just
// that object), a line follows the cursor, and whoever listens judges each target as the cursor
// reaches it (hovered) and answers with setVerdict: the line turns the refusal colour and the
// cursor a "no" sign when the drop would be refused. Releasing over the target drops (with Shift:
// the racks' second feed); Esc or a release elsewhere cancels. What a link means is the editor's.
//
//   WireTool wire(view);
//   wire.setEnabled(true);
//   connect(&wire, &WireTool::hovered, editor, [&](QStringList from, QString to, bool second) {
//     wire.setVerdict(editor.previewLink(from, to, second).refusal.empty());
//   });
//   connect(&wire, &WireTool::dropped, editor, &Editor::connectLink);
#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace gigaplan::widgets {

class SiteView;

class WireTool : public QObject {
  Q_OBJECT
 public:
  /// Installs itself as an event filter on `view` (which must outlive it). Off until enabled.
  explicit WireTool(SiteView& view);
  ~WireTool() override;

  void setEnabled(bool on);
  bool isEnabled() const { return enabled_; }
  bool dragging() const { return !from_.isEmpty(); }
  /// Whether dropping on the current target would be accepted (the listener's judgement).
  void setVerdict(bool allowed);
  QString target() const { return target_; }

 signals:
  /// The cursor reached a new object (`to`), or left every object ("").
  void hovered(const QStringList& from, const QString& to, bool secondFeed);
  void dropped(const QStringList& from, const QString& to, bool secondFeed);
  void cancelled();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool press(QPointF pos);
  void move(QPointF pos, Qt::KeyboardModifiers mods);
  void finish();

  SiteView& view_;
  bool enabled_ = false;
  bool allowed_ = true;
  bool second_ = false;
  QStringList from_;
  QString target_;
  std::array<double, 3> start_{};
  std::optional<std::array<double, 3>> end_;  // where the line ends now
};

}  // namespace gigaplan::widgets
