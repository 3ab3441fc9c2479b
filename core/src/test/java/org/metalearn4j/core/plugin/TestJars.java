package org.metalearn4j.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin JARs in tests: compiles Java sources against the test class path with {@code javax.tools} and packs
 * the classes plus resources (such as {@code META-INF/services} files) into a JAR that is not on the class path.
 */
public final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) and writes them with {@code resources}
     * (JAR path to text) into {@code jar}.
     */
    public static Path build(Path jar, Map<String, String> sources, Map<String, String> resources) {
        try {
            Path work = Files.createTempDirectory("plugin-src");
            Path src = work.resolve("src");
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            Path res = work.resolve("res");
            for (Map.Entry<String, String> e : resources.entrySet()) {
                Path f = res.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            return buildFromDirectories(jar, src, res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} and JARs the classes with {@code resourceRoot}. */
    public static Path buildFromDirectories(Path jar, Path sourceRoot, Path resourceRoot) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            List<String> sources = new ArrayList<>();
            if (Files.isDirectory(sourceRoot)) {
                try (Stream<Path> s = Files.walk(sourceRoot)) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
                }
            }
            if (!sources.isEmpty()) {
                compile(sources, classes, sourceRoot);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                add(out, classes);
                if (resourceRoot != null && Files.isDirectory(resourceRoot)) {
                    add(out, resourceRoot);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<String> sources, Path classes, Path sourceRoot) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("tests need a JDK (javax.tools compiler), not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", testClassPath(),
                "--release", "17", "-proc:none"));
        args.addAll(sources);
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("plugin sources under " + sourceRoot + " do not compile");
        }
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    /** Surefire hides the real class path behind a manifest JAR; it publishes it in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Source of a trivial learner provider named {@code name}, for registry tests. */
    public static String learnerSource(String pkg, String cls, String name, int rank) {
        return """
                package %s;

                import org.metalearn4j.core.learner.Learner;
                import org.metalearn4j.core.learner.LearnerContext;
                import org.metalearn4j.core.learner.LearnerProvider;

                public class %s implements LearnerProvider<%s.Config> {
                    public record Config() { }
                    public String name() { return "%s"; }
                    public String description() { return "compiled in a test"; }
                    public int rank() { return %d; }
                    public Class<Config> configType() { return Config.class; }
                    public Config defaults() { return new Config(); }
                    public Learner create(Config c, LearnerContext ctx) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, cls, cls, name, rank);
    }

    /** A services file body, one provider class per line. */
    public static String services(String... classes) {
        return String.join("\n", classes) + "\n";
    }
}
