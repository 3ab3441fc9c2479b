package org.metalearn4j.datasets.omniglot;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * What a known Omniglot archive holds: its alphabets and characters, each character drawn by the same
 * {@value #DRAWINGS} people. A known archive read with fewer is refused, naming what is missing, so a damaged copy
 * never trains on part of the data.
 *
 * @param file       the archive's file name
 * @param alphabets  alphabets it holds
 * @param characters characters it holds
 */
public record OmniglotSet(String file, int alphabets, int characters) {
    /** Drawings of every character. */
    public static final int DRAWINGS = 20;

    /** The archives shipped in this module and the two of the official repository. */
    static final List<OmniglotSet> KNOWN = List.of(
            new OmniglotSet(OmniglotSmallProvider.SMALL1, 5, 136),
            new OmniglotSet(OmniglotSmallProvider.SMALL2, 5, 156),
            new OmniglotSet(OmniglotProvider.BACKGROUND_ZIP, 30, 964),
            new OmniglotSet(OmniglotProvider.EVALUATION_ZIP, 20, 659));

    /** The known set of that file name. */
    public static Optional<OmniglotSet> of(String fileName) {
        return KNOWN.stream().filter(s -> s.file().equals(fileName)).findFirst();
    }

    /**
     * Fails unless {@code read} holds every alphabet, character and drawing of this set.
     *
     * @param archive names the archive in the message
     */
    public void requireComplete(List<OmniglotCharacter> read, String archive) {
        long readAlphabets = read.stream().map(OmniglotCharacter::alphabet).distinct().count();
        List<String> partial = read.stream().filter(c -> c.images().size() != DRAWINGS)
                .map(c -> c.id() + " (" + c.images().size() + ")").limit(5).toList();
        if (readAlphabets != alphabets || read.size() != characters || !partial.isEmpty()) {
            throw new DatasetException(archive + " is incomplete: " + Stream.of(
                    readAlphabets != alphabets ? readAlphabets + " of " + alphabets + " alphabets" : null,
                    read.size() != characters ? read.size() + " of " + characters + " characters" : null,
                    partial.isEmpty() ? null : "characters without their " + DRAWINGS + " drawings: " + partial)
                    .filter(x -> x != null).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + "; replace it with a complete copy");
        }
    }
}
