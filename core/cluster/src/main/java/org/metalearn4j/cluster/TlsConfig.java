package org.metalearn4j.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * TLS for a cluster's event bus: every member presents the same certificate and accepts only peers that present it
 * (mutual authentication), so a process without the key store can neither read nor send tasks, parameters or results.
 *
 * @param keyStore     null for no TLS
 * @param passwordFile null when {@code keyStore} is null
 */
public record TlsConfig(
        @JsonPropertyDescription("PKCS#12 (.p12, .pfx) or JKS (.jks) key store holding the cluster's key and"
                + " certificate, the same file on every member; null: no TLS") String keyStore,
        @JsonPropertyDescription("file whose first line is the key store's password") String passwordFile) {

    public TlsConfig {
        if (keyStore != null && keyStore.isBlank()) {
            throw new IllegalArgumentException("keyStore: expected a file name or null, got \"\"");
        }
        if (keyStore != null && passwordFile == null) {
            throw new IllegalArgumentException("passwordFile: tls.keyStore " + keyStore + " needs the file holding its"
                    + " password");
        }
    }

    /** No TLS. */
    public static TlsConfig none() {
        return new TlsConfig(null, null);
    }

    /** True when a key store is given. */
    @JsonIgnore
    public boolean enabled() {
        return keyStore != null;
    }
}
