package dev.conclave.codegen;

import java.util.List;
import java.util.Map;

/** What the generator knows of the API once the spec and the overlay are read: plain values, no parsing. */
final class Definitions {
    private Definitions() {
    }

    /** How a field is held in Java. */
    enum Kind {
        TEXT, URI, BOOLEAN, INTEGER, VALUE, VALUE_LIST, DATE_TIME,
        /** A calendar day, {@code YYYY-MM-DD} on the wire. */
        DATE,
        /** An object of names to relative URIs ({@code format: uri-map}). */
        URI_MAP,
        /** Any JSON value, the schema giving no type: kept as its JSON text. */
        JSON
    }

    /** One value of an open value set. */
    record Value(String wire, String constant, String doc) {
    }

    /** An open value set: constants for the known values, any other text kept. */
    record ValueSet(String name, String doc, List<Value> values) {
    }

    /**
     * A request parameter (path, query or form body) with every check the spec and the overlay state.
     *
     * @param wire the name on the wire, e.g. {@code StatusCallbackEvent}
     * @param java the Java name, e.g. {@code statusCallbackEvents}
     * @param min the smallest integer allowed, or null
     * @param max the largest integer allowed, or null
     * @param sidPrefix the two letters of a SID pattern, or null
     * @param allowed the wire values of the value set the field takes, where fewer than all; else null
     * @param conference a path field naming a conference by SID or friendly name (resolved before the call)
     */
    record Field(String wire, String java, Kind kind, String valueSet, List<String> allowed, boolean required,
                 Long min, Long max, String unit, Integer minLength, Integer maxLength, String sidPrefix,
                 boolean label, boolean secret, String description, boolean conference) {
    }

    /**
     * A path parameter that is an argument of the operation's method, not a field of its request.
     *
     * @param sidPrefix the two letters of the spec's SID pattern, or null for free text
     * @param what for free text, what it may be, for messages (e.g. "a call SID (CA...) or a label")
     * @param conference whether it is a conference by SID or friendly name (a name is resolved before the call)
     */
    record Argument(String wire, String java, String doc, String sidPrefix, String what, boolean conference) {
    }

    /**
     * An operation: its request type, if any, and its method in its resource's view.
     *
     * @param response the component schema of its 2xx body, or null when it answers 204
     */
    record Operation(String id, String resource, String name, boolean repeatsSideEffect, String requestClass,
                     String summary, String method, String path, List<Field> pathFields, List<Field> fields,
                     boolean query, List<String> rules, List<Argument> arguments, String doc, String requestDoc,
                     String returns, String notFound, String response) {
        /** Whether the operation has a request type (else its parameters are all arguments of its method). */
        boolean hasRequest() {
            return requestClass != null;
        }
    }

    /** A resource's view: the interface a client hands out, with a method per operation. */
    record View(String resource, String name, String accessor, String doc, List<Operation> operations) {
    }

    /** A response field. */
    record Property(String json, String java, Kind kind, String valueSet, String description) {
    }

    /** A list response: the page type, its items field and the operation that returns it. */
    record Page(String name, String items, String operation, List<String> responseFields) {
    }

    /** A response model: a record of the schema's properties. */
    record Model(String schema, String name, String summary, List<Property> properties, Page page,
                 Map<String, String> predicates, Map<String, String> durations, List<String> shared) {
    }

    /** Everything read. */
    record Api(List<ValueSet> valueSets, List<Operation> operations, List<Model> models, List<View> views) {
        List<Operation> requests() {
            return operations.stream().filter(Operation::hasRequest).toList();
        }

        /** The model whose schema is this one. */
        Model model(String schema) {
            return models.stream().filter(m -> m.schema().equals(schema)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no model for schema " + schema));
        }

        /** The model of a list operation's pages. */
        Model pageModel(String operationId) {
            return models.stream().filter(m -> m.page() != null && m.page().operation().equals(operationId))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no page model for " + operationId));
        }

        Operation operation(String id) {
            return operations.stream().filter(o -> o.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no operation " + id));
        }
    }
}
