package io.kamea.broker;

import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The broker accounts and MQTT client ids that belong to Kamea itself, never to a device: the
 * administrator ({@code RMQ_LOGIN}), the API's MQTT account ({@code MQTT_API_LOGIN}) and the
 * API's client id with every {@code <MQTT_API_CLIENT_ID>-<suffix>} variant its sessions use. A
 * device named like one of them could log in as it or knock its session off, so no provisioning
 * path gives such a name to a device. Broker users an operator made by hand are kept apart by
 * {@link BrokerAccounts} (only users tagged as Kamea devices are ever replaced).
 */
@ApplicationScoped
public class ServiceAccounts {

    @Inject
    BrokerSettings broker;

    @Inject
    MqttSessionSettings api;

    /** For unit tests. */
    public static ServiceAccounts of(BrokerSettings broker, String apiLogin, String apiClientId) {
        ServiceAccounts accounts = new ServiceAccounts();
        accounts.broker = broker;
        accounts.api = StartupSettings.read(MqttSessionSettings::new, SettingSource.of(Map.of(
                MqttSessionSettings.LOGIN, apiLogin, MqttSessionSettings.CLIENT_ID, apiClientId)));
        return accounts;
    }

    /** Whether {@code name}, as a broker login or MQTT client id, is one of Kamea's own. */
    public boolean isServiceName(String name) {
        if (name == null) {
            return false;
        }
        return name.equals(broker.login()) || name.equals(api.login()) || name.equals(api.clientId())
                || name.startsWith(api.clientId() + "-");
    }

    /** Throws {@link ReservedNameException} when {@code name} is one of Kamea's own. */
    public void refuseServiceName(String name) {
        if (isServiceName(name)) {
            throw new ReservedNameException(name);
        }
    }
}
