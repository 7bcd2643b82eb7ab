package dev.conclave.internal.chain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The account and the secret that sign each request. The secret lives only inside the precomputed
 * {@code Authorization} value; {@link #toString()} never shows it.
 */
public final class Credentials {
    private final String accountSid;
    private final String username;
    private final String authorization;

    private Credentials(String accountSid, String username, String secret) {
        this.accountSid = accountSid;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ':' + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Account SID and auth token. */
    public static Credentials authToken(String accountSid, String authToken) {
        return new Credentials(accountSid, accountSid, authToken);
    }

    /** Account SID, API key SID and API key secret. */
    public static Credentials apiKey(String accountSid, String apiKeySid, String apiKeySecret) {
        return new Credentials(accountSid, apiKeySid, apiKeySecret);
    }

    /** The account the requests are made in, unless a call names another. */
    public String accountSid() {
        return accountSid;
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        return authorization;
    }

    @Override
    public String toString() {
        return "Credentials[account=" + accountSid + ", user=" + username + ", secret=****]";
    }
}
