package io.kamea.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.kamea.broker.MqttGateway;
import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

class CommandServiceTest {

    private final CommandService service = new CommandService();
    private final CommandRecords records = mock(CommandRecords.class);
    private final MqttGateway mqtt = mock(MqttGateway.class);

    CommandServiceTest() {
        service.records = records;
        service.mqtt = mqtt;
        service.em = mock(EntityManager.class);
        service.limits = new RequestLimits(65536, 32768, 1000, 16384, 32);
    }

    @Test
    void payloadLargerThanItsLimitIsRefusedBeforeTheCommandIsRecordedOrSent() {
        var e = assertThrows(ContentTooLargeException.class,
                () -> service.send("device-1", "start", "\"" + "x".repeat(999) + "\"", 30));

        assertEquals(413, e.status());
        verify(records, never()).create(anyString(), anyString(), anyString(), any(), anyInt());
        verifyNoInteractions(mqtt);
    }

    @Test
    void pageBeyondTheLastPossibleOneIsInvalidAndNotQueried() {
        assertThrows(InvalidRequestException.class, () -> service.list("device-1", Integer.MAX_VALUE, 500));
        verifyNoInteractions(service.em);
    }
}
