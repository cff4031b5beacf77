package io.kamea.provisioning;

import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How devices that declare themselves are received (docs/auto-provisioning.md): two booleans,
 * {@value #ENABLED} (default true) and {@value #APPROVAL} (default false).
 */
@ApplicationScoped
public class AutoProvisioningSettings extends StartupSettings {

    public static final String ENABLED = "KAMEA_AUTO_PROVISIONING";
    public static final String APPROVAL = "KAMEA_AUTO_PROVISIONING_APPROVAL";

    private boolean enabled;
    private boolean approvalRequired;

    @Override
    protected void read(SettingReader settings) {
        enabled = settings.flag(ENABLED, true);
        approvalRequired = settings.flag(APPROVAL, false);
    }

    /** When false, only devices provisioned through the API may log in; unknown certificates are refused. */
    public boolean enabled() {
        return enabled;
    }

    /** When true, an auto-provisioned device waits, pending, until an operator approves it. */
    public boolean approvalRequired() {
        return approvalRequired;
    }
}
