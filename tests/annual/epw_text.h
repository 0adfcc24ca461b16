// EPW text for tests: the 8 header lines and one row per hour of a 365-day (or leap) year, every
// hour at the same dry bulb, dew point and pressure unless a row is changed afterwards.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace gigaplan::test {

inline const char* epwHeader() {
  return "LOCATION,Testville,TS,XYZ,Test,000000,45.00,10.00,1.0,100.0\n"
         "DESIGN CONDITIONS,0\n"
         "TYPICAL/EXTREME PERIODS,0\n"
         "GROUND TEMPERATURES,0\n"
         "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n"
         "COMMENTS 1,made by a test\n"
         "COMMENTS 2,\n"
         "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n";
}

/// One EPW row (35 fields) for month/day/hour.
inline std::string epwRow(int month, int day, int hour, double dryBulb, double dewPoint, double pressure) {
  char line[400];
  std::snprintf(line, sizeof line,
                "2001,%d,%d,%d,60,A7A7A7A7*0?9?9?9?9?9?9?9A7A7A7A7A7A7*0E8*0*0,%.1f,%.1f,%d,%.0f,0,0,300,0,0,0,0,0,"
                "0,0,180,2.0,5,5,16.0,77777,9,999999999,10,0.1,0,88,0.2,0.0,0.0\n",
                month, day, hour, dryBulb, dewPoint, 60, pressure);
  return line;
}

/// The rows of a whole year, as lines (without the header).
inline std::vector<std::string> epwRows(double dryBulb, double dewPoint, double pressure, bool leap = false) {
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::string> rows;
  for (int m = 1; m <= 12; ++m)
    for (int d = 1; d <= days[m - 1]; ++d)
      for (int h = 1; h <= 24; ++h) rows.push_back(epwRow(m, d, h, dryBulb, dewPoint, pressure));
  return rows;
}

inline std::string epwText(const std::vector<std::string>& rows) {
  std::string text = epwHeader();
  for (const std::string& r : rows) text += r;
  return text;
}

}  // namespace gigaplan::test
