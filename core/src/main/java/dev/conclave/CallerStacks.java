package dev.conclave;

import dev.conclave.http.TransportException;
import java.time.Duration;
import java.util.Map;

/**
 * Makes the exception a blocking call throws show the caller's frames. A failure is often made on another thread (a
 * Netty event loop, the async executor, a retry's scheduler), so its own stack trace names none of the caller's
 * lines; the caller gets a copy of it, made on its own thread, of the same type and with the same values, whose
 * cause is the original and which carries the original's suppressed failures (the earlier attempts).
 */
final class CallerStacks {
    private CallerStacks() {
    }

    /**
     * The exception to throw on the caller's thread for {@code failure}: a copy made here for Conclave's own
     * exception types; any other exception as it is, with the caller's frames added as a suppressed
     * {@link CalledFrom}.
     */
    static RuntimeException onCallersThread(RuntimeException failure) {
        RuntimeException copy = copy(failure);
        if (copy == null) {
            failure.addSuppressed(new CalledFrom());
            return failure;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    private static RuntimeException copy(RuntimeException failure) {
        Class<?> type = failure.getClass();
        if (failure instanceof ApiException api) {
            return copy(api);
        }
        if (type == TransportException.class) {
            TransportException transport = (TransportException) failure;
            String message = String.valueOf(transport.getMessage());
            String prefix = transport.reason() + ": ";
            return new TransportException(transport.reason(),
                    message.startsWith(prefix) ? message.substring(prefix.length()) : message, transport);
        }
        if (type == DecodingException.class) {
            DecodingException decoding = (DecodingException) failure;
            return new DecodingException(decoding.getMessage(), decoding.httpStatus(), decoding.requestId(), decoding);
        }
        if (type == AmbiguousConferenceException.class) {
            AmbiguousConferenceException ambiguous = (AmbiguousConferenceException) failure;
            AmbiguousConferenceException copy = new AmbiguousConferenceException(ambiguous.name(), ambiguous.sids(),
                    ambiguous.hasMore());
            copy.initCause(ambiguous);
            return copy;
        }
        return null;
    }

    /** The constructor every one of Conclave's API exception types has, the problem parts included. */
    @FunctionalInterface
    private interface ApiExceptionType {
        ApiException create(int httpStatus, Integer twilioCode, String twilioMessage, String moreInfo, String details,
                            String requestId, Duration retryAfter, ApiException.Problem problem);
    }

    private static final Map<Class<?>, ApiExceptionType> API_TYPES = Map.of(
            ApiException.class, ApiException::new,
            AuthenticationException.class, AuthenticationException::new,
            NotFoundException.class, NotFoundException::new,
            RateLimitedException.class, RateLimitedException::new,
            InvalidRequestException.class, InvalidRequestException::new,
            ServerErrorException.class, ServerErrorException::new);

    /** A copy of one of Conclave's API exception types, or {@code null} for another (a user's subclass). */
    private static ApiException copy(ApiException e) {
        ApiExceptionType type = API_TYPES.get(e.getClass());
        if (type == null) {
            return null;
        }
        ApiException copy = type.create(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(), e.details(),
                e.requestId(), e.retryAfter().orElse(null), e.problem());
        copy.initCause(e);
        return copy;
    }

    /** The caller's frames, added to an exception of a type that cannot be copied. */
    static final class CalledFrom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CalledFrom() {
            super("the blocking call was made here");
        }
    }
}
