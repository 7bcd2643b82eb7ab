package dev.conclave.it;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isResponse;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.emulator.RecordedExchange;
import dev.conclave.emulator.RecordedRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Holds every exchange an emulator serves against the vendored OpenAPI definition, with Atlassian's OpenAPI
 * request/response validator: the request (path, query, form body, credentials) always; the response when its status
 * is one the operation defines (the definition describes no error answers) and no fault was injected into it.
 * Unknown query parameters, form fields and JSON properties count as violations.
 *
 * <p>A form body is checked by the same library's schema validator, on JSON made from the form by the types the
 * definition gives each field: the library's own form reading guesses a type from each value's text, so that a
 * phone number such as {@code +15555550100} would be taken for an integer and refused as a {@code string}.
 *
 * <p>Violations are collected, not thrown, because the exchanges are seen on the emulator's I/O threads; the
 * {@link Fixture} asserts there are none after each test class.
 */
final class SpecConformance implements Consumer<RecordedExchange> {
    /**
     * The one exception, declared here and nowhere else: the definition contradicts itself on a conference's
     * {@code reason_conference_ended}. Its description says the field "will be {@code null}" while the conference
     * is in progress, and Twilio sends {@code null} then, but the schema it points to is a non-nullable string enum
     * (and OpenAPI 3.0 ignores a {@code nullable} beside a {@code $ref}). So a {@code null} there, and only there,
     * is allowed.
     */
    static final ValidationErrorsWhitelist SPEC_ERRATA = ValidationErrorsWhitelist.create().withRule(
            "reason_conference_ended is null while a conference is in progress, as the definition's own "
                    + "description says, though its schema is not nullable",
            allOf(isResponse(), messageContainsRegexp(
                    "^\\[Path '(/conferences/\\d+)?/reason_conference_ended'\\] Instance (value|type) \\(null\\) .*")));

    private static final String[] SPEC_FILES = {"twilio_api_v2010_participants.json",
        "twilio_api_v2010_conferences.json"};
    private static final String FORM = "application/x-www-form-urlencoded";

    private final List<Definition> definitions;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final List<String> violations = new ArrayList<>();
    private List<String> declared;
    private long offSpecCaught;

    /** A check with {@link #SPEC_ERRATA} as the only exception; its validators are built once and shared. */
    SpecConformance() {
        this.definitions = Shared.DEFINITIONS;
    }

    /** A check with the given exceptions ({@code ValidationErrorsWhitelist.create()} for none). */
    SpecConformance(ValidationErrorsWhitelist exceptions) {
        this.definitions = definitions(exceptions);
    }

    /** One spec file: the interaction validator, and what the form body check needs. */
    private record Definition(OpenApiInteractionValidator validator, SchemaValidator forms,
                              Map<Pattern, Schema<?>> formSchemas) {
    }

