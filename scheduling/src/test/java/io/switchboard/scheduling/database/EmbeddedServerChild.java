package io.switchboard.scheduling.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedServerTest}: starts the embedded server on the given directory, writes a row,
 * says READY and waits to be killed, as a Switchboard that dies by {@code kill -9} would.
 */
public final class EmbeddedServerChild {

    private EmbeddedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServer.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survived (note text)");
            s.execute("INSERT INTO survived VALUES ('written before the crash')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
