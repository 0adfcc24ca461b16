// A line of text in the middle of a list or table while it shows no rows, saying why: "No
// findings: every check holds", "Nothing matches “pdu-9”". An empty view otherwise looks the same
// whether nothing was found, nothing is shown or nothing has been computed yet.
//
//   showWhenEmpty(tree, [this] { return model_->evaluated() ? tr("No findings") : QString(); });
#pragma once

#include <QString>
#include <functional>

class QAbstractItemView;

namespace gigaplan::app {

/// While `view`'s model has no rows, `view` paints `text()` centred in its viewport, wrapped, in
/// the palette's placeholder colour; an empty string paints nothing.
void showWhenEmpty(QAbstractItemView* view, std::function<QString()> text);

/// The text `view` paints now (empty while it has rows or says nothing): for tests.
QString emptyHint(const QAbstractItemView* view);

}  // namespace gigaplan::app
