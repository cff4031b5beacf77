package io.kamea.web.access;

import io.kamea.access.AuditTrail;
import io.kamea.access.RecentApiKeys;
import io.kamea.access.UserDirectory;
import io.kamea.web.access.oidc.OidcTokens;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers {@link KameaAuthentication} as the web application's authentication module when it
 * starts (Jakarta Authentication 3.0's {@code registerServerAuthModule}, the way the specification
 * shows), and removes it when it stops.
 */
@WebListener
public class AuthenticationRegistration implements ServletContextListener {

    @Inject
    RecentApiKeys apiKeys;

    @Inject
    UserDirectory users;

    @Inject
    OidcTokens oidcTokens;

    @Inject
    FailedLogins failures;

    @Inject
    AuditTrail audit;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().registerServerAuthModule(
                new KameaAuthentication(apiKeys, users, oidcTokens, failures, audit), event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
