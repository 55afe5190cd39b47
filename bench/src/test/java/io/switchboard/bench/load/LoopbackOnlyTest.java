package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackOnlyTest {

    @Test
    void loopbackAddressesAndLocalhostAreAccepted() {
        for (String url : new String[]{"ws://127.0.0.1:8081/media", "ws://127.8.9.10/media", "http://localhost:8080",
                "ws://[::1]:8081/media", "http://LOCALHOST:80"}) {
            assertThat(LoopbackOnly.require(URI.create(url))).hasToString(url);
        }
    }

    @Test
    void anythingElseIsRefusedWithoutResolvingIt() {
        for (String url : new String[]{"ws://10.0.0.5:8081/media", "ws://0.0.0.0:8081/media",
                "wss://switchboard.example.com/media", "http://127.0.0.1.example.com/", "http://128.0.0.1/",
                "http://127.0.0.256/", "ws://[::2]/media", "ws:///media", "http://localhost.evil.test/"}) {
            assertThatThrownBy(() -> LoopbackOnly.require(URI.create(url)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only targets loopback");
        }
    }

    @Test
    void theCommandLineRefusesARemoteServer() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--url", "ws://192.168.1.20:8081/media"}))
                .hasMessageContaining("only targets loopback");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--http", "http://api.example.com"}))
                .hasMessageContaining("only targets loopback");
    }
}
