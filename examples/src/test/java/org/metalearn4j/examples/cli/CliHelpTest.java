package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's usage help as a user sees it at picocli's default width. */
class CliHelpTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        addWithSubcommands(MetalearnCli.commandLine(new Console(NOWHERE, NOWHERE)), all);
        return all;
    }

    private static void addWithSubcommands(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().forEach((name, sub) -> {
            if (!"help".equals(name)) {
                addWithSubcommands(sub, all);
            }
        });
    }

    @Test
    void everyExampleLineIsPrintedWholeAtTheDefaultWidth() {
        List<CommandLine> commands = commands();
        assertThat(commands).extracting(CommandLine::getCommandName).contains("metalearn", "train", "eval",
                "pipeline", "dashboard", "plot", "export", "plugins", "backends", "datasets", "config", "worker",
                "cluster", "status", "generate");
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            assertThat(spec.usageMessage().width()).as(command.getCommandName())
                    .isEqualTo(CommandLine.Model.UsageMessageSpec.DEFAULT_USAGE_WIDTH);
            List<String> printed = command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
            List<String> examples = spec.usageMessage().footer().length == 0 ? List.of()
                    : List.of(String.format(String.join("%n", spec.usageMessage().footer())).split("\\R"));
            assertThat(printed).as(command.getCommandName() + " has an example").contains("Example:");
            assertThat(examples).as(command.getCommandName()).isNotEmpty()
                    .allMatch(line -> line.startsWith("  ./metalearn ") || line.startsWith("      "));
            assertThat(printed).as(command.getCommandName() + " --help").containsAll(examples);
        }
    }

    /**
     * Picocli formats descriptions with {@link String#format}: a bare {@code %} ("95% confidence") makes it print a
     * warning on stderr above the help, and the description unformatted.
     */
    @Test
    void noHelpMakesPicocliWarn() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            commands().forEach(command -> command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("picocli's warnings while printing every --help")
                .isEmpty();
    }

    /**
     * A command-line token in a description ({@code train.iterations=200}, {@code --set}, a path) is printed on one
     * line: picocli wraps at spaces and also after a dot, which would cut a pasted key in two.
     */
    @Test
    void noTokenOfADescriptionIsWrapped() {
        Pattern token = Pattern.compile("[\\w.\\[\\]/-]*[./=][\\w.\\[\\]/=-]*\\w");
        List<String> wrapped = new ArrayList<>();
        for (CommandLine command : commands()) {
            CommandSpec spec = command.getCommandSpec();
            String printed = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> descriptions = new ArrayList<>(List.of(spec.usageMessage().description()));
            spec.options().forEach(o -> descriptions.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> descriptions.addAll(List.of(p.description())));
            for (String description : descriptions) {
                Matcher m = token.matcher(description.replace("%n", " ").replace("%%", "%"));
                while (m.find()) {
                    if (!printed.contains(m.group())) {
                        wrapped.add(command.getCommandName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(wrapped).as("tokens wrapped in --help").isEmpty();
    }

    @Test
    void sharedOptionsAreOneMixinEach() {
        Map<String, List<String>> owners = Map.of(
                "--plugins-dir", List.of("train", "eval", "generate", "pipeline", "plugins", "backends", "datasets",
                        "config", "worker", "export", "serve"),
                "--cluster-config", List.of("worker", "status"),
                "--out", List.of("train", "pipeline", "plot", "export", "generate"),
                "--resume", List.of("train", "pipeline"),
                "--no-progress", List.of("train", "pipeline"),
                "--set", List.of("train", "config", "pipeline"),
                "--dashboard", List.of("train", "pipeline"));
        Map<String, Class<?>> mixinOf = Map.of("--plugins-dir", PluginsDirOption.class, "--out", RunOptions.class,
                "--resume", RunOptions.class, "--no-progress", RunOptions.class, "--set", ConfigOverrides.class,
                "--cluster-config", ClusterConfigOption.class, "--dashboard", DashboardOption.class);
        // plot's and export's --out name the file to write and generate's the directory of its images, not a run
        // directory: their own options
        Map<String, Class<?>> ownOut = Map.of("plot", PlotCommand.class, "export", ExportCommand.class, "generate",
                GenerateCommand.class);
        for (CommandLine command : commands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String name = option.longestName();
                if (!owners.containsKey(name)) {
                    continue;
                }
                assertThat(owners.get(name)).as(name).contains(command.getCommandName());
                Class<?> declaredBy = name.equals("--out") && ownOut.containsKey(command.getCommandName())
                        ? ownOut.get(command.getCommandName()) : mixinOf.get(name);
                assertThat(option.userObject()).as(command.getCommandName() + " " + name)
                        .isInstanceOf(Field.class)
                        .extracting(f -> ((Field) f).getDeclaringClass())
                        .isEqualTo(declaredBy);
            }
        }
        Map<String, CommandLine> byName = new HashMap<>();
        commands().forEach(c -> byName.put(c.getCommandName(), c));
        owners.forEach((name, users) -> users.forEach(c -> assertThat(byName.get(c).getCommandSpec().findOption(name))
                .as(c + " " + name).isNotNull()));
    }
}
