package io.kamea.connectivity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Announces devices that became connected, once their state is committed. */
@ApplicationScoped
public class ConnectivityNotifier {

    private static final Logger LOG = Logger.getLogger(ConnectivityNotifier.class.getName());

    @Inject
    Event<DeviceConnected> connectedEvent;

    void announce(List<DeviceConnected> connected) {
        for (DeviceConnected device : connected) {
            try {
                connectedEvent.fire(device);
            } catch (RuntimeException e) {
                // the state is stored; an observer's failure must not make us redo it
                LOG.log(Level.WARNING, "An observer of DeviceConnected failed for " + device.deviceId(), e);
            }
        }
    }
}
