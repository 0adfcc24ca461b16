// Rows added or duplicated in one hall of a hall template that makes three: only that hall gets
// them (written with `only_in: <hall id>`), the other halls keep their racks, undo restores the
// file, and saving and loading gives the same design. Also how `only_in` is read and refused.
#include <QtTest>

#include "app/document/document.h"
#include "app/gui/editing/design_edits.h"
#include "design_test_support.h"

using namespace gigaplan;
using namespace gigaplan::app::editing;
using test::cat;
using test::kThreeHalls;
using test::resolveText;
using test::roundTrip;

namespace {

std::shared_ptr<const design::ResolvedDesign> threeHalls() {
  return resolveText(kThreeHalls);
}

int hallIndex(const design::ResolvedDesign& r, const std::string& id) {
  return r.layout.hallIndex.at(id);
}

std::map<std::string, int> racksPerHall(const design::ResolvedDesign& r) {
  std::map<std::string, int> n;
  for (const auto& rack : r.layout.racks) ++n[r.layout.halls[static_cast<std::size_t>(rack.hall)].id];
  return n;
}

void expectLoadError(const std::string& text, const char* keyPath, const char* expected) {
  try {
    io::loadDesignText(text, "bad.yaml", cat());
    QFAIL("the design should not load");
  } catch (const io::LoadError& e) {
    const QString what = QString::fromStdString(e.what());
    QVERIFY2(what.contains(keyPath) && what.contains(expected), qPrintable(what));
  }
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

class TestDesignEditsHalls : public QObject {
  Q_OBJECT
 private slots:
  void addsARowToOneHallOnly() {
    const auto r = threeHalls();
    const auto before = racksPerHall(*r);
    QCOMPARE(before.at("h2"), 8);
    const EditOutcome out = addRow(*r, hallIndex(*r, "h2"), "dgx-h100-rack", 5);
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.select, std::vector<std::string>{"h2-row1"});
    QCOMPARE(out.design->halls[0].rows.back().onlyIn, std::string("h2"));
    const auto after = roundTrip(*out.design);
    QVERIFY2(after, "saving and loading must give the same design");
    const auto now = racksPerHall(*after);
    QCOMPARE(now.at("h1"), before.at("h1"));
    QCOMPARE(now.at("h2"), before.at("h2") + 5);
    QCOMPARE(now.at("h3"), before.at("h3"));
    QCOMPARE(after->layout.rows.size(), r->layout.rows.size() + 1);
    const auto& row = after->layout.rows[static_cast<std::size_t>(after->layout.rowIndex.at("h2-row1"))];
    QCOMPARE(row.hall, hallIndex(*after, "h2"));
    QVERIFY(io::designToYaml(*out.design).find("only_in: h2") != std::string::npos);
  }

  void addingTwiceGivesTwoRowsInThatHall() {
    const auto r = threeHalls();
    const EditOutcome one = addRow(*r, hallIndex(*r, "h3"), "dgx-h100-rack", 3);
    QVERIFY2(one, one.refusal.c_str());
    const auto mid = design::resolve(*one.design, cat());
    const EditOutcome two = addRow(*mid, hallIndex(*mid, "h3"), "dgx-h100-rack", 3);
    QVERIFY2(two, two.refusal.c_str());
    QCOMPARE(two.select, std::vector<std::string>{"h3-row2"});
    const auto after = roundTrip(*two.design);
    QVERIFY(after);
    QCOMPARE(racksPerHall(*after).at("h3"), 8 + 6);
    QCOMPARE(racksPerHall(*after).at("h1"), 8);
  }

  void duplicatesARowInOneHallOnly() {
    const auto r = threeHalls();
    const EditOutcome out = duplicateRows(*r, objectsOf(r->layout, {"h3-r1-2"}));
    QVERIFY2(out, out.refusal.c_str());
    QCOMPARE(out.select, std::vector<std::string>{"h3-r1-copy"});
    const auto after = roundTrip(*out.design);
    QVERIFY(after);
    const auto now = racksPerHall(*after);
    QCOMPARE(now.at("h1"), 8);
    QCOMPARE(now.at("h2"), 8);
    QCOMPARE(now.at("h3"), 12);
    // The copy keeps the source's feed pattern, which names this hall's busway.
    const auto& L = after->layout;
    const auto& copy = L.racks[static_cast<std::size_t>(L.rackIndex.at("h3-r1-copy-1"))];
    QCOMPARE(L.power[static_cast<std::size_t>(copy.feedA)].id, std::string("h3-bw1"));
  }

  void deletingTheAddedRowRemovesItsTemplate() {
    const auto r = threeHalls();
    const EditOutcome add = addRow(*r, hallIndex(*r, "h2"), "dgx-h100-rack", 5);
    QVERIFY2(add, add.refusal.c_str());
    const auto mid = design::resolve(*add.design, cat());
    const EditOutcome del = deleteObjects(*mid, objectsOf(mid->layout, {"h2-row1"}));
    QVERIFY2(del, del.refusal.c_str());
    QVERIFY(del.design->halls == r->design.halls);
  }

  void undoRestoresTheDesign() {
    app::Document doc(cat());
    QTemporaryDir dir;
    const QString path = dir.filePath("three-halls.yaml");
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(kThreeHalls);
    }
    QVERIFY(doc.open(path).isEmpty());
    const std::string original = io::designToYaml(doc.design());
    const auto r = doc.resolved();
    const EditOutcome out = addRow(*r, hallIndex(*r, "h2"), "dgx-h100-rack", 5);
    QVERIFY2(out, out.refusal.c_str());
    QVERIFY(doc.edit("Add row", [&](design::Design& d) { d = *out.design; }).isEmpty());
    QCOMPARE(racksPerHall(*doc.resolved()).at("h2"), 13);
    doc.undoStack()->undo();
    QCOMPARE(io::designToYaml(doc.design()), original);
    QCOMPARE(racksPerHall(*doc.resolved()).at("h2"), 8);
    // Saved and opened again, the edit is still only in hall h2.
    doc.undoStack()->redo();
    const QString saved = dir.filePath("edited.yaml");
    QVERIFY(doc.save(saved).isEmpty());
    app::Document again(cat());
    QVERIFY(again.open(saved).isEmpty());
    QCOMPARE(io::designToYaml(again.design()), io::designToYaml(doc.design()));
    QCOMPARE(racksPerHall(*again.resolved()), racksPerHall(*doc.resolved()));
  }

