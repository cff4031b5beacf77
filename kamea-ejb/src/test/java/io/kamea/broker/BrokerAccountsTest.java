package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.contract.DevicePermissions;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account can be logged in with as soon as it has vhost permissions (a certificate device
 * needs no password), so those come last, after the topic permissions that confine it.
 */
class BrokerAccountsTest {

    private final BrokerAccounts accounts = new BrokerAccounts();
    private final RabbitManagementApi api = mock(RabbitManagementApi.class);

    @BeforeEach
    void wire() {
        accounts.api = api;
        accounts.settings = mock(BrokerSettings.class);
        when(accounts.settings.vhost()).thenReturn("kamea");
        WebApplicationException notFound = new WebApplicationException(status(404));
        doThrow(notFound).when(api).user(anyString());
    }

    private static Response status(int code) {
        Response response = mock(Response.class);
        when(response.getStatus()).thenReturn(code);
        when(response.getStatusInfo()).thenReturn(Response.Status.fromStatusCode(code));
        return response;
    }

    @Test
    void aBrokerUserThatIsNotADeviceIsNeverReplaced() {
        for (List<String> tags : List.of(List.of("administrator"), List.<String>of(), List.of("management"))) {
            doReturn(new RabbitManagementApi.ExistingUser("kamea-admin", null, null, tags)).when(api).user("kamea-admin");
            assertThrows(ReservedNameException.class, () -> accounts.claimForDevice("kamea-admin"));
        }
        verify(api, never()).putUser(eq("kamea-admin"), any());
        verify(api, never()).putPermissions(any(), eq("kamea-admin"), any());
    }

    @Test
    void anUntaggedDeviceAccountIsTaggedWithItsPasswordHashKept() {
        var user = new RabbitManagementApi.ExistingUser("9d1f", "c2FsdGhhc2g=", "rabbit_password_hashing_sha256", List.of());
        when(api.users()).thenReturn(List.of(user,
                new RabbitManagementApi.ExistingUser("tagged", "", "rabbit_password_hashing_sha256", List.of("kamea-device"))));

        org.junit.jupiter.api.Assertions.assertEquals(List.of(user), accounts.untaggedUsers());
        accounts.tagAsDevice(user, null);

        verify(api).putUser(eq("9d1f"), argThat(u -> "c2FsdGhhc2g=".equals(u.password_hash())
                && "rabbit_password_hashing_sha256".equals(u.hashing_algorithm()) && u.password() == null
                && "kamea-device".equals(u.tags())));
    }

    @Test
    void aDeviceUserLeftFromAnEarlierDeviceIsReplaced() {
        doReturn(new RabbitManagementApi.ExistingUser("boiler-42", null, null, List.of("kamea-device"))).when(api).user("boiler-42");
        accounts.claimForDevice("boiler-42");
        accounts.createCertificateAccount("boiler-42");
        verify(api).putUser(eq("boiler-42"), argThat(u -> "kamea-device".equals(u.tags())));
    }

    @Test
    void everyDeviceAccountIsTaggedAndASelfSignedOnePinsItsCertificate() {
        accounts.createPasswordAccount("9d1f", "secret");
        verify(api, times(2)).putUser(eq("9d1f"), argThat(u -> "kamea-device".equals(u.tags())));

        accounts.createPinnedAccount("device-rsa", "AB:" + "0".repeat(62).replaceAll("(..)", "$1:").replaceAll(":$", ""));
        verify(api).putUser(eq("device-rsa"), argThat(u -> ("kamea-device,kamea-pin-ab" + "0".repeat(62)).equals(u.tags())
                && "".equals(u.password_hash())));
        assertThrows(IllegalArgumentException.class, () -> accounts.createPinnedAccount("x", "not-a-fingerprint"));
    }

    @Test
    void certificateAccountIsConfinedBeforeItCanConnectAndNeverGetsAPassword() {
        accounts.createCertificateAccount("boiler-42");

        var order = inOrder(api);
        order.verify(api).putUser(eq("boiler-42"), argThat(u -> "".equals(u.password_hash()) && u.password() == null));
        order.verify(api).putTopicPermissions(eq("kamea"), eq("boiler-42"), any());
        order.verify(api).putPermissions(eq("kamea"), eq("boiler-42"), any());
        verify(api, never()).putUser(eq("boiler-42"), argThat(u -> u.password() != null));
    }

    @Test
    void passwordAccountGetsItsPasswordLast() {
        accounts.createPasswordAccount("9d1f", "secret");

        var order = inOrder(api);
        order.verify(api).putUser(eq("9d1f"), argThat(u -> u.password() == null));
        order.verify(api).putTopicPermissions(eq("kamea"), eq("9d1f"), any());
        order.verify(api).putPermissions(eq("kamea"), eq("9d1f"), any());
        order.verify(api).putUser(eq("9d1f"), argThat(u -> "secret".equals(u.password())));
    }

