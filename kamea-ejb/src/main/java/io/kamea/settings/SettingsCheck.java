package io.kamea.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Creates every settings bean ({@link StartupSettings}) while the application starts, so that a
 * wrong value stops the deployment then, with the refusal's own message ("Invalid setting KEY:
 * ...") as the deployment's error. A bean whose {@code @PostConstruct} fails reaches the server
 * wrapped by the CDI container, whose message names the bean and not the key (Payara 6:
 * "CDI deployment failure: WELD-000049: Unable to invoke ... readConfiguration() on
 * ...MqttSessionSettings", and neither asadmin nor the server log showed the cause); an
 * exception an observer throws is passed on as it is.
 */
@ApplicationScoped
public class SettingsCheck {

    @Inject
    @Any
    Instance<StartupSettings> settings;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (StartupSettings bean : settings) {
            try {
                bean.requireRead();
            } catch (RuntimeException e) {
                throw refusal(e);
            }
        }
    }

    /** The {@link InvalidSettingException} inside what the container wrapped it in, else {@code e}. */
    static RuntimeException refusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        return e;
    }
}
