// Model presets (see model_presets.h). Shapes from the papers that published them.
#include "app/gui/job/model_presets.h"

namespace gigaplan::app {
namespace {

training::Model shape(const char* name, int layers, int hidden, int ffn, int heads, int kvHeads, int seq, int vocab,
                      training::Activation act) {
  training::Model m;
  m.name = name;
  m.layers = layers, m.hidden = hidden, m.ffnHidden = ffn, m.heads = heads, m.kvHeads = kvHeads, m.seqLen = seq,
  m.vocab = vocab;
  m.activation = act;
  return m;
}

}  // namespace

const std::vector<ModelPreset>& modelPresets() {
  using A = training::Activation;
  static const std::vector<ModelPreset> presets = {
      {"GPT-3 175B", shape("GPT-3 175B", 96, 12288, 49152, 96, 96, 2048, 51200, A::Gelu),
       "Brown et al. 2020 (arXiv 2005.14165) Table 2.1; vocabulary 51,200 as Megatron-LM (arXiv 2104.04473)"},
      {"Megatron 530B", shape("Megatron 530B", 105, 20480, 81920, 128, 128, 2048, 51200, A::Gelu),
       "Narayanan et al. 2021 (arXiv 2104.04473) Table 1, 529.6 B row"},
      {"Megatron 1T", shape("Megatron 1T", 128, 25600, 102400, 160, 160, 2048, 51200, A::Gelu),
       "Narayanan et al. 2021 (arXiv 2104.04473) Table 1, 1,008 B row"},
      {"Llama 3 70B", shape("Llama 3 70B", 80, 8192, 28672, 64, 8, 8192, 128256, A::SwiGlu),
       "Llama 3 paper (arXiv 2407.21783) Table 3"},
      {"Llama 3 405B", shape("Llama 3 405B", 126, 16384, 53248, 128, 8, 8192, 128256, A::SwiGlu),
       "Llama 3 paper (arXiv 2407.21783) Table 3"},
  };
  return presets;
}

training::Job defaultJob() {
  training::Job job;
  job.model = modelPresets().front().model;
  job.training.tokens = 300e9;      // GPT-3's training tokens (Brown et al. 2020)
  job.training.globalBatch = 1536;  // ≈ GPT-3's 3.2 M-token batch at 2,048 tokens per sequence
  job.training.microBatch = 1;
  job.training.precision = training::Precision::BF16;
  job.parallelism.automatic = true;
  return job;
}

}  // namespace gigaplan::app
