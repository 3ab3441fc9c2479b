package org.metalearn4j.examples.apps.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.datasets.text.GlossClass;
import org.metalearn4j.datasets.text.GlossSplits;
import org.metalearn4j.datasets.text.WordNetGlossesConfig;
import org.metalearn4j.datasets.text.WordNetGlossesProvider;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.apps.ApplicationMain;
import org.metalearn4j.examples.apps.ResumableTraining;
import org.metalearn4j.examples.cli.StderrStageProgress;

/**
 * Few-shot text classification on {@code wordnet-glosses} (WordNet noun categories, hyponym definitions as examples):
 * 5-way 1- and 5-shot accuracy on the same fixed {@code meta-test} episodes (episode {@code i} from
 * {@code Seeds.derive(eval-seed, i)}, 15 queries per class) with 95% CIs, for
 * <ul>
 *   <li>{@code tfidf}: TF-IDF nearest prototype on words (document frequencies of the meta-train definitions);</li>
 *   <li>{@code protonet}: ProtoNet, an mlp encoder of the hashed character n-grams trained from scratch (cosine);</li>
 *   <li>{@code maml}: MAML on an mlp over the same inputs;</li>
 *   <li>{@code pretrain}: the transfer stages, {@code pretrain} (a classifier over all meta-train classes) then
 *       {@code evaluate} with the fine-tuning adapter ({@code --finetune-mode} full or linear-probe,
 *       {@code --finetune-steps}, {@code --finetune-lr}).</li>
 * </ul>
 * One ProtoNet and one MAML model per shot; checkpoints go to {@code --out}, so an interrupted run resumes.
 *
 * <pre>
 * java -Xmx4g -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.apps.text.TextFewShotBenchmark --out runs/text
 * </pre>
 */
public final class TextFewShotBenchmark {
    private static final String DATASET = WordNetGlossesProvider.NAME;
    private static final int WAY = 5;
    private static final int QUERY = 15;

    private TextFewShotBenchmark() {
    }

    public static void main(String[] argv) {
        ApplicationMain.run(argv, Map.ofEntries(Map.entry("methods", "tfidf,protonet,maml,pretrain"),
                Map.entry("shots", "1,5"), Map.entry("episodes", "1000"), Map.entry("eval-seed", "20261206"),
                Map.entry("seed", "1"), Map.entry("protonet-iterations", "1000"),
                Map.entry("maml-iterations", "200"), Map.entry("pretrain-iterations", "2000"),
                Map.entry("finetune-mode", "full"), Map.entry("finetune-steps", "50"),
                Map.entry("finetune-lr", "0.001"),
                Map.entry("out", "runs/text")), TextFewShotBenchmark::run);
    }

    private static void run(MainOptions args) throws IOException {
        Dataset data = Components.dataset(DATASET, "");
        WordNetGlossesConfig config = new WordNetGlossesProvider().defaults();
        GlossSplits splits = WordNetGlossesProvider.splits(config);
        List<Integer> shots = args.list("shots").stream().map(Integer::parseInt).toList();
        List<String> methods = args.list("methods");
        int episodes = args.integer("episodes");
        long evalSeed = Long.parseLong(args.string("eval-seed"));
        long seed = args.integer("seed");
        Path out = Path.of(args.string("out"));
        Files.createDirectories(out);
        Map<String, Map<Integer, EvalResult>> table = new LinkedHashMap<>();
        for (String method : methods) {
            Map<Integer, EvalResult> row = new LinkedHashMap<>();
            Artifact pretrained = method.equals("pretrain") ? pretrain(args, seed, out) : null;
            for (int shot : shots) {
                TaskSource test = data.episodes("meta-test", new EpisodeSpec(WAY, shot, QUERY));
                EvalResult r = switch (method) {
                    case "tfidf" -> tfidf(splits, shot, episodes, evalSeed);
                    case "protonet" -> Evaluator.evaluate(trained(data, "protonet",
                            "{\"backbone\":{\"type\":\"mlp\",\"hidden\":[512]},\"distance\":\"cosine\"}", 20, shot, 1,
                            args.integer("protonet-iterations"), seed, out), test, episodes, evalSeed);
                    case "maml" -> Evaluator.evaluate(trained(data, "maml", "{\"innerSteps\":5,\"innerLr\":0.5,"
                            + "\"evalInnerSteps\":10,\"backbone\":{\"type\":\"mlp\",\"hidden\":[256]}}", WAY, shot, 4,
                            args.integer("maml-iterations"), seed, out), test, episodes, evalSeed);
                    case "pretrain" -> finetuned(pretrained, args, shot, episodes, evalSeed, seed, out);
                    default -> throw new IllegalArgumentException("--methods: unknown method '" + method
                            + "'; expected tfidf, protonet, maml or pretrain");
                };
                row.put(shot, r);
                System.err.printf(Locale.ROOT, "%s %d-shot: %.4f +- %.4f%n", method, shot, r.value(), r.ci95());
            }
            table.put(method, row);
        }
        print(table, shots, episodes, out);
    }

