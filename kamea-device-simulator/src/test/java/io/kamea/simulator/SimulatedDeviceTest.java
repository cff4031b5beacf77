package io.kamea.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimulatedDeviceTest {

    @Test
    void logsInWithThePlainLoginInTheDefaultVhost() {
        assertEquals("9d1f", SimulatedDevice.Access.to("ssl://localhost:8883").userName("9d1f"));
    }

    @Test
    void namesTheScratchVhostInTheUserName() {
        var access = new SimulatedDevice.Access("ssl://localhost:8883", "kamea-bench-1a2b", 30, null);
        assertEquals("kamea-bench-1a2b:9d1f", access.userName("9d1f"));
    }
}
