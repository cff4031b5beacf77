package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Opens a connection to the broker (a seam for tests; in production a configured ConnectionFactory). */
@FunctionalInterface
interface ConnectionOpener {
    Connection open(String connectionName) throws IOException, TimeoutException;
}
