package org.metalearn4j.examples.cli;

import org.metalearn4j.core.checkpoint.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code metalearn --version}: the versions a checkpoint would record. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Provenance p = Provenance.current(0);
        return new String[]{"metalearn4j " + p.metalearn4jVersion() + ", ND4J " + p.nd4jVersion() + ", Java "
                + p.javaVersion()};
    }
}
