package dev.incidents.testing;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both at fixed paths: nothing here downloads a
 * browser or a driver. The flags keep it off the network this machine does not have.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    public final ChromeDriver driver;
    private final Path profile;

    public Chromium() {
        Path browser = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver (" + browser
                    + ", " + chromedriver + "): apt-get install chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // The console, for what the page's Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().window().setSize(DESKTOP);
        // a script that never answers fails the test within a minute, not at the driver's 3-minute read timeout
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Saves the whole page (up to 2,400 px tall) as it looks now under target/screenshots. */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(window.width, (int) Math.min(Math.max(height + 100,
                window.height), 2400)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** What the pages' Content-Security-Policy refused since the last read of the console (one message each). */
    public List<String> contentSecurityViolations() {
        return console().stream().filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** The console's messages since its last read. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Every cookie of every site, such as an identity provider's session. */
    public void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** The viewer's time zone as the page sees it. */
    public void timeZone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
    }

    /**
     * Deque's axe rules run on the page as it is: the violations rated serious or critical, one line each. A run the
     * page's own updates break (a node removed while axe reads it) is run again, at most three times in all.
     */
    public List<String> seriousAccessibilityViolations() {
        return seriousAccessibilityViolations("");
    }

    /**
     * As {@link #seriousAccessibilityViolations()}, on the part of the page the CSS selector names only: a check of
     * one form need not read a board of thousands of incidents (on a stack shared with other tests, axe on such a
     * whole page ran for minutes and never answered).
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations(String selector) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Map<String, Object> answer = Map.of();
        for (int run = 1; run <= 3; run++) {
            answer = (Map<String, Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(arguments[0] || document).then(result => done({violations: result.violations.map("
                    + "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))}),"
                    + " error => done({error: String(error && error.stack || error)}));", selector);
            if (!answer.containsKey("error")) {
                break;
            }
        }
        if (answer.containsKey("error")) {
            throw new IllegalStateException("axe could not check the page: " + answer.get("error"));
        }
        return ((List<Map<String, Object>>) answer.get("violations")).stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes")).toList();
    }

    private static void destroyWithDescendants(ProcessHandle browser) {
        browser.descendants().forEach(ProcessHandle::destroyForcibly);
        browser.destroyForcibly();
    }

    private static String axeSource() {
        try (InputStream in = Chromium.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath at " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Object browserPid = driver.getCapabilities().getCapability("goog:processID");
        try {
            driver.quit();
        } finally {
            // a renderer that stopped answering outlives quit() and would hold a core for the tests after this one
            if (browserPid instanceof Number pid) {
                ProcessHandle.of(pid.longValue()).ifPresent(Chromium::destroyWithDescendants);
            }
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
