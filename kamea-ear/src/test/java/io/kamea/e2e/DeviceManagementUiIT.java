package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.DeviceTopics;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Device Management UI in a real browser (headless Chromium), against the running stack, as
 * its users use it: an admin logs in, provisions a device and sees its credentials once, finds it
 * in the list, configures it, sends it a command that a real MQTT device answers, disables and
 * enables it, deletes it; an operator sends a command but is offered none of an admin's actions,
 * and finds their place again after their session ended; a wrong password is told on the login
 * page. The users are made for the test through the API with its admin key ({@code KAMEA_API_TOKEN},
 * sent by {@link Http#api}) and deleted afterwards.
 */
class DeviceManagementUiIT {

    /** The page refreshes every 3 s and the machine is shared: generous, but every wait is explicit. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static Browser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    private static final String ADMIN = Devices.uniqueName("ui-admin");
    private static final String OPERATOR = Devices.uniqueName("ui-operator");
    private static String adminPassword;
    private static String operatorPassword;

    @BeforeAll
    static void createUsers() {
        adminPassword = createUser(ADMIN, "admin");
        operatorPassword = createUser(OPERATOR, "operator");
    }

    @AfterAll
    static void deleteUsers() {
        for (String user : new String[] {ADMIN, OPERATOR}) {
            Http.api("DELETE", "/users/" + user, null);
        }
    }

    /** A user with this role, through the API; its generated password. */
    private static String createUser(String username, String role) {
        Http.Reply reply = Http.api("POST", "/users",
                "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("password");
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
        driver = browser.driver;
        // the page redraws what changed every few seconds: an element may go stale between looks
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void adminProvisionsFindsConfiguresCommandsDisablesAndDeletesADevice() throws Exception {
        String name = Devices.uniqueName("ui-boiler");
        String id = null;
        try {
            logIn(ADMIN, adminPassword);
            assertEquals("admin", text(By.id("current-role")));
            for (String page : new String[] {"nav-keys", "nav-users", "nav-audit"}) {
                visible(By.id(page));
            }
            click(By.id("new-device"));
            visible(By.id("device-name")).sendKeys(name);
            click(By.id("create-device"));

            // the credentials, this once
            WebElement credentials = visible(By.id("credentials"));
            assertTrue(credentials.getText().contains("Shown once"), credentials.getText());
            String login = text(By.cssSelector("#credentials [data-field=login]"));
            String password = text(By.cssSelector("#credentials [data-field=password]"));
            assertEquals(Stack.MQTT_URL, text(By.cssSelector("#credentials [data-field=mqtt-url]")));
            assertTrue(password.length() >= 32, "a generated password: " + password);
            browser.screenshot("credentials");
            JsonObject created = onlyDevice(Http.api("GET", "/devices?search=" + name, null).json());
            id = created.getString("id");
            assertEquals(login, created.getString("interfaceName"));

            // the list, searched by part of the name in other case
            click(By.linkText("Back to the devices"));
            WebElement search = visible(By.id("device-search"));
            search.sendKeys(name.substring(3).toUpperCase(), Keys.ENTER);
            wait.until(d -> {
                List<WebElement> links = d.findElements(By.cssSelector("#devices[aria-busy=false] a.device-link"));
                return links.size() == 1 && links.get(0).getText().equals(name);
            });
            assertTrue(text(By.cssSelector("#devices tbody tr")).contains(login), "the interface name is listed");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#devices tbody .connectivity"), "disconnected"));
            click(By.cssSelector("#devices a.device-link"));

            // the device page, without the password
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-name"), name));
            assertTrue(text(By.id("topics")).contains(DeviceTopics.of(login).telemetry()));
            assertFalse(driver.getPageSource().contains(password), "the password is not shown again");

            var device = new Devices.Provisioned(id, name, login, password, created);
            try (var client = DeviceClient.connect(login, login, password);
                 var responder = new CommandIT.Responder(client, device, Duration.ZERO)) {
                wait.until(d -> text(By.id("connectivity-state")).startsWith("connected since"));

                setDesiredConfiguration();
                client.publish(device.topics().reportedConfiguration(), "{\"temp\":19,\"mode\":\"comfort\"}");
                wait.until(keyState("temp", "in-sync"));
                wait.until(keyState("mode", "drifted"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reported"), "comfort"));

                sendCommands();
                browser.screenshot("device");
                assertEquals(1, responder.requests.size(), "the device got the one valid command");
            }

            disableAndEnable(id, login, password);

            // delete: a confirmation first, and cancelling keeps the device
            click(By.id("delete-device"));
            click(By.id("cancel-delete"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-delete")));
            assertEquals(200, Http.api("GET", "/devices/" + id, null).status());
            click(By.id("delete-device"));
            assertTrue(text(By.cssSelector(".confirmation")).contains("Delete “" + name + "”?"));
            click(By.id("confirm-delete"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-search")));
            assertEquals(404, Http.api("GET", "/devices/" + id, null).status());
            id = null;

            visible(By.id("device-search")).sendKeys(name, Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#devices tbody"),
                    "No device matches"));
        } catch (Throwable failure) {
            browser.screenshot("failure");
            throw failure;
        } finally {
            if (id != null) {
                Http.api("DELETE", "/devices/" + id, null);
            }
        }
    }

    /**
     * An operator sees the device, sends it a command and may replace its desired configuration,
     * but is offered neither provisioning, deleting, disabling nor banning, nor the admin pages.
     * When the session ends (its cookie gone), the page's next call leads to the login page, and
     * logging in again comes back to the device.
     */
    @Test
    void operatorSendsACommandButIsNotOfferedAnAdminsActions() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("ui-operated"));
        try {
            logIn(OPERATOR, operatorPassword);
            assertEquals("operator", text(By.id("current-role")));
            visible(By.cssSelector("#devices[aria-busy=false]"));
            assertAbsent("new-device", "nav-keys", "nav-users", "nav-audit");

            driver.get(Stack.UI + "#/devices/" + device.id());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-name"), device.name()));
            visible(By.id("send-command"));
            visible(By.id("save-desired"));
            assertAbsent("delete-device", "disable-device", "enable-device", "ban-certificate", "ban-common-name");

            visible(By.id("command-name")).sendKeys("reboot");
            WebElement timeout = driver.findElement(By.id("command-timeout"));
            timeout.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "5");
            click(By.id("send-command"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-outcome"), "reboot"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#command-history tr:first-child"), "reboot"));
            assertEquals(1, Http.api("GET", "/devices/" + device.id() + "/commands", null).json().getInt("total"));
            browser.screenshot("operator");

            // an admin's page, typed in: refused
            driver.get(Stack.UI + "#/users");
            visible(By.id("not-allowed"));
            assertTrue(driver.findElements(By.id("users")).isEmpty(), "no list of users");

            // the session ends: the login page, then back to the device
            driver.get(Stack.UI + "#/devices/" + device.id());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-name"), device.name()));
            driver.manage().deleteAllCookies();
            visible(By.id("login-expired"));
            assertTrue(driver.getCurrentUrl().contains("return=%2Fdevices%2F"), driver.getCurrentUrl());
            submitLogin(OPERATOR, operatorPassword);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-name"), device.name()));
            assertTrue(driver.getCurrentUrl().endsWith("#/devices/" + device.id()), driver.getCurrentUrl());
        } catch (Throwable failure) {
            browser.screenshot("operator-failure");
            throw failure;
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void aWrongPasswordIsToldOnTheLoginPage() {
        try {
            openLoginPage();
            visible(By.id("login-username")).sendKeys(ADMIN);
            driver.findElement(By.id("login-password")).sendKeys("not-" + adminPassword);
            click(By.id("login-submit"));
            WebElement error = visible(By.id("login-error"));
            assertTrue(error.getText().contains("Wrong user name or password"), error.getText());
            assertTrue(driver.getCurrentUrl().contains("#/login"), driver.getCurrentUrl());
            assertTrue(driver.findElements(By.id("current-user")).isEmpty(), "nobody is logged in");
            assertEquals("", driver.findElement(By.id("login-password")).getDomProperty("value"),
                    "the wrong password is cleared");
            browser.screenshot("wrong-password");
        } catch (Throwable failure) {
            browser.screenshot("wrong-password-failure");
            throw failure;
        }
    }

    /** A fresh start: no session cookie, the application loaded anew, so its login page. */
    private static void openLoginPage() {
        driver.get(Stack.UI);
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        visible(By.id("login-form"));
    }

    /** Logs in through the login page, from a fresh start. */
    private static void logIn(String username, String password) {
        openLoginPage();
        submitLogin(username, password);
    }

    private static void submitLogin(String username, String password) {
        WebElement user = visible(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), username));
    }

    /** None of these elements is on the page: not disabled, absent. */
    private static void assertAbsent(String... ids) {
        for (String id : ids) {
            assertTrue(driver.findElements(By.id(id)).isEmpty(), "#" + id + " is not offered");
        }
    }

    /**
     * Disable after a confirmation (the badge and the notice show it, the broker refuses the
     * device), then enable: the device connects again with its password.
     */
    private void disableAndEnable(String id, String login, String password) throws Exception {
        click(By.id("disable-device"));
        assertTrue(text(By.cssSelector(".confirmation")).contains("Disable"));
        click(By.id("confirm-disable"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-name"), "disabled"));
        assertTrue(text(By.id("disabled-notice")).startsWith("Disabled since"));
        assertTrue(Http.api("GET", "/devices/" + id, null).json().getBoolean("disabled"));
        assertThrows(MqttException.class, () -> DeviceClient.connect(login, login, password).close(),
                "refused while disabled");
        browser.screenshot("disabled");

        click(By.id("enable-device"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("disable-device")));
        assertFalse(Http.api("GET", "/devices/" + id, null).json().getBoolean("disabled"));
        DeviceClient.connect(login, login, password).close();
    }

    /** Invalid JSON is refused in the page; a valid object is saved and shown as pending. */
    private void setDesiredConfiguration() {
        WebElement editor = visible(By.id("desired-editor"));
        wait.until(d -> "{}".equals(editor.getDomProperty("value")));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "{\"temp\": ");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desired-editor-message"), "Invalid JSON"));
        assertFalse(driver.findElement(By.id("save-desired")).isEnabled(), "nothing to save while it is invalid");

        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "{\"temp\": 19, \"mode\": \"eco\"}");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save-desired"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desired-saved"), "version 1"));
        wait.until(keyState("mode", "pending"));
        assertTrue(text(By.id("desired")).contains("eco"));
    }

    /** A refused command shows the API's problem; an answered one ends up succeeded. */
    private void sendCommands() {
        visible(By.id("command-name")).sendKeys("a/b");
        click(By.id("send-command"));
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#commands .problem")));
        assertTrue(problem.getText().contains("Invalid request"), problem.getText());
        assertTrue(problem.getText().contains("name"), "the detail says what is wrong: " + problem.getText());

        WebElement name = driver.findElement(By.id("command-name"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "reboot");
        driver.findElement(By.id("command-payload")).sendKeys("{\"delay\": 1}");
        WebElement timeout = driver.findElement(By.id("command-timeout"));
        timeout.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "20");
        click(By.id("command-wait"));
        click(By.id("send-command"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-outcome"), "succeeded"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#commands .problem")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#command-history tr:first-child .command-status"), "succeeded"));
        assertTrue(text(By.cssSelector("#command-history tr:first-child")).contains("reboot"));
    }

    private static Function<WebDriver, Boolean> keyState(String key, String state) {
        return d -> d.findElements(By.cssSelector("#configuration-keys tr[data-key='" + key + "'] .key-state"))
                .stream().anyMatch(cell -> cell.getText().equals(state));
    }

    private static JsonObject onlyDevice(JsonObject page) {
        assertEquals(1, page.getInt("total"), page.toString());
        return page.getJsonArray("items").getJsonObject(0);
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static String text(By by) {
        return visible(by).getText();
    }
}
