package io.switchboard.scheduling.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.services.calendar.Calendar;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;

import java.io.IOException;
import java.time.Duration;

/**
 * Google's Calendar client over a service-account key or an OAuth refresh token ({@link GoogleCredentialsFile}). Each request retries transient failures (connection
 * errors, 429 and 5xx) a few times with exponential back-off before the caller sees the failure; the calendar
 * outbox then counts the attempt and, after enough of them, parks the change.
 */
public final class GoogleCalendarApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Calendar calendar;
    private final String calendarId;

    private GoogleCalendarApi(Calendar calendar, String calendarId) {
        this.calendar = calendar;
        this.calendarId = calendarId;
    }

    /**
     * Reads the key, gets a token and looks the calendar up, so that a wrong key or a calendar the account cannot
     * see stops start-up rather than every later sync.
     *
     * @throws GoogleCalendarSetupException naming the setting at fault
     */
    public static GoogleCalendarApi connect(GoogleCalendarSettings settings) {
        GoogleCredentials credentials = credentials(settings);
        try {
            credentials.refresh();
        } catch (IOException e) {
            throw new GoogleCalendarSetupException(GoogleCalendarSettings.CREDENTIALS,
                    "Google refused the credentials (" + e.getClass().getSimpleName()
                            + "): a wrong or deleted key, or a revoked refresh token", e);
        }
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
        HttpRequestInitializer init = request -> {
            auth.initialize(request);
            request.setConnectTimeout((int) TIMEOUT.toMillis());
            request.setReadTimeout((int) TIMEOUT.toMillis());
            request.setNumberOfRetries(3);
            request.setIOExceptionHandler(new HttpBackOffIOExceptionHandler(backOff()));
            HttpBackOffUnsuccessfulResponseHandler onStatus = new HttpBackOffUnsuccessfulResponseHandler(backOff())
                    .setBackOffRequired(r -> r.getStatusCode() == 429 || r.getStatusCode() / 100 == 5);
            request.setUnsuccessfulResponseHandler((req, response, supportsRetry) ->
                    auth.handleResponse(req, response, supportsRetry)
                            || onStatus.handleResponse(req, response, supportsRetry));
        };
        Calendar client = new Calendar.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), init)
                .setRootUrl(settings.apiUrl().toString())
                .setApplicationName("Switchboard")
                .build();
        GoogleCalendarApi api = new GoogleCalendarApi(client, settings.calendarId());
        api.checkCalendar();
        return api;
    }

    /** The generated client, for the sink and the pull. */
    Calendar client() {
        return calendar;
    }

    String calendarId() {
        return calendarId;
    }

    private void checkCalendar() {
        try {
            calendar.events().list(calendarId).setMaxResults(1).execute();
        } catch (GoogleJsonResponseException e) {
            throw new GoogleCalendarSetupException(GoogleCalendarSettings.CALENDAR_ID,
                    "the account cannot read this calendar (HTTP " + e.getStatusCode()
                            + "); share it with the key's client_email, with 'Make changes to events'", e);
        } catch (IOException e) {
            throw new GoogleCalendarSetupException(GoogleCalendarSettings.API_URL,
                    "Google Calendar is not reachable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static GoogleCredentials credentials(GoogleCalendarSettings settings) {
        return GoogleCredentialsFile.read(settings.credentials());
    }

    private static ExponentialBackOff backOff() {
        return new ExponentialBackOff.Builder()
                .setInitialIntervalMillis(250)
                .setMultiplier(2)
                .setMaxIntervalMillis(2_000)
                .setMaxElapsedTimeMillis(6_000)
                .build();
    }
}
