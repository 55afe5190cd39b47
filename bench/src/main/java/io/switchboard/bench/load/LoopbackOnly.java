package io.switchboard.bench.load;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator's guard: it only ever targets this machine. Accepts {@code localhost}, IPv4 127.0.0.0/8 and IPv6
 * {@code ::1} written literally; anything else is refused without a DNS lookup (a name could resolve anywhere).
 */
public final class LoopbackOnly {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackOnly() {
    }

    /**
     * {@code uri} if its host is a loopback address.
     *
     * @throws IllegalArgumentException naming the host otherwise
     */
    public static URI require(URI uri) {
        String host = uri.getHost();
        if (host == null || !isLoopback(host)) {
            throw new IllegalArgumentException("refusing to target " + uri
                    + ": the load generator only targets loopback (127.0.0.1, ::1, localhost)");
        }
        return uri;
    }

    /** Whether {@code host} (as written in a URL, IPv6 in brackets or not) is a loopback address. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        Matcher m = IPV4.matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(1)) == 127;
    }
}
