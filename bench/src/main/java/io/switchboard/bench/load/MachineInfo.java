package io.switchboard.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The machine and software a run was measured on, as lines for the report. */
final class MachineInfo {

    private MachineInfo() {
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("cores (nproc): " + Runtime.getRuntime().availableProcessors());
        lines.add("CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long kib = Long.parseLong(mem.replace("kB", "").trim());
            mem = String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException ignored) {
            // leave as read
        }
        lines.add("memory: " + mem);
        lines.add("JDK (load generator): " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return lines;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? line : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux, or hidden
        }
        return "unknown";
    }
}
