package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;

/**
 * The {@code cluster:} section: loopback and no multicast by default; unknown keys, bad addresses, members on other
 * machines without TLS, a missing key store or password file and ports in use are refused naming the key, the value
 * and what is expected, before anything joins a cluster.
 */
class ClusterConfigTest {

    private static ClusterConfig bind(String yaml) {
        JsonNode tree = ConfigMappers.readYaml(yaml, "cluster.yaml");
        return ClusterConfig.bind(tree, "cluster.yaml");
    }

    private static void refused(String yaml, String path, String... parts) {
        assertThatThrownBy(() -> bind(yaml)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).path()).isEqualTo(path))
                .hasMessageContaining("(in cluster.yaml)").hasMessageContaining(parts[0])
                .hasMessageContaining(parts.length > 1 ? parts[1] : parts[0]);
    }

    @Test
    void defaultsKeepEverythingOnThisMachineWithoutTls() {
        ClusterConfig c = ClusterConfig.bind(null, "none");
        assertThat(c).isEqualTo(ClusterConfig.defaults());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.members()).isEmpty();
        assertThat(c.tls().enabled()).isFalse();
        var hz = HazelcastSettings.of(c, false);
        assertThat(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(hz.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(bind("workers: 3\nwhenNoWorkers: stop").workers()).isEqualTo(3);
    }

    @Test
    void badKeysAndAddressesAreRefusedNamingThem() {
        refused("worker: 2", "cluster.worker", "unknown key", "workers");
        refused("members: ['10.0.0.2:99999']", "cluster.members[0]", "port from 1 to 65535", "10.0.0.2:99999");
        refused("members: ['bad host']", "cluster.members[0]", "expected host or host:port", "bad host");
        refused("host: '*'", "cluster.host", "IPv4 address or a host name", "*");
        refused("port: 70000", "cluster.port", "70000");
        refused("whenNoWorkers: wait", "cluster.whenNoWorkers", "local", "stop");
        refused("taskTimeoutSeconds: 0", "cluster.taskTimeoutSeconds", "0");
    }

    @Test
    void anotherMachineNeedsTls() {
        refused("members: ['10.0.0.2']", "cluster.tls", "members on other machines", "tls.keyStore");
        refused("host: 0.0.0.0", "cluster.tls", "host 0.0.0.0 opens the cluster beyond this machine");
        refused("tls: {keyStore: cluster.p12}", "cluster.tls.passwordFile", "needs the file holding its password");
        ClusterConfig tls = bind("host: 10.0.0.1\nmembers: ['10.0.0.2:5701']\n"
                + "tls: {keyStore: cluster.p12, passwordFile: cluster.pass}");
        assertThat(tls.tls().enabled()).isTrue();
        assertThat(HazelcastSettings.of(tls, false).getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .contains("10.0.0.2:5701");
    }

    @Test
    void aMissingKeyStoreOrPasswordFailsBeforeJoining(@TempDir Path dir) throws IOException {
        ClusterConfig missing = bind("tls: {keyStore: " + dir.resolve("none.p12") + ", passwordFile: "
                + dir.resolve("pass") + "}");
        Files.writeString(dir.resolve("pass"), "secret\n");
        assertThatThrownBy(() -> new ClusterVertxFactory(missing, false).create())
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.tls.keyStore: no key store at")
                .hasMessageContaining("none.p12");
        Files.writeString(dir.resolve("junk.p12"), "not a key store");
        ClusterConfig junk = bind("tls: {keyStore: " + dir.resolve("junk.p12") + ", passwordFile: "
                + dir.resolve("pass") + "}");
        assertThatThrownBy(() -> new ClusterVertxFactory(junk, false).create())
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot open PKCS12 key store");
        ClusterConfig noPassword = bind("tls: {keyStore: " + dir.resolve("junk.p12") + ", passwordFile: "
                + dir.resolve("absent") + "}");
        assertThatThrownBy(() -> new ClusterVertxFactory(noPassword, false).create())
                .isInstanceOf(ConfigException.class).hasMessageContaining("cluster.tls.passwordFile: cannot read");
    }

    @Test
    void aPortInUseIsRefusedNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            ClusterConfig exact = bind("port: " + port + "\nportCount: 1");
            assertThatThrownBy(() -> new ClusterVertxFactory(exact, false).create())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cluster.port: port " + port + " on 127.0.0.1 is in use");
            ClusterConfig bus = bind("eventBusPort: " + port);
            assertThatThrownBy(() -> new ClusterVertxFactory(bus, false).create())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cluster.eventBusPort: port " + port + " on 127.0.0.1 is in use");
        }
    }
}
