package io.kamea.contract.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        SSLSocketFactory tls = SSLContext.getDefault().getSocketFactory();
        NoDelaySocketFactory factory = new NoDelaySocketFactory(tls);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 50, loopback);
             Socket plain = tls.createSocket(loopback, server.getLocalPort());
             Socket byAddress = factory.createSocket(loopback, server.getLocalPort());
             Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
             Socket unconnected = factory.createSocket()) {
            assertFalse(plain.getTcpNoDelay(), "control: the JDK leaves Nagle on");
            assertTrue(byAddress.getTcpNoDelay());
            assertTrue(byName.getTcpNoDelay());
            assertTrue(unconnected.getTcpNoDelay());
        }
    }
}
