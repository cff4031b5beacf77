package io.kamea.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How devices that declare themselves are received. */
@ApplicationScoped
public class AutoProvisioningSettings {

    /** When false, only devices provisioned through the API may log in; unknown certificates are refused. */
    @Inject
    @ConfigProperty(name = "KAMEA_AUTO_PROVISIONING", defaultValue = "true")
    boolean enabled;

    /** When true, an auto-provisioned device waits, pending, until an operator approves it. */
    @Inject
    @ConfigProperty(name = "KAMEA_AUTO_PROVISIONING_APPROVAL", defaultValue = "false")
    boolean approvalRequired;

    public boolean enabled() {
        return enabled;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }
}
