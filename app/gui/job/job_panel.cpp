// Job panel (see job_panel.h).
#include "app/gui/job/job_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <cmath>
#include <tuple>

#include "app/document/document.h"
#include "app/gui/design_editor.h"
#include "app/gui/job/model_presets.h"
#include "app/gui/job/plan_chooser.h"
#include "app/gui/job/plan_search.h"
#include "app/gui/wheel_guard.h"
#include "core/training/flops.h"
#include "core/training/goodput.h"
#include "core/training/gpu_params.h"
#include "core/training/job_edits.h"
#include "core/units/units.h"

namespace gigaplan::app {

namespace {

// Large counts as a planner writes them, exponent a multiple of three: 2e13 → "20e12",
// 14.8e12 → "14.8e12"; below a million, the plain number.
QString engineeringText(double v) {
  if (!(std::fabs(v) >= 1e6)) return QString::number(v, 'g', 6);
  const int exponent = 3 * static_cast<int>(std::floor(std::log10(std::fabs(v)) / 3));
  return QString::number(v / std::pow(10.0, exponent), 'g', 6) + "e" + QString::number(exponent);
}

constexpr int kJobMergeBase = 500;  // merge keys of job fields: kJobMergeBase + field number

}  // namespace

JobPanel::JobPanel(DesignEditor& editor, QWidget* parent)
    : QWidget(parent), editor_(editor), search_(new PlanSearch(this)) {
  setObjectName("jobPanel");
  build();
  connect(&editor_.document(), &Document::changed, this, &JobPanel::load);
  connect(search_, &PlanSearch::finished, this, &JobPanel::onSearchFinished);
  load();
}

JobPanel::~JobPanel() = default;

void JobPanel::build() {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  stack_ = new QStackedWidget(this);
  layout->addWidget(stack_);

  // Page 0: no job yet.
  auto* empty = new QWidget;
  auto* emptyLayout = new QVBoxLayout(empty);
  auto* note =
      new QLabel(tr("This design has no training job. Add one to see how long a model takes to train on this site."));
  note->setWordWrap(true);
  auto* add = new QPushButton(tr("Add a training job"));
  add->setObjectName("addJob");
  connect(add, &QPushButton::clicked, this, [this] {
    design::Design d = editor_.document().design();
    d.job = defaultJob();
    editor_.apply(tr("Add training job"), {std::move(d), {}, {}});
  });
  emptyLayout->addWidget(note);
  emptyLayout->addWidget(add);
  emptyLayout->addStretch(1);
  stack_->addWidget(empty);

  // Page 1: the job.
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  // The form follows the dock's width: a choice box narrower than its longest entry shows it elided
  // and in full when opened. Below the form's narrowest (check boxes do not wrap) it scrolls
  // sideways rather than cut anything off.
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  QWidget* editor = buildEditor();
  for (auto* box : editor->findChildren<QComboBox*>()) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
  }
  guardWheel(editor);  // the wheel scrolls the form; a field takes it once clicked into
  scroll->setWidget(editor);
  stack_->addWidget(scroll);
}

void JobField::setApplies(bool applies) {
  setEnabled(applies);
  if (applies == applies_) return;
  applies_ = applies;
  lineEdit()->setText(textFromValue(value()));
}

QString JobField::textFromValue(int value) const {
  return applies_ ? QSpinBox::textFromValue(value) : QStringLiteral("—");
}

JobField* JobPanel::intField(QFormLayout* form, const QString& label, int min, int max,
                             const std::function<int&(training::Job&)>& ref, bool plan,
                             const std::function<void(training::Job&)>& settle) {
  auto* spin = new JobField;
  spin->setRange(min, max);
  spin->setKeyboardTracking(false);  // one edit per committed number, not per digit
  spin->setGroupSeparatorShown(true);
  const int field = fields_++;
  connect(spin, &QSpinBox::valueChanged, this, [this, spin, ref, settle, label, field](int v) {
    // A minimum with a name ("automatic") is named in the undo text too.
    const bool named = v == spin->minimum() && !spin->specialValueText().isEmpty();
    editJob(
        tr("Set %1 to %2").arg(label, named ? spin->specialValueText() : QString::number(v)),
        [&](training::Job& j) {
          ref(j) = v;
          if (settle) settle(j);
        },
        field);
  });
  loaders_.push_back([spin, ref](const training::Job& j) { spin->setValue(ref(const_cast<training::Job&>(j))); });
  form->addRow(label, spin);
  if (plan) planWidgets_.push_back(spin);
  return spin;
}

