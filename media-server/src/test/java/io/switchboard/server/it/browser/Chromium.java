package io.switchboard.server.it.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * The system's headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}). Both paths are given to Selenium, so its manager never looks anything up or downloads a
 * browser. Without them the browser tests are skipped with the reason — except under {@code CI=true}, where a missing
 * browser fails the build instead of silently testing nothing.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "browser");
    /**
     * Where the screenshots README shows are refreshed, when set ({@code -Dswitchboard.readme.screenshots=
     * ../docs/screenshots} from the repository root): the run that tests the pages also pictures them.
     */
    static final String README_SHOTS_PROPERTY = "switchboard.readme.screenshots";
    private static final java.util.Set<String> README_SHOTS = java.util.Set.of("widget", "widget-phone", "dashboard");

    private Chromium() {
    }

    /** Skips (or, under CI, fails) unless both binaries are there. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (installed) {
            return;
        }
        String why = "browser tests need " + BROWSER + " and " + DRIVER + " (Debian: apt-get install chromium "
                + "chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + why);
        }
        Assumptions.abort(why);
    }

    /**
     * A headless browser whose microphone plays {@code microphone} (a 16-bit PCM WAV) over and over from the moment a
     * page opens it, and which grants the microphone without asking.
     */
    static ChromeDriver start(Path microphone) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath(),
                "--autoplay-policy=no-user-gesture-required", "--no-first-run", "--disable-extensions"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SHOTS.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Saves what the browser shows to {@code target/browser/<name>.png}, and the pictures README shows also to the
     * {@value #README_SHOTS_PROPERTY} directory when that is set.
     */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String readme = System.getProperty(README_SHOTS_PROPERTY, "");
            if (!readme.isBlank() && README_SHOTS.contains(name)) {
                Path dir = Files.createDirectories(Path.of(readme));
                Files.copy(target, dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
