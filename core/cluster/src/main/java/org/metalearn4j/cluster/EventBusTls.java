package org.metalearn4j.cluster;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyStoreOptionsBase;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Puts a cluster's event bus on TLS with one shared key store: each member presents its certificate and trusts only
 * that certificate, and requires the same of every peer (client authentication), so a process without the key store
 * can neither connect to a member's event bus nor accept connections from one. The key store and its password are
 * checked before joining, so a wrong file fails with its name instead of a handshake error later.
 */
final class EventBusTls {
    private EventBusTls() {
    }

    static void apply(EventBusOptions options, TlsConfig tls) {
        if (!tls.enabled()) {
            return;
        }
        Path store = Path.of(tls.keyStore());
        String password = password(Path.of(tls.passwordFile()));
        String type = store.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        check(store, password, type);
        KeyStoreOptionsBase keys = type.equals("JKS") ? new JksOptions().setPath(store.toString())
                .setPassword(password) : new PfxOptions().setPath(store.toString()).setPassword(password);
        options.setSsl(true).setKeyCertOptions(keys).setTrustOptions(keys).setClientAuth(ClientAuth.REQUIRED)
                .setEnabledSecureTransportProtocols(java.util.Set.of("TLSv1.3", "TLSv1.2"));
    }

    private static String password(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new ConfigException("cluster.tls.passwordFile", file + " is empty; its first line must be the"
                        + " key store's password");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new ConfigException("cluster.tls.passwordFile", "cannot read " + file + ": " + e, e);
        }
    }

    private static void check(Path store, String password, String type) {
        if (!Files.isRegularFile(store)) {
            throw new ConfigException("cluster.tls.keyStore", "no key store at " + store + " (create one with keytool,"
                    + " see README, \"Train on several machines\")");
        }
        try (var in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ConfigException("cluster.tls.keyStore", store + " holds no private key; the cluster's key"
                        + " store needs the shared key and its certificate");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("cluster.tls.keyStore", "cannot open " + type + " key store " + store
                    + " with the password from the passwordFile: " + e.getMessage(), e);
        }
    }
}
