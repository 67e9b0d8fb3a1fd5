package dev.improv.model;

/**
 * The tensors of a weights file, declared once: their names (weight init, the CPU decoder and the DJL
 * trainer use them directly, and the benchmark's Python peers get them as {@link #layout()}) and, in
 * {@link #tensors}, their shapes and initialisation (weight init and the parameter count read those).
 */
public final class TransformerLayout {
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
        return block(String.valueOf(i));
    }

    /** How a tensor starts before training, in GPT-2's scheme. */
    enum Init {
        /** normal(0, 0.02) */
        NORMAL,
        /** normal(0, 0.02 / sqrt(2 layers)): the projections that add into the residual stream */
        RESIDUAL,
        ONES,
        ZEROS
    }

    /** One tensor: its name in the weights file, its shape (a linear weight is (out, in)) and how it starts. */
    record Tensor(String name, int[] shape, Init init) {
        /** Floats it holds. */
        long size() {
            long n = 1;
            for (int dim : shape) {
                n *= dim;
            }
            return n;
        }
    }

    /** Every tensor of a model of shape {@code c}, in the order weight init draws them. */
    static java.util.List<Tensor> tensors(TransformerConfig c) {
        int d = c.width();
        int ff = 4 * d;
        java.util.List<Tensor> out = new java.util.ArrayList<>();
        out.add(new Tensor(TOK_EMB, new int[] {c.vocabSize(), d}, Init.NORMAL));
        out.add(new Tensor(POS_EMB, new int[] {c.context(), d}, Init.NORMAL));
        for (int i = 0; i < c.layers(); i++) {
            Block n = block(i);
            out.add(new Tensor(n.ln1W(), new int[] {d}, Init.ONES));
            out.add(new Tensor(n.ln1B(), new int[] {d}, Init.ZEROS));
            out.add(new Tensor(n.qkvW(), new int[] {3 * d, d}, Init.NORMAL));
            out.add(new Tensor(n.qkvB(), new int[] {3 * d}, Init.ZEROS));
            out.add(new Tensor(n.projW(), new int[] {d, d}, Init.RESIDUAL));
            out.add(new Tensor(n.projB(), new int[] {d}, Init.ZEROS));
            out.add(new Tensor(n.ln2W(), new int[] {d}, Init.ONES));
            out.add(new Tensor(n.ln2B(), new int[] {d}, Init.ZEROS));
            out.add(new Tensor(n.fcW(), new int[] {ff, d}, Init.NORMAL));
            out.add(new Tensor(n.fcB(), new int[] {ff}, Init.ZEROS));
            out.add(new Tensor(n.fc2W(), new int[] {d, ff}, Init.RESIDUAL));
            out.add(new Tensor(n.fc2B(), new int[] {d}, Init.ZEROS));
        }
        out.add(new Tensor(LNF_W, new int[] {d}, Init.ONES));
        out.add(new Tensor(LNF_B, new int[] {d}, Init.ZEROS));
        out.add(new Tensor(HEAD, new int[] {c.vocabSize(), d}, Init.NORMAL));
        return out;
    }

    /**
     * Every name as a map a script can read: tok_emb, pos_emb, ln_f.weight, ln_f.bias, head and
     * "block", whose names hold {i} where the block's index goes.
     */
    public static java.util.Map<String, Object> layout() {
        Block b = block("{i}");
        java.util.Map<String, String> block = new java.util.LinkedHashMap<>();
        block.put("ln1W", b.ln1W());
        block.put("ln1B", b.ln1B());
        block.put("qkvW", b.qkvW());
        block.put("qkvB", b.qkvB());
        block.put("projW", b.projW());
        block.put("projB", b.projB());
        block.put("ln2W", b.ln2W());
        block.put("ln2B", b.ln2B());
        block.put("fcW", b.fcW());
        block.put("fcB", b.fcB());
        block.put("fc2W", b.fc2W());
        block.put("fc2B", b.fc2B());
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("tok_emb", TOK_EMB);
        all.put("pos_emb", POS_EMB);
        all.put("lnfW", LNF_W);
        all.put("lnfB", LNF_B);
        all.put("head", HEAD);
        all.put("block", block);
        return all;
    }

    private static Block block(String i) {
        String p = "h." + i + ".";
        return new Block(p + "ln1.weight", p + "ln1.bias", p + "attn.qkv.weight", p + "attn.qkv.bias",
                p + "attn.proj.weight", p + "attn.proj.bias", p + "ln2.weight", p + "ln2.bias",
                p + "mlp.fc.weight", p + "mlp.fc.bias", p + "mlp.proj.weight", p + "mlp.proj.bias");
    }

    private TransformerLayout() {
    }
}
