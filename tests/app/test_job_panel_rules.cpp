// The reported bug, driven through the window: in the Job panel, TP 16 on a model with 64 heads
// and 8 KV heads was accepted and saved, and the file then refused to open. Now the panel's edit
// goes through the same rule as loading (core/model/plan_rules) and is refused with the loader's
// words; what is saved reopens.
#include <QtTest>

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <iostream>

#include "app/cli/catalog_access.h"
#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/job/job_panel.h"
#include "app/gui/main_window.h"
#include "core/io/design_io.h"
#include "core/training/flops.h"
#include "widgets/viewport/graphics_setup.h"

using namespace gigaplan;

namespace {

// The spin box the panel shows next to `label`.
QSpinBox* fieldOf(QWidget& panel, const QString& label) {
  for (QFormLayout* form : panel.findChildren<QFormLayout*>()) {
    for (int row = 0; row < form->rowCount(); ++row) {
      auto* name = form->itemAt(row, QFormLayout::LabelRole);
      auto* field = form->itemAt(row, QFormLayout::FieldRole);
      if (!name || !field || !name->widget() || !field->widget()) continue;
      const auto* text = qobject_cast<QLabel*>(name->widget());
      if (text && text->text() == label) return qobject_cast<QSpinBox*>(field->widget());
    }
  }
  return nullptr;
}

// The window on the Llama 3 cluster sample (its job: Llama 3 405B-like, SwiGLU).
bool showLlama3Cluster(app::Document& doc, app::MainWindow& window) {
  window.show();
  return doc.open(GIGAPLAN_SOURCE_DIR "/samples/llama3-cluster.yaml").isEmpty();
}

}  // namespace

class TestJobPanelRules : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
  }

  void tensorParallelThatDoesNotDivideKvHeadsIsRefused() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow window(doc);
    QVERIFY(showLlama3Cluster(doc, window));

    // Llama 3 70B: 64 attention heads, 8 KV heads (Llama 3 paper, arXiv 2407.21783, Table 3),
    // with a plan that keeps every rule: TP 8 divides 64 and 8; PP 4 ≤ 80 layers; DP 16 × micro
    // batch 1 divides the global batch 2,048.
    training::Job job = *doc.design().job;
    job.model.name = "Llama 3 70B";
    job.model.layers = 80, job.model.hidden = 8192, job.model.ffnHidden = 28672;
    job.model.heads = 64, job.model.kvHeads = 8;
    job.parallelism = {};
    job.parallelism.tp = 8, job.parallelism.pp = 4, job.parallelism.dp = 16;
    job.training.globalBatch = 2048, job.training.microBatch = 1;
    QVERIFY(doc.edit("Llama 3 70B", [&](design::Design& d) { d.job = job; }).isEmpty());
    const int steps = doc.undoStack()->count();

    QSpinBox* tp = fieldOf(window.jobPanel(), "Tensor (TP)");
    QVERIFY(tp);
    QCOMPARE(tp->value(), 8);
    QSignalSpy messages(&window.editor(), &app::DesignEditor::message);
    tp->setValue(16);  // what typing 16 and pressing Enter commits

    // Refused with the loader's message (16 divides 64 but not 8), nothing changed, and the
    // field shows the plan that is still in force.
    QCOMPARE(messages.count(), 1);
    const QString said = messages.front().front().toString();
    QVERIFY2(said.contains("job.parallelism.tp: found '16', expected a divisor of heads (64) and kv_heads (8)"),
             qPrintable(said));
    QCOMPARE(doc.design().job->parallelism.tp, 8);
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(tp->value(), 8);

    // What the window saves opens again, with the plan it showed.
    QTemporaryDir dir;
    const QString path = dir.filePath("llama3-70b.yaml");
    QVERIFY(doc.save(path).isEmpty());
    app::Document reopened(*base);
    const QString error = reopened.open(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(*reopened.design().job, *doc.design().job);

    // And the file the old panel wrote is the one the loader refuses, with the same words.
    design::Design bad = doc.design();
    bad.job->parallelism.tp = 16;
    try {
      io::loadDesignText(io::designToYaml(bad), "bad.yaml", *base);
      QFAIL("a design with TP 16 on 8 KV heads loaded");
    } catch (const io::LoadError& e) {
      QCOMPARE(QString::fromStdString(e.diagnostic().keyPath), QString("job.parallelism.tp"));
      QVERIFY2(said.contains(QString::fromStdString(e.diagnostic().expected)), e.what());
    }

    // A TP that divides both is still taken (one undo step).
    tp->setValue(4);
    QCOMPARE(doc.design().job->parallelism.tp, 4);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
  }

  // Llama 3.2 1B ties its output layer to the embedding: the box shows the family's default, a
  // click ties it (one undo step), the parameter count drops by the table, and the file keeps it.
  void tyingTheOutputLayerIsOneClick() {
    const catalog::Catalog* base = cli::baseCatalog(std::cerr);
    QVERIFY(base);
    app::Document doc(*base);
    app::MainWindow window(doc);
    QVERIFY(showLlama3Cluster(doc, window));
    QVERIFY(doc.design().job->model.activation == training::Activation::SwiGlu);
    auto* tied = window.jobPanel().findChild<QCheckBox*>("tiedEmbeddings");
    QVERIFY(tied);
    QVERIFY(!tied->isChecked());  // SwiGLU: separate output layer
    const double untied = training::parameterCount(doc.design().job->model);
    const int steps = doc.undoStack()->count();
    tied->click();
    QVERIFY(doc.design().job->model.tiedEmbeddings == std::optional<bool>(true));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    const training::Model& m = doc.design().job->model;
    QCOMPARE(untied - training::parameterCount(m), static_cast<double>(m.vocab) * m.hidden);
    QTemporaryDir dir;
    const QString path = dir.filePath("tied.yaml");
    QVERIFY(doc.save(path).isEmpty());
    app::Document reopened(*base);
    QVERIFY(reopened.open(path).isEmpty());
    QVERIFY(reopened.design().job->model.tiedEmbeddings == std::optional<bool>(true));
    doc.undoStack()->undo();
    QVERIFY(!doc.design().job->model.tiedEmbeddings);
    QVERIFY(!tied->isChecked());
  }
};

int main(int argc, char** argv) {
  widgets::prepareGraphics();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("GigaPlanTest");
  QApplication::setApplicationName("GigaPlanTest");
  TestJobPanelRules t;
  return QTest::qExec(&t, argc, argv);
}
#include "test_job_panel_rules.moc"