    /** A learner meta-trained on meta-train episodes of {@code way} ways and {@code shot} shots (5 queries). */
    private static Learner trained(Dataset data, String name, String params, int way, int shot, int metaBatch,
                                   int iterations, long seed, Path out) {
        TaskSource train = data.episodes("meta-train", new EpisodeSpec(way, shot, 5));
        LearnerContext context = Components.context(data, train, way, seed);
        Learner learner = Components.learner(name, params, context);
        ModelDescription model = ModelDescription.of(name, ConfigMappers.readJson(params, name), data,
                context);
        ObjectNode settings = ConfigMappers.plain().createObjectNode().put("learner", name).put("way", way)
                .put("shot", shot).put("metaBatch", metaBatch).put("seed", seed);
        settings.set("params", ConfigMappers.readJson(params, name));
        ResumableTraining.run(name + " " + shot + "-shot", learner, train, LoopPlan.of(iterations, metaBatch, seed),
                "accuracy", out.resolve(name + "-" + shot + "shot"), settings, model, 100, System.err);
        return learner;
    }

    /** The TF-IDF baseline on the episodes the learners see (same classes and examples for each seed). */
    private static EvalResult tfidf(GlossSplits splits, int shot, int episodes, long evalSeed) {
        List<String> corpus = new ArrayList<>();
        splits.classes("meta-train").forEach(c -> corpus.addAll(c.examples()));
        TfidfPrototypes tfidf = new TfidfPrototypes(corpus);
        List<GlossClass> classes = splits.classes("meta-test");
        EpisodeSampler positions = new EpisodeSampler(splits.positions("meta-test"), new EpisodeSpec(WAY, shot,
                QUERY), DATASET + "/meta-test");
        double[] accuracy = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            Task task = positions.sample(Seeds.derive(evalSeed, i));
            List<List<String>> support = new ArrayList<>();
            for (int c = 0; c < WAY; c++) {
                support.add(new ArrayList<>());
            }
            for (int row = 0; row < task.support().size(); row++) {
                support.get(task.support().y().getInt(row)).add(text(classes, task, true, row));
            }
            int correct = 0;
            for (int row = 0; row < task.query().size(); row++) {
                if (tfidf.classify(support, text(classes, task, false, row)) == task.query().y().getInt(row)) {
                    correct++;
                }
            }
            accuracy[i] = correct / (double) task.query().size();
        }
        return EvalResult.of("accuracy", accuracy);
    }

    private static String text(List<GlossClass> classes, Task task, boolean support, int row) {
        var x = support ? task.support().x() : task.query().x();
        return classes.get(x.getInt(row, 0)).examples().get(x.getInt(row, 1));
    }

    /** The {@code pretrain} stage: an mlp classifier over every meta-train class. */
    private static Artifact pretrain(MainOptions args, long seed, Path out) {
        return stage("pretrain", "{\"dataset\":\"" + DATASET + "\",\"split\":\"meta-train\",\"backbone\":{\"type\":"
                + "\"mlp\",\"hidden\":[512]},\"iterations\":" + args.integer("pretrain-iterations")
                + ",\"batchSize\":64,\"lr\":0.001}", Artifact.none(), seed, out);
    }

    /** The {@code evaluate} stage on the pretrained backbone, fine-tuning it and a new head on each support set. */
    private static EvalResult finetuned(Artifact backbone, MainOptions args, int shot, int episodes, long evalSeed,
                                        long seed, Path out) {
        Artifact r = stage("evaluate", "{\"dataset\":\"" + DATASET + "\",\"split\":\"meta-test\",\"way\":" + WAY
                + ",\"shot\":" + shot + ",\"query\":" + QUERY + ",\"episodes\":" + episodes + ",\"episodeSeed\":"
                + evalSeed + ",\"adapter\":\"finetune\",\"mode\":\"" + args.string("finetune-mode")
                + "\",\"steps\":" + args.integer("finetune-steps") + ",\"lr\":" + args.number("finetune-lr") + "}",
                backbone, seed, out);
        return new EvalResult("accuracy", r.metrics().get("accuracy"), r.metrics().get("accuracy.ci95"),
                r.metrics().get("episodes").intValue());
    }

    private static Artifact stage(String name, String json, Artifact input, long seed, Path out) {
        StageProvider<?> provider = PluginRegistry.classpath().stage(name);
        try (StderrStageProgress progress = new StderrStageProgress(name)) {
            return run(provider, ConfigMappers.readJson(json, name), input,
                    new StageContext(PluginRegistry.classpath(), out.resolve(name), seed, progress));
        }
    }

    private static <C extends Record> Artifact run(StageProvider<C> provider, JsonNode params, Artifact input,
                                                   StageContext context) {
        C config = ConfigBinder.bindParams(provider, params, "stage " + provider.name(), "TextFewShotBenchmark");
        return provider.create(config).run(input, context);
    }

    private static void print(Map<String, Map<Integer, EvalResult>> table, List<Integer> shots, int episodes,
                              Path out) throws IOException {
        List<String> csv = new ArrayList<>(List.of("method,shot,accuracy,ci95,episodes"));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "method"));
        shots.forEach(k -> header.append(String.format(Locale.ROOT, "%22s", WAY + "-way " + k + "-shot")));
        System.out.println(header);
        table.forEach((method, row) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", method));
            row.forEach((shot, r) -> {
                line.append(String.format(Locale.ROOT, "%14.2f%% +- %4.2f", 100 * r.value(), 100 * r.ci95()));
                csv.add(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%d", method, shot, r.value(), r.ci95(), episodes));
            });
            System.out.println(line);
        });
        Files.write(out.resolve("accuracy.csv"), csv);
        System.out.println("(" + episodes + " fixed meta-test episodes, 15 queries per class; wrote "
                + out.resolve("accuracy.csv") + ")");
    }
}
