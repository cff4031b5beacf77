package io.kamea.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.bus.BusMessage;
import io.kamea.bus.BusPublisher;
import io.kamea.bus.BusSettings;
import io.kamea.bus.BusUnavailableException;
import io.kamea.contract.BusHeaders;
import io.kamea.ingestion.IncomingMessage;
import io.kamea.ingestion.IngestionStatistics;
import io.kamea.provisioning.DeviceDirectory;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReportedConfigurationIngestionTest {

    private final ReportedConfigurationIngestion ingestion = new ReportedConfigurationIngestion();
    private final DeviceDirectory directory = mock(DeviceDirectory.class);
    private final ReportedConfigurationStore store = mock(ReportedConfigurationStore.class);
    private final BusPublisher bus = mock(BusPublisher.class);
    private final DeviceInfo device = new DeviceInfo("d-1", "boiler", "if-1", "json");

    @BeforeEach
    void wire() {
        ingestion.directory = directory;
        ingestion.store = store;
        ingestion.bus = bus;
        ingestion.statistics = mock(IngestionStatistics.class);
        ingestion.busSettings = StartupSettings.read(BusSettings::new,
                SettingSource.of(Map.of(BusSettings.REPORTED_STATE_TOPIC, "reported")));
        when(directory.byInterfaceNames(anyCollection())).thenReturn(Map.of("if-1", device));
        when(store.current(anyCollection())).thenReturn(Map.of());
    }

    @Test
    void secondReportSaysWhichKeyWasRemovedAndOnlyTheLastIsStored() {
        var rejections = ingestion.ingest(List.of(report("if-1", "{\"temp\":12,\"speed\":4}"),
                report("if-1", "{\"temp\":12}")));

        assertEquals(List.of(), rejections);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<BusMessage>> sent = ArgumentCaptor.forClass(List.class);
        verify(bus).publish(eq("reported"), sent.capture());
        String second = new String(sent.getValue().get(1).body(), StandardCharsets.UTF_8);
        assertEquals("{\"document\":{\"temp\":12},\"added\":[],\"changed\":[],\"removed\":[\"speed\"]}", second);
        assertEquals("d-1", sent.getValue().get(1).properties().get(BusHeaders.DEVICE_ID));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, ReportedConfigurationStore.Report>> stored = ArgumentCaptor.forClass(Map.class);
        verify(store).replaceAll(stored.capture());
        assertEquals("{\"temp\":12}", stored.getValue().get("d-1").document());
        assertEquals(2, stored.getValue().get("d-1").reports());
    }

    @Test
    void notAnObjectOrUnknownDeviceIsRejectedWithoutStoppingTheOthers() {
        var rejections = ingestion.ingest(List.of(report("if-1", "[1,2]"), report("if-1", "{oops"),
                report("nobody", "{}"), new IncomingMessage("telemetry", new byte[0], null, Instant.now()),
                report("if-1", "{\"ok\":true}")));

        assertEquals(List.of(0, 1, 2, 3), rejections.stream().map(r -> r.index()).toList());
        assertTrue(rejections.get(0).reason().startsWith("invalid-configuration"));
        assertTrue(rejections.get(2).reason().startsWith("unknown-device"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<BusMessage>> sent = ArgumentCaptor.forClass(List.class);
        verify(bus).publish(eq("reported"), sent.capture());
        assertEquals(1, sent.getValue().size());
    }

    @Test
    void nothingIsStoredWhenTheBusIsDown() {
        doThrow(new BusUnavailableException("down", null)).when(bus).publish(any(), anyList());
        assertThrows(BusUnavailableException.class, () -> ingestion.ingest(List.of(report("if-1", "{}"))));
        verify(store, never()).replaceAll(any());
    }

    private static IncomingMessage report(String interfaceName, String json) {
        return new IncomingMessage("device." + interfaceName + ".configs.reported",
                json.getBytes(StandardCharsets.UTF_8), null, Instant.now());
    }
}
