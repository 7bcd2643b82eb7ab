package dev.conclave.internal.concurrent;

import dev.conclave.http.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Turns what a future failed with back into the typed exception a caller should see. */
public final class Futures {
    private Futures() {
    }

    /**
     * Strips {@link CompletionException} and {@link ExecutionException} wrappers. A cancellation becomes a
     * {@link TransportException} of reason {@code CANCELLED}, a checked exception one of reason {@code IO};
     * an {@link Error} is thrown.
     */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof Error error) {
            throw error;
        }
        return (RuntimeException) cause;
    }

    /**
     * Completes {@code target} as {@code source} completes, a failure unwrapped as by {@link #cause}; cancelling
     * {@code target} cancels {@code source}, so that an exchange is not left running unheard.
     */
    public static <T> void pipe(CompletableFuture<T> source, CompletableFuture<T> target) {
        forward(source, target, value -> value);
    }

    /**
     * The future of {@code mapping} applied to {@code source}'s value. Unlike {@code thenApply}, a failure (of
     * {@code source} or of {@code mapping}) arrives unwrapped, as by {@link #cause}, so that {@code whenComplete},
     * {@code handle} and {@code exceptionally} see the typed exception; cancelling the result cancels
     * {@code source}.
     */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> mapping) {
        CompletableFuture<R> target = new CompletableFuture<>();
        forward(source, target, mapping);
        return target;
    }

    /**
     * The future of {@code next} applied to {@code first}'s value (the {@code thenCompose} of this class): failures
     * arrive unwrapped, and cancelling the result cancels whichever of the two is running; {@code next} is not
     * called once the result is done.
     */
    public static <T, R> CompletableFuture<R> compose(CompletableFuture<T> first,
                                                      Function<? super T, CompletableFuture<R>> next) {
        CompletableFuture<R> result = new CompletableFuture<>();
        cancelling(result, first);
        first.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(cause(failure));
                return;
            }
            if (result.isDone()) {
                return;
            }
            CompletableFuture<R> second;
            try {
                second = next.apply(value);
            } catch (Throwable failed) {
                result.completeExceptionally(cause(failed));
                return;
            }
            pipe(second, result);
        });
        return result;
    }

    private static <T, R> void forward(CompletableFuture<T> source, CompletableFuture<R> target,
                                       Function<? super T, ? extends R> mapping) {
        cancelling(target, source);
        source.whenComplete((value, failure) -> {
            if (failure != null) {
                target.completeExceptionally(cause(failure));
                return;
            }
            R mapped;
            try {
                mapped = mapping.apply(value);
            } catch (Throwable failed) {
                target.completeExceptionally(cause(failed));
                return;
            }
            target.complete(mapped);
        });
    }

    /** Cancelling {@code target} cancels {@code source}. */
    private static void cancelling(CompletableFuture<?> target, CompletableFuture<?> source) {
        target.whenComplete((ignored, failure) -> {
            if (target.isCancelled()) {
                source.cancel(true);
            }
        });
    }

    /**
     * What a future should be completed with for this failure: as {@link #unwrap(Throwable)}, except that an
     * {@link Error} is returned rather than thrown, so that a callback passing it on never dies half-way and
     * leaves a future incomplete.
     *
     * @return a {@link RuntimeException} or an {@link Error}
     */
    public static Throwable cause(Throwable failure) {
        Throwable cause = strip(failure);
        if (cause instanceof CancellationException cancelled) {
            return new TransportException(TransportException.Reason.CANCELLED, "the exchange was cancelled",
                    cancelled);
        }
        if (cause instanceof RuntimeException || cause instanceof Error) {
            return cause;
        }
        return new TransportException(TransportException.Reason.IO, String.valueOf(cause), cause);
    }

    /** Strips {@link CompletionException} and {@link ExecutionException} wrappers, and nothing else. */
    public static Throwable strip(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
