package dev.improv.model;

/** Tensor names in a weights file, shared by the DJL trainer, the CPU decoder and the Python peer. */
final class TransformerNames {
    static final String TOK_EMB = "tok_emb";   // (vocab, d)
    static final String POS_EMB = "pos_emb";   // (context, d)
    static final String LNF_W = "ln_f.weight"; // (d)
    static final String LNF_B = "ln_f.bias";   // (d)
    static final String HEAD = "head.weight";  // (vocab, d)

    /** Names of one block's tensors; linear weights are (out, in) as in PyTorch. */
    record Block(String ln1W, String ln1B, String qkvW, String qkvB, String projW, String projB,
                 String ln2W, String ln2B, String fcW, String fcB, String fc2W, String fc2B) {
    }

    static Block block(int i) {
        String p = "h." + i + ".";
        return new Block(p + "ln1.weight", p + "ln1.bias", p + "attn.qkv.weight", p + "attn.qkv.bias",
                p + "attn.proj.weight", p + "attn.proj.bias", p + "ln2.weight", p + "ln2.bias",
                p + "mlp.fc.weight", p + "mlp.fc.bias", p + "mlp.proj.weight", p + "mlp.proj.bias");
    }

    private TransformerNames() {
    }
}
