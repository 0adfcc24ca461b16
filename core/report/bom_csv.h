// The bill of materials as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
// quote or line break), one header row then one row per BOM line:
//   category,item,name,detail,count,total_length_m,grade
// total_length_m is set for cables only (routed estimate); grade is the catalog entry's.
//
//   std::ofstream("bom.csv", std::ios::binary) << report::bomCsv(eval.bom, *resolved->catalog);
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/evaluate/bill_of_materials.h"

namespace gigaplan::report {

std::string bomCsv(const std::vector<engine::BomLine>& bom, const catalog::Catalog& catalog);

/// The same lines for procurement, with the catalog entry's source and note after the grade:
///   category,item,name,detail,count,total_length_m,grade,source,note
std::string bomCsvWithSources(const std::vector<engine::BomLine>& bom, const catalog::Catalog& catalog);

}  // namespace gigaplan::report
