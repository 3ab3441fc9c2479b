package org.metalearn4j.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The code blocks of the project's README, for the tests that run what README shows. */
public final class ReadmeBlocks {
    /** README, seen from a module's directory (where the tests run). */
    private static final Path README = Path.of("../README.md");

    private ReadmeBlocks() {
    }

    /**
     * The first {@code language} code block after the heading line {@code heading} (e.g. {@code "## Use as a
     * library"}), without its fences.
     *
     * @throws AssertionError when README has no such block, naming the heading
     */
    public static String firstUnder(String heading, String language) throws IOException {
        String readme = text();
        Matcher m = Pattern.compile(Pattern.quote(heading) + "\n.*?```" + Pattern.quote(language) + "\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        if (!m.find()) {
            throw new AssertionError("README has no " + language + " block under '" + heading + "'");
        }
        return m.group(1);
    }

    /** The whole README. */
    public static String text() throws IOException {
        return Files.readString(README, StandardCharsets.UTF_8);
    }
}
