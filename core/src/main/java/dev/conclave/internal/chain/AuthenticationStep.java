package dev.conclave.internal.chain;

import dev.conclave.http.HttpResponse;
import dev.conclave.Interceptor;
import java.util.concurrent.CompletableFuture;

/** Signs each request with HTTP Basic credentials. */
public final class AuthenticationStep implements Interceptor {
    private final Credentials credentials;

    /** Signs with these credentials. */
    public AuthenticationStep(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public CompletableFuture<HttpResponse> intercept(Chain chain) {
        return chain.proceed(chain.request().withHeader("Authorization", credentials.authorizationHeader()));
    }

    @Override
    public String toString() {
        return "AuthenticationStep[" + credentials + ']';
    }
}
