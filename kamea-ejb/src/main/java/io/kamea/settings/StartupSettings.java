package io.kamea.settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;

/**
 * The base of a component's settings bean ({@code @ApplicationScoped}): it reads its keys from
 * MicroProfile Config once, when the application starts, rather than when a service first needs
 * them, so that a wrong value stops the deployment with a message naming its key and never shows
 * up later as a failing request or a silently different behaviour.
 */
public abstract class StartupSettings {

    /** Reads and checks every key; throws {@link InvalidSettingException} at the first wrong one. */
    protected abstract void read(SettingReader settings);

    @PostConstruct
    protected void readConfiguration() {
        read(new SettingReader(SettingSource.microProfileConfig()));
    }

    /** Creates the bean while the application starts; creating it read and checked the keys. */
    protected void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing more: delivering the event created the bean, and @PostConstruct read it
    }

    /** A settings bean read from {@code source} instead of MicroProfile Config (tests). */
    public static <T extends StartupSettings> T read(Supplier<T> bean, SettingSource source) {
        T settings = bean.get();
        settings.read(new SettingReader(source));
        return settings;
    }
}
