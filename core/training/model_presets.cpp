// Model presets (see model_presets.h). Shapes from each model's published configuration; tokens
// and batch from the paper or model card, or, where those are silent, the stated stand-in.
#include "core/training/model_presets.h"

namespace gigaplan::training {
namespace {

Model shape(const char* name, int layers, int hidden, int ffn, int heads, int kvHeads, int seq, int vocab,
            Activation act) {
  Model m;
  m.name = name;
  m.layers = layers;
  m.hidden = hidden;
  m.ffnHidden = ffn;
  m.heads = heads;
  m.kvHeads = kvHeads;
  m.seqLen = seq;
  m.vocab = vocab;
  m.activation = act;
  return m;
}

TrainingSetup run(double tokens, int globalBatch, Precision precision) {
  TrainingSetup t;
  t.tokens = tokens;
  t.globalBatch = globalBatch;
  t.microBatch = 1;
  t.precision = precision;
  return t;
}

Model deepSeekV3() {
  // config.json of deepseek-ai/DeepSeek-V3: hidden_size 7168, num_hidden_layers 61,
  // first_k_dense_replace 3, intermediate_size 18432, moe_intermediate_size 2048, n_routed_experts
  // 256, n_shared_experts 1, num_experts_per_tok 8, num_attention_heads 128, q_lora_rank 1536,
  // kv_lora_rank 512, qk_nope_head_dim 128, qk_rope_head_dim 64, v_head_dim 128, vocab_size 129280,
  // num_nextn_predict_layers 1, n_group 8 with topk_group 4 (in training each group is a node:
  // "each token will be sent to at most 4 nodes", report §2.1.2); pre-training at sequence 4,096
  // (report §4.2).
  Model m = shape("DeepSeek-V3 671B", 61, 7168, 18432, 128, 128, 4096, 129280, Activation::SwiGlu);
  m.moe = {256, 8, 2048, 1, 3, 4};
  m.mla = {1536, 512, 128, 64, 128};
  m.mtpDepth = 1;
  return m;
}

Model qwen3() {
  // config.json of Qwen/Qwen3-235B-A22B: hidden_size 4096, num_hidden_layers 94, num_attention_heads
  // 64, num_key_value_heads 4, head_dim 128, num_experts 128, num_experts_per_tok 8,
  // moe_intermediate_size 1536, intermediate_size 12288 (unused: every layer is MoE), vocab_size
  // 151936, untied embeddings; pre-training at sequence 4,096 (Qwen3 technical report §3.2).
  Model m = shape("Qwen3 235B-A22B", 94, 4096, 12288, 64, 4, 4096, 151936, Activation::SwiGlu);
  m.headDim = 128;
  m.moe = {128, 8, 1536, 0, 0};
  return m;
}

Model gptOss() {
  // config.json of openai/gpt-oss-120b: hidden_size 2880, num_hidden_layers 36, num_attention_heads
  // 64, num_key_value_heads 8, head_dim 64, num_local_experts 128, num_experts_per_tok 4,
  // intermediate_size 2880, vocab_size 201088, untied embeddings; context 4,096 in Megatron-Bridge's
  // benchmarks. Alternating 128-token sliding-window layers are not modelled (full attention).
  Model m = shape("GPT-OSS 120B", 36, 2880, 2880, 64, 8, 4096, 201088, Activation::SwiGlu);
  m.headDim = 64;
  m.moe = {128, 4, 2880, 0, 0};
  return m;
}

Model frontierMoe() {
  // Illustrative, not a published model: DeepSeek-V3's recipe scaled to a gigawatt campus —
  // 7.2 T parameters, 172 B active per token. 128 layers (the first 4 dense) divide into many
  // pipeline sizes; 512 routed experts + 1 shared, top-8, split over many expert-parallel sizes.
  Model m =
      shape("Frontier MoE 7T-A172B (illustrative)", 128, 12288, 36864, 128, 128, 8192, 200064, Activation::SwiGlu);
  m.moe = {512, 8, 3072, 1, 4, 4};  // node-limited routing to 4 nodes, as DeepSeek-V3
  m.mla = {2048, 1024, 128, 64, 128};
  m.mtpDepth = 1;
  return m;
}

}  // namespace

const std::vector<ModelPreset>& modelPresets() {
  using A = Activation;
  using P = Precision;
  static const std::vector<ModelPreset> presets = {
      {"GPT-3 175B", shape("GPT-3 175B", 96, 12288, 49152, 96, 96, 2048, 51200, A::Gelu), run(300e9, 1536, P::BF16),
       "Brown et al. 2020 (arXiv 2005.14165) Table 2.1: 300 B tokens, 3.2 M-token batch (≈ 1,536 sequences of "
       "2,048); vocabulary 51,200 as Megatron-LM (arXiv 2104.04473)"},
      {"Megatron 530B", shape("Megatron 530B", 105, 20480, 81920, 128, 128, 2048, 51200, A::Gelu),
       run(270e9, 2520, P::BF16),
       "Narayanan et al. 2021 (arXiv 2104.04473) Table 1, 529.6 B row (batch 2,520); tokens: Smith et al. 2022 "
       "(MT-NLG, arXiv 2201.11990) 270 B"},
      {"Megatron 1T", shape("Megatron 1T", 128, 25600, 102400, 160, 160, 2048, 51200, A::Gelu),
       run(450e9, 3072, P::BF16),
       "Narayanan et al. 2021 (arXiv 2104.04473) Table 1, 1,008 B row (batch 3,072) and §5.1 (450 B tokens)"},
      {"Llama 3 70B", shape("Llama 3 70B", 80, 8192, 28672, 64, 8, 8192, 128256, A::SwiGlu), run(15e12, 2048, P::BF16),
       "Llama 3 paper (arXiv 2407.21783) Table 3; 15 T tokens (§1); batch as the 405B's final 16 M tokens"},
      {"Llama 3.1 405B", shape("Llama 3.1 405B", 126, 16384, 53248, 128, 8, 8192, 128256, A::SwiGlu),
       run(15.6e12, 2048, P::BF16),
       "Llama 3 paper (arXiv 2407.21783) Table 3 (shape), §3.4.1 (15.6 T tokens; batch raised to 16 M tokens = "
       "2,048 sequences of 8,192), §3.3.2 (BF16)"},
      {"DeepSeek-V3 671B", deepSeekV3(), run(14.8e12, 15360, P::FP8),
       "DeepSeek-AI 2024, DeepSeek-V3 Technical Report (arXiv 2412.19437) §4.2: 14.8 T tokens, batch raised to 15,360 "
       "sequences of 4,096, FP8 mixed precision; shape from its config.json (huggingface.co/deepseek-ai/DeepSeek-V3)"},
      {"Qwen3 235B-A22B", qwen3(), run(36e12, 8192, P::BF16),
       "Qwen Team 2025, Qwen3 Technical Report (arXiv 2505.09388): 36 T tokens; shape from its config.json "
       "(huggingface.co/Qwen/Qwen3-235B-A22B). Batch and precision not published: Megatron-Bridge 25.11's "
       "benchmark batch (8,192 sequences of 4,096, BF16) stands in"},
      {"GPT-OSS 120B", gptOss(), run(20e12, 1280, P::BF16),
       "OpenAI 2025, gpt-oss-120b & gpt-oss-20b model card (arXiv 2508.10925); shape from its config.json "
       "(huggingface.co/openai/gpt-oss-120b). Tokens ('trillions'), batch and precision not published: 20 T tokens "
       "assumed and Megatron-Bridge 25.11's benchmark batch (1,280 sequences, BF16) stands in"},
      {"Frontier MoE 7T-A172B (illustrative)", frontierMoe(), run(60e12, 32768, P::FP8),
       "Illustrative, not a published model: DeepSeek-V3's architecture scaled to 7.2 T parameters (172 B active) "
       "for a gigawatt site, trained on 60 T tokens in FP8 with 32,768 sequences of 8,192 tokens per step (268 M "
       "tokens: Llama 3's 16 M-token batch on 16 K GPUs scaled to the ~260 K GPUs a gigawatt site gives one job)",
       true},
  };
  return presets;
}

const ModelPreset* findPreset(const std::string& title) {
  for (const auto& p : modelPresets()) {
    if (p.title == title) return &p;
  }
  return nullptr;
}

Job presetJob(const ModelPreset& preset) {
  Job job;
  job.model = preset.model;
  job.training = preset.training;
  job.parallelism.automatic = true;
  return job;
}

}  // namespace gigaplan::training
