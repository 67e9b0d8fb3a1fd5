package dev.improv.cli;

import dev.improv.model.LanguageModel;
import dev.improv.model.WeightFormat;
import picocli.CommandLine.Option;

/** The {@code --weights} option of every command that decodes with a transformer: how its decoder holds the weights. */
final class WeightsOption {
    @Option(names = "--weights", paramLabel = "fp32|int8", converter = FormatConverter.class,
            description = {"How the decoder holds the model's linear layers: fp32 (as trained) or int8 (one byte a weight and a"
                    + " scale per output channel, narrowed from the float32 file at load time; a quarter of the bytes"
                    + " per token). docs/benchmarks.md has the speed and held-out NLL of each. Default: int8 (it measured best),"
                    + " or the JVM property improv.weights (IMPROV_JAVA_OPTS=-Dimprov.weights=fp32)."})
    private WeightFormat format;

    /** {@code model} in the chosen weight format (unchanged when --weights is not given). */
    LanguageModel apply(LanguageModel model) {
        return format == null ? model : model.withWeightFormat(format);
    }

    /** Parses with {@link WeightFormat#parse}; its message, naming the choices, is what the user sees. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<WeightFormat> {
        @Override
        public WeightFormat convert(String value) {
            try {
                return WeightFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
