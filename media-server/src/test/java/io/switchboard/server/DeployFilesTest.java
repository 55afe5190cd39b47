package io.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.scheduling.database.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy files (Dockerfile, docker-compose.yml, Caddyfile, systemd unit) agree with the build and the code: no
 * image can be built here, so these checks are what keeps the files from drifting from what is tested.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = Path.of("src", "main", "deploy");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?][^}]*)?}");

    @Test
    void theImageIsBuiltWithExactlyTheCiTestCommand() throws IOException {
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> l.startsWith("mvn ")).toList();
        assertThat(ci).as(".ci/run runs one Maven command").hasSize(1);

        List<String> dockerMaven = dockerfile().stream().filter(l -> l.startsWith("RUN "))
                .map(DeployFilesTest::withoutRunOptions).filter(c -> c.startsWith("mvn ")).toList();

        assertThat(dockerMaven).containsExactly(ci.getFirst());
    }

    @Test
    void theRuntimeImageIsANonRootJre21WithHealthOnReadinessAndTheDataDirAsVolume() throws IOException {
        List<String> lines = dockerfile();
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).as("multi-stage").hasSizeGreaterThanOrEqualTo(2);
        Matcher jre = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre\\b.*").matcher(stages.getLast());
        assertThat(jre.matches()).as("runtime stage is a JRE: " + stages.getLast()).isTrue();
        assertThat(Integer.parseInt(jre.group(1))).isGreaterThanOrEqualTo(21);

        List<String> runtime = lines.subList(lines.indexOf(stages.getLast()), lines.size());
        String user = instruction(runtime, "USER").orElseThrow();
        assertThat(user).isNotIn("root", "0", "0:0");
        assertThat(instruction(runtime, "HEALTHCHECK").orElseThrow())
                .contains("http://127.0.0.1:${" + ServerConfig.HTTP_PORT + ":-" + ServerConfig.DEFAULT_PORT + "}/health/ready");
        String dataDir = envValue(runtime, ServerConfig.DATA_DIR);
        assertThat(instruction(runtime, "VOLUME").orElseThrow()).isEqualTo("[\"" + dataDir + "\"]");
        assertThat(instruction(runtime, "EXPOSE").orElseThrow())
                .isEqualTo(ServerConfig.DEFAULT_PORT + " " + MediaServerSettings.DEFAULT_PORT);
        assertThat(instruction(runtime, "COPY").orElseThrow())
                .startsWith("--from=build ").contains("/media-server/target/switchboard.jar ");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>switchboard</finalName>");
        assertThat(instruction(runtime, "ENTRYPOINT").orElseThrow()).contains("/opt/switchboard/switchboard.jar");
    }

    @Test
    void composeRunsSwitchboardOnItsPostgresAndRedisBehindCaddy() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("switchboard", "postgres", "redis", "caddy");
        JsonNode app = services.get("switchboard");
        assertThat(app.get("build").asText()).isEqualTo(".");

        DatabaseSettings db = DatabaseSettings.fromUrl(substituted(app.get("environment").get("DATABASE_URL").asText()),
                Path.of("unused"));
        assertThat(db.embedded()).isFalse();
        assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://postgres:5432/"
                + services.get("postgres").get("environment").get("POSTGRES_DB").asText());
        assertThat(db.user()).isEqualTo(services.get("postgres").get("environment").get("POSTGRES_USER").asText());
        assertThat(URI.create(app.get("environment").get("REDIS_URL").asText()).getHost()).isEqualTo("redis");
        assertThat(app.get("environment").get("SWITCHBOARD_PUBLIC_URL").asText()).startsWith("https://");
        for (String dependency : List.of("postgres", "redis")) {
            assertThat(app.get("depends_on").get(dependency).get("condition").asText()).isEqualTo("service_healthy");
            assertThat(services.get(dependency).has("healthcheck")).isTrue();
        }

        JsonNode caddy = services.get("caddy");
        assertThat(caddy.get("ports")).extracting(JsonNode::asText).contains("80:80", "443:443");
        assertThat(caddy.get("environment").get("SWITCHBOARD_UPSTREAM").asText()).isEqualTo("switchboard");
        String caddyfileMount = caddy.get("volumes").get(0).asText();
        assertThat(caddyfileMount).endsWith(":/etc/caddy/Caddyfile:ro");
        assertThat(ROOT.resolve(caddyfileMount.substring(0, caddyfileMount.indexOf(':')))).isRegularFile();
    }

    @Test
    void everyVariableTheComposeFileRequiresIsInTheExampleEnvironment() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> required = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(compose);
        while (m.find()) {
            required.add(m.group(1));
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "SWITCHBOARD_DOMAIN", "TWILIO_AUTH_TOKEN");
        List<String> example = Files.readAllLines(DEPLOY.resolve("switchboard.env.example"));
        for (String variable : required) {
            assertThat(example).as(variable).anyMatch(l -> l.startsWith(variable + "="));
        }
    }

    @Test
    void caddyRoutesTheMediaPathToTheMediaPortAndEverythingElseToHttp() throws IOException {
        String caddyfile = Files.readString(DEPLOY.resolve("Caddyfile"));
        String media = block(caddyfile, "handle " + MediaServerSettings.DEFAULT_PATH + "* {");
        String rest = block(caddyfile, "handle {");
        assertThat(media).contains("reverse_proxy").contains("dynamic a {$SWITCHBOARD_UPSTREAM:switchboard} "
                + MediaServerSettings.DEFAULT_PORT);
        assertThat(rest).contains("reverse_proxy").contains("dynamic a {$SWITCHBOARD_UPSTREAM:switchboard} "
                + ServerConfig.DEFAULT_PORT);
        assertThat(caddyfile.indexOf("handle " + MediaServerSettings.DEFAULT_PATH))
                .as("the media route comes before the catch-all").isLessThan(caddyfile.indexOf("handle {"));
        assertThat(caddyfile).contains("{$SWITCHBOARD_DOMAIN} {");
    }

    @Test
    void theSystemdUnitRunsTheJarAsItsOwnUserAndDoesNotLoopOnBadConfiguration() throws IOException {
        List<String> unit = Files.readAllLines(DEPLOY.resolve("switchboard.service"));
        assertThat(value(unit, "ExecStart")).endsWith("-jar /opt/switchboard/switchboard.jar serve");
        assertThat(value(unit, "User")).isNotIn("root", "0");
        assertThat(value(unit, "Environment"))
                .isEqualTo(ServerConfig.DATA_DIR + "=/var/lib/" + value(unit, "StateDirectory"));
        assertThat(value(unit, "RestartPreventExitStatus")).isEqualTo(Integer.toString(Main.EXIT_CONFIG));
        assertThat(value(unit, "KillMode")).as("SIGTERM goes to the JVM, which stops PostgreSQL").isEqualTo("mixed");
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> dockerfile() throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1).strip() + " " : line);
            if (!continues) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return out;
    }

    private static String withoutRunOptions(String run) {
        String command = run.substring("RUN ".length()).strip();
        while (command.startsWith("--")) {
            command = command.substring(command.indexOf(' ') + 1).strip();
        }
        return command;
    }

    private static java.util.Optional<String> instruction(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(name.length() + 1).strip());
    }

    private static String envValue(List<String> lines, String variable) {
        Matcher m = Pattern.compile("(?:^|\\s)" + variable + "=(\\S+)").matcher(instruction(lines, "ENV").orElseThrow());
        assertThat(m.find()).as("ENV sets " + variable).isTrue();
        return m.group(1);
    }

    private static String substituted(String value) {
        return PLACEHOLDER.matcher(value).replaceAll("x");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The text between {@code opening} and its matching closing brace. */
    private static String block(String text, String opening) {
        int start = text.indexOf(opening);
        assertThat(start).as("Caddyfile has '" + opening + "'").isNotNegative();
        int depth = 0;
        for (int i = start + opening.length() - 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i = text.indexOf('}', i); // an environment placeholder, not a block
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
                if (depth == 0) {
                    return text.substring(start, i + 1);
                }
            }
        }
        throw new AssertionError("unclosed block " + opening);
    }

    private static String value(List<String> unit, String key) {
        return unit.stream().filter(l -> l.startsWith(key + "=")).reduce((a, b) -> b)
                .map(l -> l.substring(key.length() + 1).strip())
                .orElseThrow(() -> new AssertionError("unit has no " + key));
    }
}
