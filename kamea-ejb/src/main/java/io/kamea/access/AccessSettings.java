package io.kamea.access;

import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator access (docs/configuration.md, "Operator access"): the first admin's password
 * ({@value #ADMIN_PASSWORD}) and the limits on failed logins: wrong passwords per user
 * ({@value #MAX_FAILURES_PER_USER}) and failures per address ({@value #MAX_FAILURES_PER_SOURCE})
 * within a window ({@value #FAILURE_WINDOW_SECONDS}) before a lockout
 * ({@value #LOCKOUT_SECONDS}); each at least 1. The OIDC keys are read by the web module's
 * {@code OidcSettings}, again every 10 s.
 */
@ApplicationScoped
public class AccessSettings extends StartupSettings {

    public static final String ADMIN_PASSWORD = "KAMEA_ADMIN_PASSWORD";
    public static final String MAX_FAILURES_PER_USER = "KAMEA_LOGIN_MAX_FAILURES_PER_USER";
    public static final String MAX_FAILURES_PER_SOURCE = "KAMEA_LOGIN_MAX_FAILURES_PER_SOURCE";
    public static final String FAILURE_WINDOW_SECONDS = "KAMEA_LOGIN_FAILURE_WINDOW_SECONDS";
    public static final String LOCKOUT_SECONDS = "KAMEA_LOGIN_LOCKOUT_SECONDS";

    /** Far beyond any sensible lockout, and short of where adding it to the clock would overflow. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    private Optional<String> adminPassword;
    private int maxFailuresPerUser;
    private int maxFailuresPerSource;
    private Duration failureWindow;
    private Duration lockout;

    @Override
    protected void read(SettingReader settings) {
        adminPassword = settings.optionalText(ADMIN_PASSWORD);
        maxFailuresPerUser = settings.integer(MAX_FAILURES_PER_USER, 5, 1, Integer.MAX_VALUE);
        maxFailuresPerSource = settings.integer(MAX_FAILURES_PER_SOURCE, 30, 1, Integer.MAX_VALUE);
        failureWindow = settings.seconds(FAILURE_WINDOW_SECONDS, 600, 1, MAX_SECONDS);
        lockout = settings.seconds(LOCKOUT_SECONDS, 60, 1, MAX_SECONDS);
    }

    /** The password of the user {@code admin} made on a first start; none: no user is made. */
    public Optional<String> adminPassword() {
        return adminPassword;
    }

    /** Wrong passwords for one user name, within the window, before that name is locked. */
    public int maxFailuresPerUser() {
        return maxFailuresPerUser;
    }

    /** Failed logins, bad keys and bad tokens from one address, within the window, before it is locked. */
    public int maxFailuresPerSource() {
        return maxFailuresPerSource;
    }

    /** The window, from a user's or address's first failure. */
    public Duration failureWindow() {
        return failureWindow;
    }

    /** How long a locked user or address is refused. */
    public Duration lockout() {
        return lockout;
    }
}
