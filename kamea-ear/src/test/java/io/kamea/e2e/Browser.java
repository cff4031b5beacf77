package io.kamea.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (server-config/lib/tools.sh
 * installs both), with a fresh profile that is deleted afterwards. Both paths are given, so
 * Selenium Manager never looks for (or downloads) a browser or a driver. The UI is HTTPS: the
 * profile folder is also the browser's HOME, whose NSS database ({@code .pki/nssdb}, made with
 * certutil) trusts the development CA ({@code MQTT_CA_PATH}) as a CA of web servers, and nothing
 * else is added: a certificate that CA did not sign, or for another name, is refused as usual.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = env("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    static final String CERTUTIL = env("CERTUTIL_BIN", "/usr/bin/certutil");

    /**
     * Selenium looks for a DevTools (CDP) binding matching the browser's version, and warns when
     * it has none: these tests use WebDriver only, so they ship none. Held here: the logging
     * framework keeps loggers only weakly.
     */
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        CDP_FINDER.setLevel(Level.SEVERE);
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER, CERTUTIL}) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: install Debian's chromium, chromium-driver "
                        + "and libnss3-tools (server-config/test.sh does), or set CHROMIUM_BIN, CHROMEDRIVER_BIN "
                        + "and CERTUTIL_BIN");
            }
        }
        Path profile = Files.createTempDirectory("kamea-chromium-");
        try {
            trustDevelopmentCa(profile);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", profile.toString()))
                .withTimeout(Duration.ofSeconds(60))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** $HOME/.pki/nssdb, the NSS database Chromium reads on Linux, trusting the development CA for servers. */
    private static void trustDevelopmentCa(Path home) throws IOException {
        Path nssdb = Files.createDirectories(home.resolve(".pki").resolve("nssdb"));
        String database = "sql:" + nssdb;
        run(List.of(CERTUTIL, "-N", "-d", database, "--empty-password"));
        run(List.of(CERTUTIL, "-A", "-d", database, "-t", "C,,", "-n", "kamea-dev-ca", "-i", Stack.CA.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        }
    }

    /** Saves what the browser shows as target/ui-screenshots/NAME.png: to look at, or to see why a test failed. */
    void screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "ui-screenshots"));
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing picture must not hide the test's own outcome
        }
    }

    /** Ends the browser and its driver (quit stops the driver service too), then drops the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary profile is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