    @Test
    void aUserTheBrokerSaysAlreadyExistsIsUpdatedOnceMore() {
        Response badRequest = mock(Response.class);
        when(badRequest.getStatus()).thenReturn(400);
        when(badRequest.getStatusInfo()).thenReturn(Response.Status.BAD_REQUEST);
        doThrow(new WebApplicationException(badRequest)).doNothing()
                .when(api).putUser(eq("9d1f"), argThat(u -> "secret".equals(u.password())));
        doReturn(new RabbitManagementApi.ExistingUser("9d1f", null, null, List.of("kamea-device"))).when(api).user("9d1f");

        accounts.createPasswordAccount("9d1f", "secret");

        verify(api).user("9d1f");
        verify(api, times(2)).putUser(eq("9d1f"), argThat(u -> "secret".equals(u.password())));
    }

    @Test
    void aRefusedUserThatDoesNotExistIsAnError() {
        Response badRequest = mock(Response.class);
        when(badRequest.getStatus()).thenReturn(400);
        when(badRequest.getStatusInfo()).thenReturn(Response.Status.BAD_REQUEST);
        Response notFound = mock(Response.class);
        when(notFound.getStatus()).thenReturn(404);
        when(notFound.getStatusInfo()).thenReturn(Response.Status.NOT_FOUND);
        doThrow(new WebApplicationException(badRequest)).when(api).putUser(eq("9d1f"), any());
        doThrow(new WebApplicationException(notFound)).when(api).user("9d1f");

        assertThrows(BrokerUnavailableException.class, () -> accounts.createPasswordAccount("9d1f", "secret"));
        verify(api, never()).putPermissions(any(), any(), any());
    }

    @Test
    void deletingAnAccountThatNeverExistedStillClosesTheDevicesConnections() {
        Response notFound = mock(Response.class);
        when(notFound.getStatus()).thenReturn(404);
        when(notFound.getStatusInfo()).thenReturn(Response.Status.NOT_FOUND);
        doThrow(new WebApplicationException(notFound)).when(api).deleteUser("sensor-17");

        accounts.deleteAccount("sensor-17");

        verify(api).closeConnectionsOf("sensor-17");
        verify(api).deleteQueue("kamea", "mqtt-subscription-sensor-17qos1");
    }

    @Test
    void shuttingADeviceOutTakesItsVhostPermissionsFirstThenClosesItsConnectionsAndKeepsTheRest() {
        accounts.revokeAccess("boiler-42");

        var order = inOrder(api);
        order.verify(api).deletePermissions("kamea", "boiler-42");
        order.verify(api).closeConnectionsOf("boiler-42");
        verify(api, never()).deleteUser(anyString());
        verify(api, never()).putTopicPermissions(any(), any(), any());
        verify(api, never()).deleteQueue(any(), any());
    }

    @Test
    void aLoginWithoutPermissionsIsShutOutAllTheSame() {
        doThrow(new WebApplicationException(status(404))).when(api).deletePermissions("kamea", "sensor-17");

        accounts.revokeAccess("sensor-17");

        verify(api).closeConnectionsOf("sensor-17");
    }

    @Test
    void aBrokerThatCannotTakeThePermissionsAwayIsUnavailableAndClosesNothing() {
        doThrow(new WebApplicationException(status(500))).when(api).deletePermissions("kamea", "boiler-42");

        assertThrows(BrokerUnavailableException.class, () -> accounts.revokeAccess("boiler-42"));
        verify(api, never()).closeConnectionsOf(anyString());
    }

    @Test
    void permissionsComeBackTopicsFirstAsAtCreation() {
        accounts.restoreAccess("boiler-42");

        var order = inOrder(api);
        DevicePermissions permissions = DevicePermissions.of("boiler-42");
        order.verify(api).putTopicPermissions("kamea", "boiler-42", RabbitManagementApi.TopicPermissions.of(permissions.topics()));
        order.verify(api).putPermissions("kamea", "boiler-42", RabbitManagementApi.Permissions.of(permissions.resources()));
        verify(api, never()).putUser(anyString(), any());
    }

    @Test
    void undoingNeverThrows() {
        doThrow(new WebApplicationException(status(500))).when(api).putTopicPermissions(any(), any(), any());
        doThrow(new WebApplicationException(status(500))).when(api).deletePermissions(any(), any());

        accounts.restoreAccessQuietly("boiler-42");
        accounts.revokeAccessQuietly("boiler-42");
    }
}
