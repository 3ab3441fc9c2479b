package org.metalearn4j.optimization.learned;

import java.util.List;

/**
 * Which of a learned optimizer's networks serves a parameter: the first of its name prefixes the parameter's name
 * starts with. One group {@code ""} serves everything; Andrychowicz et al. used separate networks for convolutional
 * and fully connected layers, e.g. {@code ["backbone.", "head."]}.
 *
 * @param prefixes the groups' name prefixes, in matching order
 */
public record ParameterGroups(List<String> prefixes) {
    public ParameterGroups {
        if (prefixes == null || prefixes.isEmpty()) {
            throw new IllegalArgumentException("groups: expected at least one parameter-name prefix (\"\" for all),"
                    + " got " + prefixes);
        }
        for (String p : prefixes) {
            if (p == null) {
                throw new IllegalArgumentException("groups: a prefix is null in " + prefixes);
            }
        }
        if (prefixes.stream().distinct().count() != prefixes.size()) {
            throw new IllegalArgumentException("groups: prefixes must be distinct, got " + prefixes);
        }
        prefixes = List.copyOf(prefixes);
    }

    /** The group of {@code parameter}; fails naming it and the prefixes when none matches. */
    public int of(String parameter) {
        for (int g = 0; g < prefixes.size(); g++) {
            if (parameter.startsWith(prefixes.get(g))) {
                return g;
            }
        }
        throw new IllegalArgumentException("learned optimizer: parameter '" + parameter + "' matches none of the"
                + " parameter groups it was trained for " + prefixes + "; it cannot update this model's layout");
    }

    /** How many groups. */
    public int size() {
        return prefixes.size();
    }
}