QWidget* JobPanel::buildEditor() {
  using training::Job;
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(6, 6, 6, 6);

  auto* modelBox = new QGroupBox(tr("Model"));
  auto* model = new QFormLayout(modelBox);
  preset_ = new QComboBox;
  preset_->addItem(tr("Choose a published model…"));
  for (const auto& p : modelPresets()) {
    preset_->addItem(p.title);
    preset_->setItemData(preset_->count() - 1, p.source, Qt::ToolTipRole);
  }
  connect(preset_, &QComboBox::activated, this, [this](int i) {
    if (i < 1) return;
    const ModelPreset& p = modelPresets()[static_cast<std::size_t>(i - 1)];
    // The published run comes with the shape: tokens, batch and precision (micro-batch and plan stay).
    editJob(tr("Set model to %1").arg(p.title), [&](Job& j) {
      j.model = p.model;
      j.training.tokens = p.training.tokens;
      j.training.globalBatch = p.training.globalBatch;
      j.training.precision = p.training.precision;
    });
  });
  model->addRow(tr("Preset"), preset_);
  auto* name = new QLineEdit;
  connect(name, &QLineEdit::editingFinished, this, [this, name] {
    if (editor_.document().design().job &&
        QString::fromStdString(editor_.document().design().job->model.name) != name->text())
      editJob(tr("Rename model"), [&](Job& j) { j.model.name = name->text().toStdString(); });
  });
  loaders_.push_back([name](const Job& j) { name->setText(QString::fromStdString(j.model.name)); });
  model->addRow(tr("Name"), name);
  intField(model, tr("Layers"), 1, 10000, [](Job& j) -> int& { return j.model.layers; });
  intField(model, tr("Hidden size"), 1, 1 << 20, [](Job& j) -> int& { return j.model.hidden; });
  intField(model, tr("FFN size"), 1, 1 << 22, [](Job& j) -> int& { return j.model.ffnHidden; });
  intField(model, tr("Heads"), 1, 10000, [](Job& j) -> int& { return j.model.heads; });
  JobField* kvHeads = intField(model, tr("KV heads"), 1, 10000, [](Job& j) -> int& { return j.model.kvHeads; });
  kvHeads->setObjectName("kvHeads");
  intField(model, tr("Sequence"), 1, 1 << 24, [](Job& j) -> int& { return j.model.seqLen; });
  intField(model, tr("Vocabulary"), 1, 1 << 24, [](Job& j) -> int& { return j.model.vocab; });
  activation_ = new QComboBox;
  activation_->addItem(tr("GELU (2 matrices)"), static_cast<int>(training::Activation::Gelu));
  activation_->addItem(tr("SwiGLU (3 matrices)"), static_cast<int>(training::Activation::SwiGlu));
  connect(activation_, &QComboBox::activated, this, [this](int i) {
    const auto a = static_cast<training::Activation>(activation_->itemData(i).toInt());
    editJob(tr("Set activation"), [&](Job& j) { j.model.activation = a; });
  });
  loaders_.push_back([this](const Job& j) {
    activation_->setCurrentIndex(activation_->findData(static_cast<int>(j.model.activation)));
  });
  model->addRow(tr("MLP"), activation_);
  // Whether the output layer is the embedding's matrix; unticked or ticked, the file then says so
  // (left unsaid, the MLP's family decides: GELU tied, SwiGLU separate).
  auto* tied = new QCheckBox(tr("Output layer is the embedding"));
  tied->setObjectName("tiedEmbeddings");
  tied->setToolTip(
      tr("Tied embeddings (tie_word_embeddings in a Hugging Face config.json): the vocabulary "
         "table is held once, as in Llama 3.2 1B and 3B and GPT-3"));
  connect(tied, &QCheckBox::clicked, this, [this](bool on) {
    editJob(on ? tr("Tie output layer to embedding") : tr("Untie output layer"),
            [&](Job& j) { j.model.tiedEmbeddings = on; });
  });
  loaders_.push_back([tied](const Job& j) { tied->setChecked(training::tiedEmbeddings(j.model)); });
  model->addRow(tied);  // the whole row: a check box does not wrap
  // Experts 0 is a dense model (a file has no moe section then); training::settleExperts says what
  // goes and what comes with the edit.
  QSpinBox* experts = intField(
      model, tr("Experts (0 = dense)"), 0, 100000, [](Job& j) -> int& { return j.model.moe.experts; }, false,
      training::settleExperts);
  JobField* topK = intField(model, tr("Experts per token"), 0, 1000, [](Job& j) -> int& { return j.model.moe.topK; });
  // As frontier MoE models are built (DeepSeek-V3: 2,048 per expert, 1 shared, the first 3 layers
  // dense); they mean nothing on a dense model, so they wait for experts.
  JobField* expertFfn =
      intField(model, tr("Expert FFN size"), 1, 1 << 22, [](Job& j) -> int& { return j.model.moe.expertFfnHidden; });
  JobField* shared =
      intField(model, tr("Shared experts"), 0, 64, [](Job& j) -> int& { return j.model.moe.sharedExperts; });
  JobField* dense = intField(
      model, tr("Dense layers first"), 0, 10000, [](Job& j) -> int& { return j.model.moe.denseLayers; }, false,
      [](Job& j) { j.model.moe.denseLayers = std::min(j.model.moe.denseLayers, j.model.layers - 1); });
  // Node-limited routing (DeepSeek-V3: 4): matters when the expert-parallel group spans nodes.
  JobField* nodeLimit = intField(model, tr("Nodes per token (0 = any)"), 0, 1 << 16,
                                 [](Job& j) -> int& { return j.model.moe.nodeLimit; });
  nodeLimit->setObjectName("nodeLimit");
  nodeLimit->setToolTip(
      tr("Node-limited routing: a token's experts lie on at most this many nodes, and its dispatch crosses "
         "the scale-out network once per node (DeepSeek-V3: 4); 0 = unrestricted"));
  experts->setObjectName("experts");
  topK->setObjectName("topK");
  expertFfn->setObjectName("expertFfn");
  shared->setObjectName("sharedExperts");
  dense->setObjectName("denseLayers");
  loaders_.push_back([=](const Job& j) {
    for (JobField* s : {topK, expertFfn, shared, dense, nodeLimit}) s->setApplies(j.model.moe.experts > 0);
  });
  // Multi-head latent attention (DeepSeek-V3: keys and values through a 512 latent, queries
  // through 1,536, heads of 128 + 64 RoPE); a key/value latent of 0 is GQA with the KV heads above.
  QSpinBox* kvLatent = intField(
      model, tr("KV latent (0 = GQA)"), 0, 1 << 20, [](Job& j) -> int& { return j.model.mla.kvLoraRank; }, false,
      training::settleLatentAttention);
  JobField* qLatent =
      intField(model, tr("Query latent (0 = none)"), 0, 1 << 20, [](Job& j) -> int& { return j.model.mla.qLoraRank; });
  JobField* nope =
      intField(model, tr("QK head size"), 1, 4096, [](Job& j) -> int& { return j.model.mla.qkNopeHeadDim; });
  JobField* rope =
      intField(model, tr("QK RoPE size"), 1, 4096, [](Job& j) -> int& { return j.model.mla.qkRopeHeadDim; });
  JobField* value =
      intField(model, tr("Value head size"), 1, 4096, [](Job& j) -> int& { return j.model.mla.vHeadDim; });
  kvLatent->setObjectName("kvLoraRank");
  qLatent->setObjectName("qLoraRank");
  nope->setObjectName("qkNopeHeadDim");
  rope->setObjectName("qkRopeHeadDim");
  value->setObjectName("vHeadDim");
  kvLatent->setToolTip(
      tr("Multi-head latent attention: keys and values pass through a latent of this size "
         "(DeepSeek-V3: 512); 0 = grouped-query attention"));
  rope->setToolTip(tr("The decoupled RoPE part of each query/key head (DeepSeek-V3: 64)"));
  loaders_.push_back([=](const Job& j) {
    for (JobField* s : {qLatent, nope, rope, value}) s->setApplies(j.model.mla.kvLoraRank > 0);
    kvHeads->setApplies(j.model.mla.kvLoraRank == 0);  // with MLA every head has its own key and value
  });
  QSpinBox* mtp = intField(model, tr("Multi-token prediction"), 0, 16, [](Job& j) -> int& { return j.model.mtpDepth; });
  mtp->setObjectName("mtpDepth");
  mtp->setToolTip(tr("Prediction modules after the main model (DeepSeek-V3: 1); 0 = none"));
  column->addWidget(modelBox);

  auto* trainBox = new QGroupBox(tr("Training"));
  auto* train = new QFormLayout(trainBox);
  auto* tokens = new QLineEdit;
  tokens->setValidator(new QDoubleValidator(1, 1e18, 6, tokens));
  tokens->setObjectName("tokens");
  tokens->setToolTip(tr("Tokens to train on, e.g. 15.6e12"));
  connect(tokens, &QLineEdit::editingFinished, this, [this, tokens] {
    bool ok = false;
    const double v = tokens->text().toDouble(&ok);
    if (ok && editor_.document().design().job && editor_.document().design().job->training.tokens != v)
      editJob(tr("Set tokens to %1").arg(tokens->text()), [&](Job& j) { j.training.tokens = v; });
  });
  // The field takes a planner's notation (15.6e12); beside it, the count in words of trillions.
  auto* tokensInWords = new QLabel;
  tokensInWords->setObjectName("tokensInWords");
  loaders_.push_back([tokens, tokensInWords](const Job& j) {
    tokens->setText(engineeringText(j.training.tokens));
    const double t = j.training.tokens;
    tokensInWords->setText(t >= 1e12  ? tr("%1 trillion").arg(QLocale().toString(t / 1e12, 'g', 3))
                           : t >= 1e9 ? tr("%1 billion").arg(QLocale().toString(t / 1e9, 'g', 3))
                                      : QString());
  });
  auto* tokensRow = new QHBoxLayout;
  tokensRow->setContentsMargins(0, 0, 0, 0);
  tokensRow->addWidget(tokens, 1);
  tokensRow->addWidget(tokensInWords);
  train->addRow(tr("Tokens"), tokensRow);
  intField(train, tr("Global batch"), 1, 1 << 24, [](Job& j) -> int& { return j.training.globalBatch; });
  intField(
      train, tr("Micro-batch"), 1, 4096, [](Job& j) -> int& { return j.training.microBatch; }, true);
  precision_ = new QComboBox;
  for (auto p :
       {training::Precision::BF16, training::Precision::FP8, training::Precision::FP4, training::Precision::FP16}) {
    precision_->addItem(QString::fromUtf8(training::toString(p).data()).toUpper(), static_cast<int>(p));
  }
  connect(precision_, &QComboBox::activated, this, [this](int i) {
    const auto p = static_cast<training::Precision>(precision_->itemData(i).toInt());
    editJob(tr("Set precision"), [&](Job& j) { j.training.precision = p; });
  });
  loaders_.push_back([this](const Job& j) {
    precision_->setCurrentIndex(precision_->findData(static_cast<int>(j.training.precision)));
  });
  train->addRow(tr("Precision"), precision_);
  // Minutes from a failure to training again (training.restart); the lowest value is "assumed",
  // the goodput model's own figure.
  auto* restart = new QDoubleSpinBox;
  restart->setObjectName("restart");
  restart->setRange(0, 1440);
  restart->setDecimals(1);
  restart->setSingleStep(0.5);
  restart->setSuffix(tr(" min"));
  restart->setKeyboardTracking(false);
  restart->setSpecialValueText(tr("assumed %1 min").arg(QLocale().toString(training::kRestartFixed / 60, 'g', 3)));
  restart->setToolTip(
      tr("Time from a failure to training again, besides reading the checkpoint back: detect, reschedule, start, "
         "set up communicators. On a large site it decides the goodput."));
  const int restartField = fields_++;
  connect(restart, &QDoubleSpinBox::valueChanged, this, [this, restartField](double minutes) {
    editJob(
        minutes > 0 ? tr("Set restart to %1 min").arg(QLocale().toString(minutes, 'g', 4)) : tr("Restart: assumed"),
        [&](Job& j) { j.training.restart = minutes * 60; }, restartField);  // 0.1 min at least: above 1 s
  });
  loaders_.push_back([restart](const Job& j) { restart->setValue(j.training.restart / 60); });
  train->addRow(tr("Restart"), restart);
  column->addWidget(trainBox);

  auto* planBox = new QGroupBox(tr("Parallel plan"));
  auto* plan = new QFormLayout(planBox);
  automatic_ = new QCheckBox(tr("Choose automatically (search)"));
  connect(automatic_, &QCheckBox::clicked, this, [this](bool on) {
    // `auto` in a file holds no plan, so the explicit sizes and options go with it.
    editJob(on ? tr("Parallelism: auto") : tr("Parallelism: explicit"), [&](Job& j) {
      j.parallelism = {};
      j.parallelism.automatic = on;
    });
  });
  loaders_.push_back([this](const Job& j) { automatic_->setChecked(j.parallelism.automatic); });
  plan->addRow(automatic_);
  intField(
      plan, tr("Tensor (TP)"), 1, 1024, [](Job& j) -> int& { return j.parallelism.tp; }, true,
      training::settleExpertOptions);
  intField(
      plan, tr("Pipeline (PP)"), 1, 4096, [](Job& j) -> int& { return j.parallelism.pp; }, true,
      training::settleExpertOptions);
  intField(
      plan, tr("Data (DP)"), 1, 1 << 22, [](Job& j) -> int& { return j.parallelism.dp; }, true);
  intField(
      plan, tr("Context (CP)"), 1, 1024, [](Job& j) -> int& { return j.parallelism.cp; }, true);
  intField(
      plan, tr("Expert (EP)"), 1, 100000, [](Job& j) -> int& { return j.parallelism.ep; }, true,
      training::settleExpertOptions)
      ->setObjectName("ep");
  intField(
      plan, tr("Virtual stages"), 1, 1024, [](Job& j) -> int& { return j.parallelism.virtualStages; }, true,
      training::settleExpertOptions);
  recompute_ = new QComboBox;
  recompute_->setObjectName("recompute");
  for (auto r : {training::Recompute::None, training::Recompute::Selective, training::Recompute::Full}) {
    recompute_->addItem(QString::fromUtf8(training::toString(r).data()), static_cast<int>(r));
  }
  connect(recompute_, &QComboBox::activated, this, [this](int i) {
    const auto r = static_cast<training::Recompute>(recompute_->itemData(i).toInt());
    editJob(tr("Set recompute"), [&](Job& j) { j.parallelism.recompute = r; });
  });
  loaders_.push_back([this](const Job& j) {
    recompute_->setCurrentIndex(recompute_->findData(static_cast<int>(j.parallelism.recompute)));
  });
  plan->addRow(tr("Recompute"), recompute_);
  planWidgets_.push_back(recompute_);
  // What selective recomputation repeats (parallelism.recompute_modules), one box a row (the
  // panel is narrow on a laptop).
  auto* modules = new QWidget;
  modules->setObjectName("recomputeModules");
  auto* moduleGrid = new QGridLayout(modules);
  moduleGrid->setContentsMargins(0, 0, 0, 0);
  for (std::size_t i = 0; i < training::kRecomputeModuleNames.size(); ++i) {
    const auto& module = training::kRecomputeModuleNames[i];
    auto* box = new QCheckBox(QString::fromUtf8(module.label));
    box->setObjectName(QString("recompute_") + module.key);
    const unsigned bit = module.bit;
    connect(box, &QCheckBox::clicked, this, [this, bit, label = QString::fromUtf8(module.label)](bool on) {
      editJob(tr("Recompute %1: %2").arg(label, on ? tr("on") : tr("off")), [&](Job& j) {
        if (on)
          j.parallelism.recomputeModules |= bit;
        else
          training::dropRecomputeModule(j.parallelism, static_cast<training::RecomputeModule>(bit));
      });
    });
    loaders_.push_back([box, bit](const Job& j) { box->setChecked((j.parallelism.recomputeModules & bit) != 0); });
    moduleGrid->addWidget(box, static_cast<int>(i), 0);
    recomputeModules_.push_back(box);
  }
  modules->setToolTip(
      tr("What selective recomputation repeats in the backward pass instead of keeping: the attention core's "
         "scores, the norm outputs, MLA's queries, keys and values, the experts' activation output "
         "(Megatron-Core's recompute modules)"));
  plan->addRow(tr("Selective"), modules);
  planWidgets_.push_back(modules);
  // How tensor parallelism's exchanges meet the GEMMs (parallelism.tp_comm_overlap); `full` needs
  // sequence parallelism, which the editor enforces with the plan's other rules.
  auto* tpOverlap = new QComboBox;
  tpOverlap->setObjectName("tpOverlap");
  using training::TpOverlap;
  for (auto [o, text, tip] :
       {std::tuple{TpOverlap::Automatic, tr("automatic"),
                   tr("Overlapped with sequence parallelism, in the backward only without it")},
        std::tuple{TpOverlap::None, tr("blocking"), tr("Both passes wait for their exchanges (Megatron-LM of 2021)")},
        std::tuple{TpOverlap::Backward, tr("backward"),
                   tr("The backward's exchanges run under its GEMMs; the forward waits (Megatron-LM from late 2021)")},
        std::tuple{TpOverlap::Full, tr("overlapped"),
                   tr("Both passes' exchanges run under the GEMMs (Transformer Engine; needs sequence parallel)")}}) {
    tpOverlap->addItem(text, static_cast<int>(o));
    tpOverlap->setItemData(tpOverlap->count() - 1, tip, Qt::ToolTipRole);
  }
  tpOverlap->setToolTip(tr("How tensor parallelism's exchanges meet the GEMMs"));
  connect(tpOverlap, &QComboBox::activated, this, [this, tpOverlap](int i) {
    const auto o = static_cast<TpOverlap>(tpOverlap->itemData(i).toInt());
    editJob(tr("Set TP exchanges to %1").arg(tpOverlap->itemText(i)), [&](Job& j) { j.parallelism.tpOverlap = o; });
  });
  loaders_.push_back([tpOverlap](const Job& j) {
    tpOverlap->setCurrentIndex(tpOverlap->findData(static_cast<int>(j.parallelism.tpOverlap)));
  });
  plan->addRow(tr("TP exchanges"), tpOverlap);
  planWidgets_.push_back(tpOverlap);
  auto check = [&](QCheckBox*& box, const QString& text, bool training::Parallelism::*flag) {
    box = new QCheckBox(text);
    connect(box, &QCheckBox::clicked, this, [this, text, flag](bool on) {
      editJob(tr("%1: %2").arg(text, on ? tr("on") : tr("off")), [&](Job& j) {
        j.parallelism.*flag = on;
        training::settleExpertOptions(j);  // DualPipe off can rule the overlap out
      });
    });
    QCheckBox* b = box;
    loaders_.push_back([b, flag](const Job& j) { b->setChecked(j.parallelism.*flag); });
    plan->addRow(box);
    planWidgets_.push_back(box);
  };
  check(sequenceParallel_, tr("Sequence parallel"), &training::Parallelism::sequenceParallel);
  sequenceParallel_->setObjectName("sequenceParallel");
  check(distributed_, tr("Distributed optimizer"), &training::Parallelism::distributedOptimizer);
  check(fsdp_, tr("FSDP (shard weights too)"), &training::Parallelism::fsdp);
  check(dualPipe_, tr("DualPipe schedule"), &training::Parallelism::dualPipe);
  dualPipe_->setObjectName("dualPipe");
  dualPipe_->setToolTip(
      tr("DeepSeek's DualPipe: micro-batches enter from both ends of an even pipeline, each rank holds two "
         "stages (parameters twice), and the bubble shrinks to (PP/2 − 1)(F&B + B − 3W); no virtual stages"));
  check(epOverlap_, tr("Overlap expert all-to-all"), &training::Parallelism::epOverlap);
  epOverlap_->setObjectName("epOverlap");
  epOverlap_->setToolTip(
      tr("One micro-batch's expert dispatch and combine run under another's computation (Megatron-Core's "
         "EP overlap, DeepSeek's DualPipe); needs EP > 1 and, with a pipeline, virtual stages > 1"));
  // parallelism.comm_sms: the SMs the overlapped all-to-all keeps; -1 is "automatic".
  static_assert(training::kAutomaticCommSms == -1);
  commSms_ = intField(
      plan, tr("All-to-all SMs"), training::kAutomaticCommSms, training::kMaxCommSms,
      [](Job& j) -> int& { return j.parallelism.commSms; }, true);
  commSms_->setObjectName("commSms");
  commSms_->setSpecialValueText(tr("automatic"));
  commSms_->setToolTip(
      tr("SMs the overlapped expert all-to-all keeps for the whole step, leaving the rest to the computation. "
         "Automatic: 20 under DualPipe (DeepSeek-V3 report: 20 of the H800's 132), otherwise none, the "
         "kernels taking SMs only while they run. Needs the overlap"));
  check(epPerNode_, tr("Dispatch tokens once per node"), &training::Parallelism::epPerNode);
  epPerNode_->setObjectName("epPerNode");
  epPerNode_->setToolTip(
      tr("Each token crosses the network once per node its experts are on and is fanned out over NVLink there "
         "(DeepEP, HybridEP); off, every routed copy crosses (NCCL all-to-all). Matters when EP spans nodes; "
         "needs EP > 1"));
  // Parallel folding (expert_tp: 1): a choice between the plan's TP and 1, so a box, not a size.
  foldExperts_ = new QCheckBox(tr("Fold experts (expert TP 1)"));
  foldExperts_->setObjectName("foldExperts");
  foldExperts_->setToolTip(
      tr("Whole experts on each GPU, the EP ranks consecutive and EP drawn from all TP·CP·DP ranks of a stage "
         "(Megatron-Core's parallel folding); off, each expert splits over the TP ranks (its default). Needs TP > 1 "
         "and sequence parallelism"));
  connect(foldExperts_, &QCheckBox::clicked, this, [this](bool on) {
    editJob(tr("Fold experts: %1").arg(on ? tr("on") : tr("off")),
            [&](Job& j) { j.parallelism.expertTp = on ? 1 : 0; });
  });
  loaders_.push_back([this](const Job& j) { foldExperts_->setChecked(j.parallelism.expertTp == 1); });
  plan->addRow(foldExperts_);
  planWidgets_.push_back(foldExperts_);
  column->addWidget(planBox);

  // How Find best plan ranks: a choice of the planner's, not part of the design.
  auto* searchBox = new QGroupBox(tr("Find best plan by"));
  auto* searchForm = new QFormLayout(searchBox);
  rank_ = new QComboBox;
  rank_->setObjectName("rankBy");
  rank_->addItem(tr("Days to train (failures included), then energy"), static_cast<int>(training::RankBy::Days));
  rank_->addItem(tr("Facility energy, then days"), static_cast<int>(training::RankBy::Energy));
  rank_->addItem(tr("Step time, then energy"), static_cast<int>(training::RankBy::Step));
  rank_->addItem(tr("Cost at the prices below, then days"), static_cast<int>(training::RankBy::Cost));
  rank_->setToolTip(QString::fromUtf8(training::kRankTies.data(), static_cast<qsizetype>(training::kRankTies.size())));
  searchForm->addRow(tr("Rank"), rank_);
  auto price = [&](QDoubleSpinBox*& box, const QString& objectName, const QString& tip) {
    box = new QDoubleSpinBox;
    box->setObjectName(objectName);
    box->setRange(0, 1e9);
    box->setDecimals(2);
    box->setGroupSeparatorShown(true);
    box->setToolTip(tip);
    box->setEnabled(false);
  };
  price(gpuHourPrice_, "gpuHourPrice",
        tr("What one GPU-hour costs you (rent or amortised ownership), in your currency; GigaPlan holds no prices"));
  price(mwhPrice_, "mwhPrice", tr("Your energy tariff per MWh of facility energy, in the same currency"));
  searchForm->addRow(tr("Price per GPU-hour"), gpuHourPrice_);
  searchForm->addRow(tr("Price per MWh"), mwhPrice_);
  connect(rank_, &QComboBox::currentIndexChanged, this, [this] {
    const bool cost = rankBy() == training::RankBy::Cost;
    gpuHourPrice_->setEnabled(cost);
    mwhPrice_->setEnabled(cost);
  });
  column->addWidget(searchBox);

  summary_ = new QLabel;
  summary_->setObjectName("jobSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  column->addWidget(summary_);
  find_ = new QPushButton(tr("Find best plan"));
  find_->setObjectName("findBestPlan");
  find_->setToolTip(tr("Search every valid parallel plan for this model on this site and apply the one you choose"));
  connect(find_, &QPushButton::clicked, this, &JobPanel::findBestPlan);
  auto* remove = new QPushButton(tr("Remove job"));
  connect(remove, &QPushButton::clicked, this, [this] {
    design::Design d = editor_.document().design();
    d.job.reset();
    editor_.apply(tr("Remove training job"), {std::move(d), {}, {}});
  });
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(find_);
  buttons->addStretch(1);
  buttons->addWidget(remove);
  column->addLayout(buttons);
  column->addStretch(1);
  return page;
}

void JobPanel::load() {
  const auto& job = editor_.document().design().job;
  stack_->setCurrentIndex(job ? 1 : 0);
  if (!job) return;
  // Loading must not write back: block every widget's signals while it is filled in.
  std::vector<std::unique_ptr<QSignalBlocker>> blockers;
  for (QWidget* w : stack_->widget(1)->findChildren<QWidget*>())
    blockers.push_back(std::make_unique<QSignalBlocker>(w));
  for (const auto& l : loaders_) l(*job);
  preset_->setCurrentIndex(0);
  for (QWidget* w : planWidgets_) w->setEnabled(!job->parallelism.automatic);
  if (!job->parallelism.automatic) {
    const training::Parallelism& p = job->parallelism;
    epOverlap_->setEnabled(training::expertOverlapAllowed(p));
    commSms_->setEnabled(p.epOverlap);
    epPerNode_->setEnabled(p.ep > 1);
    foldExperts_->setEnabled(p.expertTp == 1 || training::expertFoldingAllowed(*job));
    dualPipe_->setEnabled(p.dualPipe || training::dualPipeShape(p.pp, p.virtualStages));
    // Selective only, and only modules the model has.
    const bool selective = p.recompute == training::Recompute::Selective;
    const unsigned has = training::recomputeModulesOf(job->model);
    for (std::size_t i = 0; i < recomputeModules_.size(); ++i)
      recomputeModules_[i]->setEnabled(selective && (has & training::kRecomputeModuleNames[i].bit) != 0);
  }
}

bool JobPanel::editJob(const QString& text, const std::function<void(training::Job&)>& change, int field) {
  design::Design d = editor_.document().design();
  if (!d.job) return false;
  change(*d.job);
  if (d.job == editor_.document().design().job) return false;  // nothing changed: no undo step
  const bool applied = editor_.apply(text, {std::move(d), {}, {}}, field < 0 ? -1 : kJobMergeBase + field);
  // A refused value (the editor says why) must not stay in its field looking applied.
  if (!applied) load();
  return applied;
}

bool JobPanel::applyPlan(const training::Job& plan) {
  training::Job job = plan;
  job.parallelism.automatic = false;
  return editJob(tr("Apply plan %1").arg(QString::fromStdString(training::planText(job))),
                 [&](training::Job& j) { j = job; });
}

void JobPanel::showOutlook(const JobOutlook& outlook) {
  outlook_ = outlook;
  if (!outlook.hasJob) return;
  // Findings first, where they cannot be missed: a plan that does not fit, idle GPU types, a batch
  // too small (the problem below says why there is no estimate).
  QString warnings;
  for (const auto& f : outlook.findings) {
    if (f.code == "training.no-estimate") continue;
    const bool error = f.severity == engine::Severity::Error;
    warnings += (error ? tr("<p style='color:#c62828'><b>Error:</b> %1</p>")
                       : tr("<p style='color:#b35c00'><b>Warning:</b> %1</p>"))
                    .arg(QString::fromStdString(f.message).toHtmlEscaped());
  }
  if (!outlook.estimate) {
    summary_->setText(warnings + tr("<b>No estimate:</b> %1").arg(outlook.problem.toHtmlEscaped()));
    return;
  }
  const auto& e = *outlook.estimate;
  summary_->setText(warnings +
                    tr("%10<b>%1 days</b> on %2 GPUs (%3 days of compute, goodput %4 %) · step %5 s · MFU %6 % · "
                       "%7 GiB of %8 GiB per GPU%9")
                        .arg(e.effectiveTrainingDays, 0, 'f', 1)
                        .arg(QLocale().toString(e.gpusUsed))
                        .arg(e.trainingDays, 0, 'f', 1)
                        .arg(100 * e.reliability.goodput, 0, 'f', 1)
                        .arg(e.step.total, 0, 'f', 3)
                        .arg(100 * e.mfu, 0, 'f', 1)
                        .arg(e.memory.total / units::kGiB, 0, 'f', 1)
                        .arg(e.memory.capacity / units::kGiB, 0, 'f', 0)
                        .arg(e.memory.fits ? QString() : tr(" — <b>does not fit</b>"))
                        .arg(outlook.searched ? tr("Best plan found automatically (%1):<br>")
                                                    .arg(QString::fromStdString(training::planShapeText(e.job)))
                                              : QString()));
}

training::RankBy JobPanel::rankBy() const {
  return static_cast<training::RankBy>(rank_->currentData().toInt());
}

void JobPanel::setRanking(training::RankBy rank, training::Prices prices) {
  rank_->setCurrentIndex(rank_->findData(static_cast<int>(rank)));
  gpuHourPrice_->setValue(prices.perGpuHour);
  mwhPrice_->setValue(prices.perMwh);
}

bool JobPanel::findBestPlan() {
  const auto& job = editor_.document().design().job;
  const catalog::Gpu* gpu =
      outlook_.cluster.gpu.empty() ? nullptr : editor_.document().resolved()->catalog->gpu(outlook_.cluster.gpu);
  if (!job || !gpu || outlook_.cluster.count < 1) {
    emit editor_.message(tr("Find best plan needs a job and a site with GPUs (wait for the evaluation)."));
    return false;
  }
  const training::RankBy rank = rankBy();
  const training::Prices prices{gpuHourPrice_->value(), mwhPrice_->value()};
  if (rank == training::RankBy::Cost && !prices.given()) {
    emit editor_.message(tr("Ranking by cost needs a price per GPU-hour or per MWh (GigaPlan holds no prices)."));
    return false;
  }
  const training::GpuParams params = training::resolveGpu(*gpu, outlook_.cluster);
  if (!search_->start(*job, outlook_.cluster, params, 10, rank, prices)) return false;
  find_->setEnabled(false);
  progress_ = new QProgressDialog(tr("Searching parallel plans…"), tr("Cancel"), 0, 100, this);
  progress_->setWindowTitle(tr("Find best plan"));
  progress_->setMinimumDuration(300);
  progress_->setAutoClose(false);
  progress_->setAutoReset(false);
  connect(progress_, &QProgressDialog::canceled, search_, &PlanSearch::cancel);
  connect(search_, &PlanSearch::progress, progress_, [this](qulonglong done, qulonglong total) {
    if (!progress_) return;
    progress_->setLabelText(tr("Searching parallel plans: %1 of %2").arg(done).arg(total));
    progress_->setValue(total ? static_cast<int>(100 * done / total) : 0);
  });
  return true;
}

void JobPanel::onSearchFinished(bool cancelled) {
  find_->setEnabled(true);
  if (progress_) {
    progress_->deleteLater();
    progress_ = nullptr;
  }
  const auto& r = search_->result();
  if (cancelled) {
    emit editor_.message(tr("Plan search cancelled after %1 of %2 plans").arg(r.evaluated).arg(r.candidates));
    return;
  }
  if (r.best.empty()) {
    emit editor_.message(tr("No parallel plan fits in GPU memory (%1 tried)").arg(r.candidates));
    return;
  }
  const catalog::Gpu* gpu = editor_.document().resolved()->catalog->gpu(outlook_.cluster.gpu);
  if (!gpu) return;
  auto* chooser = new PlanChooser(r, outlook_.cluster, training::resolveGpu(*gpu, outlook_.cluster), this);
  chooser->setAttribute(Qt::WA_DeleteOnClose);
  connect(chooser, &PlanChooser::apply, this, &JobPanel::applyPlan);
  emit editor_.message(tr("Searched %1 plans in %2 s").arg(r.candidates).arg(search_->seconds(), 0, 'f', 2));
  chooser->open();
  emit plansOffered(chooser);
}

}  // namespace gigaplan::app
