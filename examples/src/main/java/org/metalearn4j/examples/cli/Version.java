package org.metalearn4j.examples.cli;

import org.metalearn4j.core.checkpoint.LibraryVersions;
import picocli.CommandLine.IVersionProvider;

/** {@code metalearn --version}: the versions a checkpoint or artifact would record (ND4J's backend loads later). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        LibraryVersions v = LibraryVersions.current();
        return new String[]{"metalearn4j " + v.metalearn4j() + ", ND4J " + v.nd4j() + ", Java " + v.java()};
    }
}
