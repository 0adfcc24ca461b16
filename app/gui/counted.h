// Counts in the window's text read as in the reports: "1 rack", "1,536 racks", "3 objects". The
// rule lives once, in core (report::counted); this only hands it to Qt.
//
//   label->setText(counted(layout.racks.size(), "rack"));
#pragma once

#include <QString>
#include <cstdint>

#include "core/report/report_format.h"

namespace gigaplan::app {

template <typename N>
QString counted(N n, const char* singular, const char* plural = nullptr) {
  return QString::fromStdString(
      report::counted(static_cast<std::int64_t>(n), singular, plural ? std::string_view(plural) : std::string_view()));
}

}  // namespace gigaplan::app
