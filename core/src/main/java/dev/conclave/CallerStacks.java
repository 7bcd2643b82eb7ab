package dev.conclave;

import java.util.List;

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

    private static ApiException copy(ApiException e) {
        ApiException.Problem problem = e.problemType() == null && e.title() == null && e.detail() == null
                && e.fieldErrors().isEmpty() ? ApiException.Problem.NONE
                : new ApiException.Problem(e.problemType(), e.title(), e.detail(), List.copyOf(e.fieldErrors()));
        java.time.Duration retryAfter = e.retryAfter().orElse(null);
        ApiException copy;
        if (e.getClass() == AuthenticationException.class) {
            copy = new AuthenticationException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(),
                    e.details(), e.requestId(), retryAfter, problem);
        } else if (e.getClass() == NotFoundException.class) {
            copy = new NotFoundException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(),
                    e.details(), e.requestId(), retryAfter, problem);
        } else if (e.getClass() == RateLimitedException.class) {
            copy = new RateLimitedException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(),
                    e.details(), e.requestId(), retryAfter, problem);
        } else if (e.getClass() == InvalidRequestException.class) {
            copy = new InvalidRequestException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(),
                    e.details(), e.requestId(), retryAfter, problem);
        } else if (e.getClass() == ServerErrorException.class) {
            copy = new ServerErrorException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(),
                    e.details(), e.requestId(), retryAfter, problem);
        } else if (e.getClass() == ApiException.class) {
            copy = new ApiException(e.httpStatus(), e.twilioCode(), e.twilioMessage(), e.moreInfo(), e.details(),
                    e.requestId(), retryAfter, problem);
        } else {
            return null;
        }
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
