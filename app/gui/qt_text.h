// Core's text rules handed to Qt, so the window reads as the reports do: counts ("1 rack",
// "1,536 racks"), quantities in their units ("1.2 MW", "33.45 m"), and plain strings. The rules
// live once, in core (report::counted, units::format); these only convert.
//
//   label->setText(counted(layout.racks.size(), "rack"));
//   item->setText(quantity(rack.power, units::Dimension::Power));
#pragma once

#include <QLocale>
#include <QString>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/report/report_format.h"
#include "core/units/units.h"

namespace gigaplan::app {

template <typename N>
QString counted(N n, const char* singular, const char* plural = nullptr) {
  return QString::fromStdString(
      report::counted(static_cast<std::int64_t>(n), singular, plural ? std::string_view(plural) : std::string_view()));
}

inline QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

/// A value in SI units, formatted with its unit as core formats it everywhere.
inline QString quantity(double siValue, units::Dimension dimension) {
  return QString::fromStdString(units::format(siValue, dimension));
}

/// Metres as the editing messages show them: whole metres without decimals ("40 m"), else one
/// decimal ("33.5 m"), in the user's locale.
inline QString metresText(double v) {
  return QLocale().toString(v, 'f', v == std::round(v) ? 0 : 1) + " m";
}

inline QString watts(double w) {
  return quantity(w, units::Dimension::Power);
}

}  // namespace gigaplan::app
