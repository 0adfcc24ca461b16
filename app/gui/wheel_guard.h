// A form in a scroll area: the mouse wheel scrolls the form and reaches a spin box or a choice box
// only once the planner has clicked or tabbed into it, so scrolling down a long form never edits
// the field that happens to pass under the pointer.
//
//   QWidget* form = buildEditor();
//   guardWheel(form);            // every spin and choice box it holds now
//   scroll->setWidget(form);
#pragma once

class QWidget;

namespace gigaplan::app {

/// Every QAbstractSpinBox and QComboBox inside `form` takes focus by click or tab only, and passes
/// the wheel on to the scroll area around it while it does not have the focus.
void guardWheel(QWidget* form);

}  // namespace gigaplan::app
