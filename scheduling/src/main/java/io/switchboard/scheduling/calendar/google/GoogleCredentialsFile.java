package io.switchboard.scheduling.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.calendar.CalendarScopes;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code SWITCHBOARD_GOOGLE_CREDENTIALS}, which is one of:
 * <ul>
 *   <li>a service-account JSON key ({@code "type": "service_account"}), the calendar shared with its e-mail;</li>
 *   <li>an OAuth user credential ({@code "type": "authorized_user"} with {@code client_id}, {@code client_secret},
 *       {@code refresh_token}), as Google's tools write it;</li>
 *   <li>an OAuth client file as the Cloud console downloads it ({@code {"installed": {…}}} or {@code {"web": {…}}})
 *       with a top-level {@code refresh_token} added.</li>
 * </ul>
 * In every case {@code token_uri} is honoured (tests point it at a loopback fake).
 */
final class GoogleCredentialsFile {

    static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleCredentialsFile() {
    }

    /** @throws GoogleCalendarSetupException naming {@code SWITCHBOARD_GOOGLE_CREDENTIALS} */
    static GoogleCredentials read(Path file) {
        byte[] bytes;
        JsonNode json;
        try {
            bytes = Files.readAllBytes(file);
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw problem("not a readable JSON file (" + e.getClass().getSimpleName() + ")", e);
        }
        if (json == null || !json.isObject()) {
            throw problem("not a JSON object", null);
        }
        String type = json.path("type").asText("");
        try {
            if ("service_account".equals(type)) {
                return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(bytes))
                        .createScoped(CalendarScopes.CALENDAR);
            }
            if ("authorized_user".equals(type)) {
                return user(json, json);
            }
            JsonNode client = json.has("installed") ? json.path("installed") : json.path("web");
            if (client.isObject()) {
                return user(client, json);
            }
        } catch (GoogleCalendarSetupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw problem("not a usable " + (type.isEmpty() ? "OAuth client" : type) + " credential ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        throw problem("neither a service-account key nor an OAuth client with a refresh_token", null);
    }

    /** A user's OAuth credential: {@code client} holds the client id and secret, {@code top} the refresh token. */
    private static GoogleCredentials user(JsonNode client, JsonNode top) throws IOException {
        String id = client.path("client_id").asText("");
        String secret = client.path("client_secret").asText("");
        String refresh = top.path("refresh_token").asText("");
        if (id.isEmpty() || secret.isEmpty()) {
            throw problem("the OAuth client needs client_id and client_secret", null);
        }
        if (refresh.isEmpty()) {
            throw problem("an OAuth client file needs a refresh_token (see the README's set-up)", null);
        }
        String tokenUri = client.path("token_uri").asText(top.path("token_uri").asText(""));
        return UserCredentials.newBuilder()
                .setClientId(id)
                .setClientSecret(secret)
                .setRefreshToken(refresh)
                .setTokenServerUri(tokenUri.isEmpty() ? GOOGLE_TOKEN_URI : URI.create(tokenUri))
                .build();
    }

    private static GoogleCalendarSetupException problem(String message, Exception cause) {
        return new GoogleCalendarSetupException(GoogleCalendarSettings.CREDENTIALS, message, cause);
    }
}
