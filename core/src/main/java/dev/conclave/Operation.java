package dev.conclave;

import java.util.Objects;

/**
 * One operation of Twilio's API as the chain, the retry rules and observation see it: the resource, the
 * operation's short name, its HTTP method and path template, and whether sending it again may repeat a side
 * effect (a create dials a phone; a fetch, an update to a given state or a delete does not). The operations
 * Conclave calls are the constants of {@link Operations}, generated from the API definition.
 *
 * <p>Immutable; equal when every part is equal. {@link #toString()} is {@code resource.name}, e.g.
 * {@code participants.create}, and no part ever holds a SID, label or number, so each is a safe metric tag.
 */
public final class Operation {
    private final String resource;
    private final String name;
    private final String method;
    private final String uriTemplate;
    private final boolean repeatsSideEffect;

    private Operation(String resource, String name, String method, String uriTemplate, boolean repeatsSideEffect) {
        this.resource = requireText("resource", resource);
        this.name = requireText("name", name);
        this.method = requireText("method", method);
        this.uriTemplate = requireText("uriTemplate", uriTemplate);
        this.repeatsSideEffect = repeatsSideEffect;
    }

    /**
     * Describes an operation.
     *
     * @param resource the resource, plural and lower case, e.g. {@code participants}
     * @param name the operation, lower case, e.g. {@code create}
     * @param method the HTTP method, e.g. {@code POST}
     * @param uriTemplate the path template of the API definition, e.g.
     *     {@code /2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json}
     * @param repeatsSideEffect whether sending the request again may do again what the first did (dial a phone)
     * @return the operation
     * @throws IllegalArgumentException if a text is null or blank
     */
    public static Operation of(String resource, String name, String method, String uriTemplate,
                               boolean repeatsSideEffect) {
        return new Operation(resource, name, method, uriTemplate, repeatsSideEffect);
    }

    /**
     * The resource, e.g. {@code participants}, {@code conferences}.
     *
     * @return the resource's name
     */
    public String resource() {
        return resource;
    }

    /**
     * The operation's short name, e.g. {@code create}, {@code fetch}, {@code list}, {@code update}, {@code delete}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The HTTP method.
     *
     * @return e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The path template of the API definition, with its placeholders: a low-cardinality URI tag.
     *
     * @return the template
     */
    public String uriTemplate() {
        return uriTemplate;
    }

    /**
     * Whether re-sending this operation's request may repeat its side effect. Such an operation is retried only
     * when it surely did not reach Twilio (or on 429), unless the retry policy opts in.
     *
     * @return true for a create that dials a phone
     */
    public boolean repeatsSideEffect() {
        return repeatsSideEffect;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Operation that && resource.equals(that.resource) && name.equals(that.name)
                && method.equals(that.method) && uriTemplate.equals(that.uriTemplate)
                && repeatsSideEffect == that.repeatsSideEffect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, name, method, uriTemplate, repeatsSideEffect);
    }

    /** {@code resource.name}, e.g. {@code participants.create}. */
    @Override
    public String toString() {
        return resource + '.' + name;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("operation " + field + " must not be blank");
        }
        return value;
    }
}
