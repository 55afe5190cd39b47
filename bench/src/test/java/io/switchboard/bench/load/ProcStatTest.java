package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTest {

    // A real line, with a command name holding a space and a parenthesis to trip naive splitting.
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 123456 0 12 0 "
            + "1500 250 0 0 20 0 57 0 987654 4123456789 98765 18446744073709551615 1 1 0 0 0 0 0 0 16800972 0 0 0 "
            + "17 1 0 0 0 0 0";

    @Test
    void cpuTicksAreUserPlusSystemCountedFromTheLastParenthesis() {
        assertThat(ProcStat.cpuTicks(STAT)).isEqualTo(1750);
    }

    @Test
    void residentMemoryComesFromVmRss() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  812344 kB\nRssAnon:\t 700000 kB\n";
        assertThat(ProcStat.rssKib(status)).isEqualTo(812344);
    }

    @Test
    void readsTheFilesOfTheProcessNamed(@TempDir Path proc) throws IOException {
        Path dir = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(dir.resolve("stat"), STAT + "\n");
        Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t 2048 kB\n");
        ProcStat stat = new ProcStat(proc, 4242);

        assertThat(stat.cpuTicks()).isEqualTo(1750);
        assertThat(stat.rssKib()).isEqualTo(2048);
    }

    @Test
    void ourOwnProcessHasCpuTimeAndMemory() throws IOException {
        ProcStat self = ProcStat.of(ProcessHandle.current().pid());
        assertThat(self.rssKib()).isPositive();
        assertThat(self.cpuTicks()).isPositive();
    }

    @Test
    void garbageIsRefusedClearly() {
        assertThatThrownBy(() -> ProcStat.cpuTicks("no parenthesis here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuTicks("1 (x) S 1 2")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ProcStat.rssKib("Name:\tkthreadd\n")).hasMessageContaining("VmRSS");
    }
}