    private static List<Definition> definitions(ValidationErrorsWhitelist exceptions) {
        Map<String, ValidationReport.Level> strict = Map.of(
                "validation.schema.additionalProperties", ValidationReport.Level.ERROR,
                "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR);
        Map<String, ValidationReport.Level> formsByType = new LinkedHashMap<>(strict);
        formsByType.put("validation.request.body.schema", ValidationReport.Level.IGNORE);
        ParseOptions resolved = new ParseOptions();
        resolved.setResolve(true);
        resolved.setResolveFully(true);
        List<Definition> definitions = new ArrayList<>();
        for (String file : SPEC_FILES) {
            String location = Spec.path(file).toUri().toString();
            OpenAPI api = new OpenAPIV3Parser().read(location, null, resolved);
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(location)
                    .withLevelResolver(LevelResolver.create().withLevels(formsByType).build())
                    .withWhitelist(exceptions)
                    .withStrictOperationPathMatching()
                    .build();
            SchemaValidator forms = new SchemaValidator(api,
                    new MessageResolver(LevelResolver.create().withLevels(strict).build()));
            definitions.add(new Definition(validator, forms, formSchemas(api)));
        }
        return List.copyOf(definitions);
    }

    /** Parsing the definition takes a while: once per test JVM (the validators are immutable). */
    private static final class Shared {
        static final List<Definition> DEFINITIONS = definitions(SPEC_ERRATA);
    }

    @Override
    public void accept(RecordedExchange exchange) {
        List<String> found = check(exchange);
        if (!found.isEmpty()) {
            synchronized (violations) {
                (declared != null ? declared : violations).addAll(found);
            }
        }
    }

    /**
     * Runs {@code action}, which sends a request that breaks the definition on purpose (to see what Twilio answers
     * to it), and answers the violations its exchanges had: those are not counted against the suite. The caller
     * asserts the validator saw what it sent wrong. Exchanges end before a call returns (the emulator hands them
     * over before it answers), so nothing of the action is counted after it.
     *
     * @param action sends the off-spec request, and may throw (what it throws is the caller's to check)
     * @return the violations seen while it ran
     */
    List<String> offSpec(Runnable action) {
        synchronized (violations) {
            declared = new ArrayList<>();
        }
        try {
            action.run();
        } finally {
            synchronized (violations) {
                offSpecCaught += declared.size();
            }
        }
        synchronized (violations) {
            List<String> seen = List.copyOf(declared);
            declared = null;
            return seen;
        }
    }

    /** Violations sent on purpose, inside {@link #offSpec}, so far. */
    long offSpecCaught() {
        synchronized (violations) {
            return offSpecCaught;
        }
    }

    /** Validates one exchange and answers its violations, each naming the request; counts what it checked. */
    List<String> check(RecordedExchange exchange) {
        RecordedRequest recorded = exchange.request();
        Request request = request(recorded);
        boolean answered = recorded.fault() == null && recorded.responseStatus() >= 200
                && recorded.responseStatus() < 300;
        Definition definition = definitions.get(0);
        ValidationReport report = null;
        for (Definition candidate : definitions) {
            ValidationReport found = answered ? candidate.validator().validate(request, response(exchange))
                    : candidate.validator().validateRequest(request);
            if (report == null || !pathMissing(found)) {
                report = found;
                definition = candidate;
            }
            if (!pathMissing(found)) {
                break;
            }
        }
        if (!pathMissing(report)) {
            report = report.merge(formBody(definition, recorded));
        }
        requests.incrementAndGet();
        if (answered) {
            responses.incrementAndGet();
        }
        List<String> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                found.add(recorded + ": " + message.getKey() + ": " + message.getMessage());
            }
        }
        return found;
    }

    /** The form body checked against its operation's schema, each field typed as the schema says. */
    private static ValidationReport formBody(Definition definition, RecordedRequest recorded) {
        if (!recorded.method().equals("POST") || recorded.body().length == 0
                || !recorded.header("Content-Type").orElse("").startsWith(FORM)) {
            return ValidationReport.empty();
        }
        Schema<?> schema = definition.formSchemas().entrySet().stream()
                .filter(path -> path.getKey().matcher(recorded.rawPath()).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (schema == null) {
            return ValidationReport.empty();
        }
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : recorded.formParameters()) {
            fields.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(field.getValue());
        }
        fields.forEach((name, values) -> {
            Schema<?> property = schema.getProperties() == null ? null : schema.getProperties().get(name);
            if (property != null && "array".equals(property.getType())) {
                ArrayNode items = typed.putArray(name);
                values.forEach(value -> items.add(typed(property.getItems(), value)));
            } else if (values.size() == 1) {
                typed.set(name, typed(property, values.get(0)));
            } else {
                ArrayNode repeated = typed.putArray(name);
                values.forEach(value -> repeated.add(typed(property, value)));
            }
        });
        return definition.forms().validate(() -> typed, schema, "request.body");
    }

    /** A form value as the JSON the schema's type calls for; text when it is not of that type. */
    private static JsonNode typed(Schema<?> schema, String value) {
        String type = schema == null ? null : schema.getType();
        if ("integer".equals(type) && value.matches("-?[0-9]+")) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(value));
        }
        if ("number".equals(type) && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
        }
        if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The form schema of each path's POST, by a pattern of the path (its parameters any one segment). */
    private static Map<Pattern, Schema<?>> formSchemas(OpenAPI api) {
        Map<Pattern, Schema<?>> schemas = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            Operation post = path.getValue().getPost();
            if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
                continue;
            }
            MediaType form = post.getRequestBody().getContent().get(FORM);
            if (form != null) {
                schemas.put(Pattern.compile("\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")
                        + "\\E"), form.getSchema());
            }
        }
        return schemas;
    }

    /** Requests checked so far. */
    long requests() {
        return requests.get();
    }

    /** Responses checked so far. */
    long responses() {
        return responses.get();
    }

    /** The violations found so far, in the order seen. */
    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    private static boolean pathMissing(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"));
    }

    private static Request request(RecordedRequest recorded) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.method(), recorded.rawPath());
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : recorded.queryParameters()) {
            query.computeIfAbsent(parameter.getKey(), k -> new ArrayList<>()).add(parameter.getValue());
        }
        query.forEach(builder::withQueryParam);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : recorded.headers()) {
            headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        headers.forEach(builder::withHeader);
        if (recorded.body().length > 0) {
            builder.withBody(recorded.body());
        }
        return builder.build();
    }

    private static SimpleResponse response(RecordedExchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.request().responseStatus());
        if (exchange.responseContentType() != null) {
            builder.withContentType(exchange.responseContentType());
        }
        byte[] body = exchange.responseBody();
        if (body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }
}
