// Hand-built Layouts and Catalogs for the 3D view tests and benchmark (the design loader and
// template expansion are written elsewhere). Equipment sizes here are test fixtures, not catalog
// data: NVL72 footprint 0.6 × 1.2 × 2.3 m is from shared/reference/hardware.md (grade U); the
// power and cooling gear dimensions are round illustrative numbers (grade U).
#pragma once

#include "core/catalog/catalog.h"
#include "core/design/layout.h"

namespace gigaplan::testing {

struct SampleSite {
  catalog::Catalog catalog;
  design::Layout layout;
};

/// One hall (20 × 14 m), rows "h1-row1" and "h1-row2" of 4 GB200 NVL72 racks each
/// ("h1-row1-1" … "h1-row2-4"), a transformer outside, a UPS, busways "busway-a" / "busway-b"
/// feeding the A and B sides of both rows, a CDU and a chiller.
SampleSite teachingHall();

/// `halls` halls of 20 rows × 25 racks (2 network racks per row, the last row storage), with
/// busways, UPSs, transformers, CDUs, dry coolers, chillers, turbines and batteries. 16 halls =
/// 8,000 racks, about a gigawatt of NVL72.
SampleSite gigawattSite(int halls = 16);

/// The catalog both sites use.
catalog::Catalog sampleCatalog();

}  // namespace gigaplan::testing
