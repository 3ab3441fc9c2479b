package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.core.config.RunConfig;

/**
 * The event bus over TLS on loopback, with a self-signed certificate made here as the README says: members sharing the
 * key store train together exactly as without TLS, while a member whose key store holds another certificate is in
 * the same Hazelcast cluster but can neither reach the workers nor be reached by them.
 */
class TlsClusterTest {
    @TempDir
    static Path dir;
    private static TestCluster cluster;
    private static TestCluster.Node coordinator;
    private static TestCluster.Node intruder;

    @BeforeAll
    static void start() throws Exception {
        Path pass = Files.writeString(dir.resolve("cluster.pass"), "cluster-secret\n");
        keyStore(dir.resolve("cluster.p12"), "cluster-secret");
        keyStore(dir.resolve("other.p12"), "cluster-secret");
        ClusterConfig shared = ClusterConfig.bind(null, "test").withTls(new TlsConfig(dir.resolve("cluster.p12")
                .toString(), pass.toString()));
        cluster = new TestCluster(shared);
        coordinator = cluster.join();
        TestCluster.Node workers = cluster.join();
        cluster.worker(workers, "w-tls", 2);
        intruder = cluster.join(cluster.config.withTls(new TlsConfig(dir.resolve("other.p12").toString(),
                pass.toString())));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A key pair and self-signed certificate in a PKCS#12 store, as README's keytool command makes it. */
    static void keyStore(Path file, String password) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "metalearn-cluster", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=metalearn-cluster", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                file.toString(), "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    @Test
    void membersSharingTheKeyStoreTrainAsWithoutTls() {
        RunConfig config = Runs.config(3, 4, "cluster.workers=1", "cluster.joinTimeoutSeconds=30",
                "cluster.whenNoWorkers=stop");
        Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });
        assertThat(there.state()).isEqualTo(Runs.local(config).state());
        assertThat(there.workerTasks()).containsOnlyKeys("w-tls");
    }

    @Test
    void aMemberWithAnotherCertificateReachesNoWorker() {
        // the first TLS connection between two members may take seconds on a loaded machine
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<MemberInfo> seen = List.of();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            seen = cluster.rollCall(coordinator, Duration.ofSeconds(2));
        }
        assertThat(seen).extracting(MemberInfo::id).contains("w-tls");
        assertThat(cluster.rollCall(intruder, Duration.ofSeconds(5))).isEmpty();
    }
}
