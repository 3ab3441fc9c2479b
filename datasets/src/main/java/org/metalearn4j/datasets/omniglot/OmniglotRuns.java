package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.datasets.image.InkImage;
import org.metalearn4j.datasets.store.ZipArchive;

/**
 * Reads the official Omniglot one-shot classification runs ({@code all_runs.zip} of the omniglot repository), from the
 * zip itself or an unpacked directory. Each run directory holds {@code training/classXX.png}, {@code
 * test/itemXX.png} and {@code class_labels.txt}, whose lines pair a test item with its training image
 * ({@code run01/test/item01.png run01/training/class12.png}); only the last two path components of each name are used,
 * so paths relative to the run or to the archive root both work. Images are decoded like the Omniglot archives (ink 1,
 * area-averaged to {@code imageSize}). A zip is read only when whole ({@link ZipArchive}), and a run with images but
 * without its labels file is refused: scoring only the runs that survived a damaged copy would be a wrong result.
 */
public final class OmniglotRuns {
    private static final String LABELS = "class_labels.txt";

    private OmniglotRuns() {
    }

    /** Reads every run under {@code path} (a zip file or a directory), sorted by run name. */
    public static List<OmniglotRun> read(Path path, int imageSize) {
        Map<String, byte[]> files = Files.isDirectory(path) ? readDirectory(path) : readZip(path);
        List<OmniglotRun> runs = new ArrayList<>();
        for (String file : files.keySet()) {
            if (file.equals(LABELS) || file.endsWith("/" + LABELS)) {
                String prefix = file.substring(0, file.length() - LABELS.length());
                runs.add(readRun(path, files, prefix, imageSize));
            }
        }
        if (runs.isEmpty()) {
            throw new DatasetException(path + ": no Omniglot runs found (expected runNN/" + LABELS
                    + ", runNN/training/, runNN/test/)");
        }
        requireNoPartialRun(path, files);
        return runs;
    }

    /**
     * Refuses images of a run without its {@value #LABELS}: a run cut short (a truncated copy, an interrupted
     * unpacking) would otherwise be left out and the score computed on the runs that survive.
     */
    private static void requireNoPartialRun(Path source, Map<String, byte[]> files) {
        for (String file : files.keySet()) {
            for (String part : List.of("training/", "test/")) {
                int at = file.lastIndexOf(part);
                if (at >= 0 && (at == 0 || file.charAt(at - 1) == '/')) {
                    String prefix = file.substring(0, at);
                    if (!files.containsKey(prefix + LABELS)) {
                        throw new DatasetException(source + ": run " + (prefix.isEmpty() ? source.getFileName()
                                : prefix) + " is incomplete: it has " + file + " but no " + LABELS + "; the runs"
                                + " are partial, use a complete copy of all_runs");
                    }
                }
            }
        }
    }

    private static OmniglotRun readRun(Path source, Map<String, byte[]> files, String prefix, int imageSize) {
        String name = prefix.isEmpty() ? source.getFileName().toString()
                : Path.of(prefix).getFileName().toString();
        List<String> trainingNames = imagesUnder(files, prefix + "training/");
        List<String> testNames = imagesUnder(files, prefix + "test/");
        String labelsFile = source + "!" + prefix + LABELS;
        if (trainingNames.isEmpty() || testNames.isEmpty()) {
            throw new DatasetException(source + ": run " + name + " needs images in " + prefix + "training/ and "
                    + prefix + "test/");
        }
        int[] answers = new int[testNames.size()];
        java.util.Arrays.fill(answers, -1);
        String[] lines = new String(files.get(prefix + LABELS), StandardCharsets.UTF_8).split("\\R");
        for (int lineNo = 0; lineNo < lines.length; lineNo++) {
            String line = lines[lineNo].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw new DatasetException(labelsFile + " line " + (lineNo + 1) + ": expected 'TEST_IMAGE "
                        + "TRAINING_IMAGE', got '" + line + "'");
            }
            int test = indexOf(testNames, prefix + lastTwo(pair[0]), labelsFile, lineNo);
            answers[test] = indexOf(trainingNames, prefix + lastTwo(pair[1]), labelsFile, lineNo);
        }
        for (int j = 0; j < answers.length; j++) {
            if (answers[j] < 0) {
                throw new DatasetException(labelsFile + " gives no training image for " + testNames.get(j));
            }
        }
        return new OmniglotRun(name, decode(source, files, trainingNames, imageSize),
                decode(source, files, testNames, imageSize), answers);
    }

    private static List<String> imagesUnder(Map<String, byte[]> files, String directory) {
        return files.keySet().stream()
                .filter(f -> f.startsWith(directory) && f.toLowerCase().endsWith(".png")
                        && f.indexOf('/', directory.length()) < 0)
                .sorted().toList();
    }

    private static String lastTwo(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        return parts.length < 2 ? path : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static int indexOf(List<String> names, String wanted, String labelsFile, int lineNo) {
        int index = names.indexOf(wanted);
        if (index < 0) {
            throw new DatasetException(labelsFile + " line " + (lineNo + 1) + ": image " + wanted
                    + " does not exist in the run");
        }
        return index;
    }

    private static List<float[]> decode(Path source, Map<String, byte[]> files, List<String> names, int size) {
        List<float[]> images = new ArrayList<>(names.size());
        for (String name : names) {
            images.add(InkImage.decode(files.get(name), size, source + "!" + name));
        }
        return images;
    }

    private static Map<String, byte[]> readZip(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new DatasetException("Omniglot runs not found: " + zip.toAbsolutePath()
                    + " is neither a zip file nor a directory");
        }
        Map<String, byte[]> files = new TreeMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new DatasetException(IoReason.describe("cannot read Omniglot runs archive", zip, e), e);
        }
        for (ZipArchive.Entry entry : ZipArchive.read(bytes, zip.toString())) {
            if (!entry.name().startsWith("__MACOSX/")) {
                files.put(entry.name(), entry.bytes());
            }
        }
        return files;
    }

    private static Map<String, byte[]> readDirectory(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot read Omniglot runs directory (" + e.getMessage() + ")", e);
        }
        return files;
    }
}
