package io.kamea.settings;

import jakarta.annotation.PostConstruct;
import java.util.function.Supplier;

/**
 * The base of a component's settings bean ({@code @ApplicationScoped}): it reads its keys from
 * MicroProfile Config once, when it is created, and {@link SettingsCheck} creates every such bean
 * when the application starts, rather than when a service first needs it, so that a wrong value
 * stops the deployment with a message naming its key and never shows up later as a failing
 * request or a silently different behaviour.
 */
public abstract class StartupSettings {

    /** Reads and checks every key; throws {@link InvalidSettingException} at the first wrong one. */
    protected abstract void read(SettingReader settings);

    @PostConstruct
    protected void readConfiguration() {
        read(new SettingReader(SettingSource.microProfileConfig()));
    }

    /**
     * Does nothing; called through the bean's client proxy, it makes the container create the
     * bean, which reads and checks its keys ({@link SettingsCheck} calls it at start).
     */
    public void requireRead() {
        // creating the bean was the point
    }

    /** A settings bean read from {@code source} instead of MicroProfile Config (tests). */
    public static <T extends StartupSettings> T read(Supplier<T> bean, SettingSource source) {
        T settings = bean.get();
        settings.read(new SettingReader(source));
        return settings;
    }
}
