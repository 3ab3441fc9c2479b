package org.metalearn4j.examples.cli;

import java.util.Comparator;
import java.util.concurrent.Callable;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.backend.HostCpu;
import org.metalearn4j.core.backend.Nd4jNativeLibrary;
import org.metalearn4j.core.backend.Nd4jVariantRule;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.plugin.BackendUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code metalearn backends}: every backend, whether it can run here and why, and what {@code auto} picks. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Lists the compute backends found, their availability with the reason, the device and which "
                + "one 'backend: auto' selects, then the CPU model and flags, the ND4J native variant loaded and "
                + "which variant fits this CPU. Probing does not initialise ND4J.",
        footerHeading = "%nExample:%n", footer = "  ./metalearn backends")
final class BackendsCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    PluginsDirOption plugins;

    BackendsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (Session session = Session.open(plugins.dir, console.err())) {
            var registry = session.registry();
            console.out().printf("%-8s %-5s %-10s %-44s %s%n", "NAME", "RANK", "AVAILABLE", "ORIGIN",
                    "DEVICE / REASON");
            registry.backends().stream().sorted(Comparator.comparingInt(Backend::rank).reversed()).forEach(b -> {
                Availability a = b.availability();
                console.out().printf("%-8s %-5d %-10s %-44s %s%n", b.name(), b.rank(), a.available() ? "yes" : "no",
                        registry.origin(b), a.available() ? b.device() + " [" + a.reason() + "]" : a.reason());
            });
            try {
                console.out().println("auto selects: " + BackendSelector.select(registry, BackendSelector.AUTO).name());
            } catch (BackendUnavailableException e) {
                console.out().println("auto selects: nothing (" + e.getMessage() + ")");
            }
            printCpuVariant();
            return 0;
        }
    }

    /** The CPU, the ND4J native variant loaded (the cpu backend's probe above loads it) and the variant rule. */
    private void printCpuVariant() {
        HostCpu cpu = HostCpu.current();
        Nd4jVariantRule rule = Nd4jVariantRule.forHost(cpu);
        console.out().println("cpu: " + cpu.model() + "; " + cpu.variantFlags());
        console.out().println("nd4j native variant: loaded " + Nd4jNativeLibrary.loaded("nd4jcpu")
                .map(Nd4jNativeLibrary::variant).orElse("none") + ", on the class path "
                + rule.onPath().orElse("none"));
        console.out().println("variant rule: " + rule.reason());
    }
}
