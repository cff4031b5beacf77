package io.kamea.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How devices that declare themselves are received. */
@ApplicationScoped
public class AutoProvisioningSettings {

    /** When true, an auto-provisioned device waits, pending, until an operator approves it. */
    @Inject
    @ConfigProperty(name = "KAMEA_AUTO_PROVISIONING_APPROVAL", defaultValue = "false")
    boolean approvalRequired;

    public boolean approvalRequired() {
        return approvalRequired;
    }
}
