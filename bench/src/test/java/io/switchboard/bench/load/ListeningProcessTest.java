package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningProcessTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0
               1: 0100007F:1F92 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1
               2: 00000000:1F92 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0 100 0 0 10 0
            """;

    @Test
    void findsTheListeningSocketOfAPortNotAnEstablishedOne() {
        assertThat(ListeningProcess.listeningInode(TCP, 8081)).hasValue(111);
        assertThat(ListeningProcess.listeningInode(TCP, 8082)).hasValue(333);
        assertThat(ListeningProcess.listeningInode(TCP, 9999)).isEmpty();
    }

    @Test
    void theOwnerIsTheProcessWithADescriptorOnTheSocket(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("77/fd"));
        Files.createSymbolicLink(proc.resolve("77/fd/3"), Path.of("/dev/null"));
        Files.createDirectories(proc.resolve("88/fd"));
        Files.createSymbolicLink(proc.resolve("88/fd/9"), Path.of("socket:[111]"));
        Files.createDirectories(proc.resolve("self"));

        assertThat(ListeningProcess.owner(proc, 111)).hasValue(88);
        assertThat(ListeningProcess.owner(proc, 112)).isEmpty();
    }

    @Test
    void findsThisProcessListeningOnALoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningProcess.onPort(socket.getLocalPort())).hasValue(ProcessHandle.current().pid());
        }
    }
}