  void readsAndWritesOnlyInOnEquipment() {
    const std::string text = replaced(kThreeHalls, "    rows:\n",
                                      "      - {id: cdu-9, only_in: h1, kind: cdu, model: cdu-vertiv-2300, position: "
                                      "[20 m, 30 m]}\n    rows:\n");
    const auto r = resolveText(text);
    QVERIFY(r->layout.coolingIndex.count("cdu-9"));
    QCOMPARE(r->layout.cooling.size(), std::size_t(3 + 1));
    const auto& cdu = r->layout.cooling[static_cast<std::size_t>(r->layout.coolingIndex.at("cdu-9"))];
    QCOMPARE(cdu.hall, hallIndex(*r, "h1"));
    QVERIFY(roundTrip(r->design));
  }

  void refusesOnlyInThatNamesNoHallOfTheTemplate_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("row in a hall the template does not make")
        << "rack: dgx-h100-rack,\n"
        << "rack: dgx-h100-rack, only_in: h4,\n"
        << "halls[0].rows[0].only_in"
        << "the id of a hall this hall template makes ('h1' … 'h3')";
    QTest::newRow("equipment in a hall the template does not make") << "{id: 'h{h}-ahu', kind"
                                                                    << "{id: 'h{h}-ahu', only_in: hall-2, kind"
                                                                    << "halls[0].cooling[0].only_in"
                                                                    << "the id of a hall this hall template makes";
    QTest::newRow("site-level equipment") << "{id: grid, kind"
                                          << "{id: grid, only_in: h1, kind"
                                          << "power[0].only_in"
                                          << "only_in only on a hall's rows, power or cooling";
  }
  void refusesOnlyInThatNamesNoHallOfTheTemplate() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, keyPath);
    QFETCH(QString, expected);
    const std::string text = replaced(kThreeHalls, from.toStdString(), to.toStdString());
    QVERIFY(text != std::string(kThreeHalls));
    expectLoadError(text, qPrintable(keyPath), qPrintable(expected));
  }
};

QTEST_GUILESS_MAIN(TestDesignEditsHalls)
#include "test_design_edits_halls.moc"
