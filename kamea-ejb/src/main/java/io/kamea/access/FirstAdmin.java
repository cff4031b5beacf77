package io.kamea.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On a first start (no user at all), creates the user {@code admin} with the password
 * {@code KAMEA_ADMIN_PASSWORD}: server-config generates one into the runtime secrets and
 * {@code run.sh} prints it. There is no default password: without the setting, no user is made
 * and nobody can log in until one is set.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class FirstAdmin {

    static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    UserDirectory users;

    @Inject
    AccessSettings settings;

    @PostConstruct
    void createIfNoUser() {
        if (!users.isEmpty()) {
            return;
        }
        Optional<String> password = settings.adminPassword();
        if (password.isEmpty()) {
            LOG.warning("No user yet and KAMEA_ADMIN_PASSWORD is not set: nobody can log in until it is "
                    + "(docs/security.md, \"Operator access\")");
            return;
        }
        users.create(USERNAME, Role.ADMIN, password.get());
        LOG.info("First start: created the user 'admin' with the password KAMEA_ADMIN_PASSWORD");
    }
}
