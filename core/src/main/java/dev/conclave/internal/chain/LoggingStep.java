package dev.conclave.internal.chain;

import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.Interceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each exchange at DEBUG: operation, method, path, status, time and Twilio's request id. Never headers
 * (they carry credentials), query strings or bodies.
 */
public final class LoggingStep implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.conclave.http");

    @Override
    public CompletableFuture<HttpResponse> intercept(Chain chain) {
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(chain.request());
        }
        HttpRequest request = chain.request();
        long started = System.nanoTime();
        return chain.proceed(request).whenComplete((response, failure) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (failure != null) {
                LOG.debug("{} {} {} failed after {} ms: {}", chain.operation(), request.method(),
                        request.uri().getRawPath(), millis, failure.toString());
            } else {
                LOG.debug("{} {} {} -> {} in {} ms (request {})", chain.operation(), request.method(),
                        request.uri().getRawPath(), response.status(), millis,
                        response.headers().first("Twilio-Request-Id").orElse("-"));
            }
        });
    }
}
