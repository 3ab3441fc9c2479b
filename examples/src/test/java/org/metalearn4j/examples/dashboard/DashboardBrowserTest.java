package org.metalearn4j.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.examples.cli.MetalearnCli;
import org.metalearn4j.examples.runs.RunFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium through Selenium) while {@code metalearn train
 * --dashboard} trains: the run list, the live loss chart, the evaluation table and the config show what the run
 * writes, and a second run can be overlaid. A screenshot goes to {@code target/dashboard-browser-test.png}.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void showsARunThatIsTrainingLiveWithItsRunListConfigAndEvaluations() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed at " + CHROMIUM + " (.ci/run "
                + "installs the packages chromium and chromium-driver): the browser test cannot run");
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        RunFixtures.training(runs.resolve("earlier"), "protonet", "omniglot", 30, true);
        RunFixtures.pipeline(runs.resolve("transfer"));
        Path config = tmp.resolve("paced.yaml");
        Files.writeString(config, """
                seed: 5
                backend: cpu
                dataset: {name: test-blobs}
                learner: {name: test-paced, params: {stepMillis: 80, learningRate: 0.02}}
                train: {iterations: 150, metaBatch: 2, way: 4, shot: 2, query: 5, checkpointEvery: 50, evalEvery: 10}
                eval: {way: 4, shot: 2, query: 5, episodes: 10}
                """);
        int port = freePort();
        Path live = runs.resolve("live");
        CompletableFuture<Integer> training = CompletableFuture.supplyAsync(() -> MetalearnCli.run(System.out,
                System.err, "train", config.toString(), "--out", live.toString(), "--dashboard=" + port,
                "--no-progress"));
        WebDriver browser = null;
        try {
            awaitServer(port, training);
            browser = chromium();
            browser.get("http://127.0.0.1:" + port + "/?run=live");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));

            // The page redraws its tables as events arrive, so cells are read in one script call each time.
            List<String> row = wait.until(d -> {
                List<List<String>> rows = rows(d, "#runs tr[data-run='live']");
                return rows.isEmpty() || !rows.get(0).contains("running") ? null : rows.get(0);
            });
            assertThat(row).startsWith("live", "test-paced", "test-blobs", "running");
            assertThat(rows(browser, "#runs tr[data-run='earlier']")).singleElement().asList()
                    .startsWith("earlier", "protonet", "omniglot", "finished", "30/30");

            WebElement loss = browser.findElement(By.id("chart-loss"));
            wait.until(d -> points(loss) > 0);
            int before = points(loss);
            wait.until(d -> points(loss) >= before + 5);
            assertThat(points(loss)).isGreaterThan(before);
            wait.until(d -> points(d.findElement(By.id("chart-lr"))) > 0);

            String shownConfig = browser.findElement(By.id("config")).getText();
            assertThat(shownConfig).contains("\"name\": \"test-paced\"").contains("\"stepMillis\": 80")
                    .contains("\"seed\": 5");

            List<List<String>> shownEvals = wait.until(d -> {
                List<List<String>> r = rows(d, "#evals tbody tr");
                return r.size() >= 2 ? r : null;
            });
            List<JsonNode> evals = Files.readAllLines(live.resolve(Trainer.METRICS_FILE)).stream()
                    .map(DashboardBrowserTest::json).filter(l -> l.get("event").asText().equals("eval")).toList();
            for (List<String> c : shownEvals) {
                JsonNode written = evals.stream().filter(e -> e.get("iteration").asText().equals(c.get(0)))
                        .findFirst().orElseThrow(() -> new AssertionError("no eval line for row " + c));
                assertThat(c).containsExactly(written.get("iteration").asText(), "meta-test", "accuracy",
                        String.format(Locale.ROOT, "%.4f", written.get("value").asDouble()),
                        String.format(Locale.ROOT, "%.4f", written.get("ci95").asDouble()), "10");
            }

            new Select(browser.findElement(By.id("compare"))).selectByValue("earlier");
            // Overlaying rebuilds the charts, so the legend is read by script too.
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("const l = document"
                    + ".querySelector('#chart-loss .u-legend'); return l ? l.textContent : ''")).contains("earlier"));
            Files.write(Path.of("target", "dashboard-browser-test.png"),
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

            ((JavascriptExecutor) browser).executeScript(
                    "document.querySelector(\"#runs tr[data-run='transfer']\").click()");
            List<List<String>> stages = wait.until(d -> {
                List<List<String>> r = rows(d, "#stages tbody tr");
                return d.findElement(By.id("pipeline-view")).isDisplayed() && r.size() == 3 ? r : null;
            });
            assertThat(stages.get(0)).startsWith("0", "pretrain", "done");
            assertThat(stages.get(0).get(4)).isEqualTo("accuracy 0.7500");
            assertThat(stages.get(1)).startsWith("1", "finetune", "running").contains(" 3/10", "loss 0.5000");
            assertThat(stages.get(2)).startsWith("2", "evaluate", "pending");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            assertThat(training.get(3, TimeUnit.MINUTES)).isZero();
        }
    }

    private WebDriver chromium() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1700", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium")));
        return new ChromeDriver(service, options);
    }

    private static void awaitServer(int port, CompletableFuture<Integer> training) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(training).as("train --dashboard ended before its dashboard answered").isNotDone();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the dashboard did not answer on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int points(WebElement chart) {
        return Integer.parseInt(chart.getDomAttribute("data-points") == null ? "0"
                : chart.getAttribute("data-points"));
    }

    /** The text of every cell of every row matching {@code selector}, read at one instant. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(WebDriver browser, String selector) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("return [...document"
                + ".querySelectorAll(arguments[0])].map(r => [...r.querySelectorAll('td')].map(c => c.textContent))",
                selector);
    }

    private static JsonNode json(String line) {
        try {
            return ConfigMappers.plain().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
