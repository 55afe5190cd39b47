package io.switchboard.telephony.outbound;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * A twilio-java {@link HttpClient} that sends each request to a configurable base URL (scheme, host, port and an
 * optional path prefix) instead of {@code https://*.twilio.com}, keeping path, query, form body and auth.
 *
 * <p>It also makes exactly one attempt per request: twilio-java's own {@code reliableRequest} would silently retry
 * 5xx answers, and the messaging service applies its own retry policy. HTTP 429 and 5xx are raised as
 * {@link ApiException} carrying the status, whatever the body holds, so a proxy's HTML error page is still
 * recognised as transient.
 */
final class TwilioBaseUrlHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final URI baseUrl;

    /** @param baseUrl null to keep Twilio's own URLs */
    TwilioBaseUrlHttpClient(HttpClient delegate, URI baseUrl) {
        this.delegate = delegate;
        this.baseUrl = baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        Response response = delegate.makeRequest(baseUrl == null ? request : rebase(request));
        int status = response.getStatusCode();
        if (SendFailure.isTransientStatus(status)) {
            throw new ApiException("Twilio API answered HTTP " + status, null, null, status, null);
        }
        return response;
    }

    Request rebase(Request original) {
        URL url = original.constructURL();
        String prefix = baseUrl.getRawPath() == null ? "" : stripTrailingSlash(baseUrl.getRawPath());
        String target = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + prefix + url.getPath()
                + (url.getQuery() == null ? "" : "?" + url.getQuery());
        RebasedRequest copy = new RebasedRequest(original.getMethod(), target);
        original.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
        if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * twilio-java rewrites hosts of three or more labels for regions and edges ({@code api.twilio.com} ->
     * {@code api.ie1.twilio.com}), which would mangle a host like {@code mock.internal}; the final URL is fixed here.
     */
    private static final class RebasedRequest extends Request {
        private final URL target;

        RebasedRequest(HttpMethod method, String target) {
            super(method, target);
            try {
                this.target = URI.create(target).toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new ApiException("bad Twilio API base URL", e);
            }
        }

        @Override
        public URL constructURL() {
            return target;
        }
    }
}
