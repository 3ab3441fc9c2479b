package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a local HTTP server on 127.0.0.1 serving a small Omniglot-format zip. */
class OmniglotDownloaderTest {
    @TempDir
    Path cache;
    private HttpServer server;
    private byte[] zip;
    private String sha256;
    private URI url;
    private final OmniglotDownloader downloader = new OmniglotDownloader(Duration.ofSeconds(5));

    @BeforeEach
    void serve() throws Exception {
        byte[] png = RawOmniglot.characters(OmniglotSmallProvider.SMALL1).values().iterator().next().get(0);
        zip = RawOmniglot.zipBytes(Map.of("images_background/Alpha/character01/0001_01.png", png));
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/images_background.zip", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zip);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/images_background.zip");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndKeepsTheFile() throws IOException {
        Path target = cache.resolve("omniglot").resolve("images_background.zip");
        assertThat(downloader.fetch(url, target, sha256.toUpperCase())).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(OmniglotZip.read(target, 28)).hasSize(1);
        assertThat(Files.exists(target.resolveSibling("images_background.zip.part"))).isFalse();
    }

    @Test
    void checksumMayComeFromASha256sumFile() throws IOException {
        Path target = cache.resolve("images_background.zip");
        Files.writeString(cache.resolve("images_background.zip.sha256"), sha256 + "  images_background.zip\n");
        downloader.fetch(url, target, null);
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    @Test
    void checksumMismatchKeepsNothing() throws IOException {
        Path target = cache.resolve("images_background.zip");
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> downloader.fetch(url, target, wrong))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("SHA-256 mismatch for " + url)
                .hasMessageContaining("expected " + wrong + " (configured), got " + sha256)
                .hasMessageContaining("not kept in " + cache);
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void offlineFailureNamesTheUrlAndTheCachePath() {
        server.stop(0);
        Path target = cache.resolve("omniglot").resolve("images_background.zip");
        assertThatThrownBy(() -> downloader.fetch(url, target, sha256))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("could not download " + url + " to " + target)
                .hasMessageContaining("offline");
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void refusesToDownloadAnUnknownFileWithoutAChecksumAndNamesWhereToPutIt() {
        Path target = cache.resolve("other.zip");
        assertThatThrownBy(() -> downloader.fetch(url, target, " "))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("without a SHA-256")
                .hasMessageContaining(cache.resolve("other.zip.sha256").toString());
    }

    @Test
    void officialArchiveWithoutAChecksumIsVerifiedByItsPublishedMd5AndItsSha256Recorded() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
        OmniglotDownloader pinned = new OmniglotDownloader(Duration.ofSeconds(5), Map.of("images_background.zip", md5));
        Path target = cache.resolve("images_background.zip");
        assertThat(pinned.fetch(url, target, null)).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(Files.readString(cache.resolve("images_background.zip.sha256")))
                .isEqualTo(sha256 + "  images_background.zip\n");
    }

    @Test
    void officialArchiveNotMatchingThePublishedMd5IsDiscarded() {
        Path target = cache.resolve("images_background.zip");
        assertThatThrownBy(() -> downloader.fetch(url, target, null))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("MD5 mismatch for " + url)
                .hasMessageContaining("expected " + OmniglotDownloader.PUBLISHED_MD5.get("images_background.zip"))
                .hasMessageContaining("torchvision")
                .hasMessageContaining("not kept in " + cache);
        assertThat(target).doesNotExist();
        assertThat(cache.resolve("images_background.zip.part")).doesNotExist();
        assertThat(cache.resolve("images_background.zip.sha256")).doesNotExist();
    }

    @Test
    void existingFileIsNotDownloadedAgain() throws IOException {
        server.stop(0);
        Path target = cache.resolve("images_background.zip");
        Files.write(target, zip);
        assertThat(downloader.fetch(url, target, null)).isEqualTo(target);
    }
}
