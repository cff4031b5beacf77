package io.kamea.settings;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

    @Test
    void theRefusalIsFoundInsideWhatTheContainerWrappedItIn() {
        InvalidSettingException refusal = new InvalidSettingException("USE_MQTT", "must be true or false, not 'maybe'");
        RuntimeException wrapped = new IllegalStateException("WELD-000049: Unable to invoke readConfiguration()",
                new InvocationTargetException(refusal));
        assertSame(refusal, SettingsCheck.refusal(wrapped));
    }

    @Test
    void anyOtherFailureIsPassedOnAsItIs() {
        RuntimeException other = new IllegalStateException("no database", new RuntimeException("refused"));
        assertSame(other, SettingsCheck.refusal(other));
    }
}
