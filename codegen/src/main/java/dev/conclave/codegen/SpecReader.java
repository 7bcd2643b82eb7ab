package dev.conclave.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.conclave.codegen.Definitions.Api;
import dev.conclave.codegen.Definitions.Argument;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Kind;
import dev.conclave.codegen.Definitions.Model;
import dev.conclave.codegen.Definitions.Operation;
import dev.conclave.codegen.Definitions.Page;
import dev.conclave.codegen.Definitions.Property;
import dev.conclave.codegen.Definitions.Value;
import dev.conclave.codegen.Definitions.ValueSet;
import dev.conclave.codegen.Definitions.View;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the vendored OpenAPI extracts with swagger-parser and the overlay beside them, and checks that the two
 * agree: every name the overlay gives exists in the spec, and a value set the spec lists equals the overlay's.
 */
final class SpecReader {
    static final List<String> SPEC_FILES = List.of("twilio_api_v2010_participants.json",
            "twilio_api_v2010_conferences.json");
    private static final Pattern SID = Pattern.compile("\\^([A-Z]{2})\\[0-9a-fA-F\\]\\{32\\}\\$");

    private final Map<String, OpenAPI> specs = new LinkedHashMap<>();
    private final JsonNode overlay;
    private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();

    private SpecReader(Path specDir) {
        for (String file : SPEC_FILES) {
            Path path = specDir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("spec file missing: " + path.toAbsolutePath());
            }
            ParseOptions options = new ParseOptions();
            // Local references only: the extracts have no remote ones, and the generator never reaches the network.
            options.setResolve(false);
            SwaggerParseResult result = new OpenAPIV3Parser().readLocation(path.toString(), null, options);
            if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
                throw new IllegalStateException("cannot read " + path + ": " + result.getMessages());
            }
            specs.put(file, result.getOpenAPI());
        }
        try {
            overlay = new ObjectMapper(new YAMLFactory()).readTree(specDir.resolve("overlay.yaml").toFile());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Reads {@code specDir}'s extracts and {@code overlay.yaml}. */
    static Api read(Path specDir) {
        return new SpecReader(specDir).api();
    }

    private Api api() {
        overlay.path("valueSets").fields().forEachRemaining(e -> valueSets.put(e.getKey(),
                valueSet(e.getKey(), e.getValue())));
        List<Operation> operations = new ArrayList<>();
        overlay.path("operations").fields().forEachRemaining(e -> operations.add(operation(e.getKey(), e.getValue())));
        List<Model> models = new ArrayList<>();
        overlay.path("models").fields().forEachRemaining(e -> models.add(model(e.getKey(), e.getValue())));
        List<View> views = new ArrayList<>();
        overlay.path("views").fields().forEachRemaining(e -> {
            List<Operation> ops = new ArrayList<>();
            for (JsonNode id : e.getValue().path("operations")) {
                ops.add(operations.stream().filter(o -> o.id().equals(id.asText())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("view " + e.getKey() + ": no operation " + id)));
            }
            if (ops.stream().anyMatch(o -> !o.resource().equals(e.getKey()))) {
                throw new IllegalStateException("view " + e.getKey() + " lists another resource's operation");
            }
            views.add(new View(e.getKey(), e.getValue().path("name").asText(), e.getValue().path("accessor").asText(),
                    e.getValue().path("doc").asText(), ops));
        });
        return new Api(List.copyOf(valueSets.values()), operations, models, views);
    }

    private ValueSet valueSet(String name, JsonNode node) {
        List<Value> values = new ArrayList<>();
        node.path("values").fields().forEachRemaining(e -> values.add(
                new Value(e.getKey(), Naming.constant(e.getKey()), e.getValue().asText())));
        String source = node.path("spec").asText(null);
        if (source != null) {
            List<String> listed = specValues(source);
            List<String> given = values.stream().map(Value::wire).toList();
            if (!listed.equals(given)) {
                throw new IllegalStateException("value set " + name + ": the overlay has " + given
                        + " but the spec's " + source + " lists " + listed);
            }
        }
        return new ValueSet(name, node.path("doc").asText(), values);
    }

    /** The values a component enum, or every enum of a format (e.g. {@code format http-method}), lists. */
    private List<String> specValues(String source) {
        if (source.startsWith("format ")) {
            String format = source.substring("format ".length());
            List<String> found = null;
            for (OpenAPI spec : specs.values()) {
                for (Schema<?> schema : allFieldSchemas(spec)) {
                    if (format.equals(schema.getFormat()) && schema.getEnum() != null) {
                        List<String> values = schema.getEnum().stream().map(String::valueOf).toList();
                        if (found != null && !found.equals(values)) {
                            throw new IllegalStateException("format " + format + " has different enums: " + found
                                    + " and " + values);
                        }
                        found = values;
                    }
                }
            }
            if (found == null) {
                throw new IllegalStateException("no field of format " + format + " has an enum");
            }
            return found;
        }
        return component(source).getEnum().stream().map(String::valueOf).toList();
    }

    private static List<Schema<?>> allFieldSchemas(OpenAPI spec) {
        List<Schema<?>> schemas = new ArrayList<>();
        for (PathItem item : spec.getPaths().values()) {
            for (io.swagger.v3.oas.models.Operation op : item.readOperations()) {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> schemas.add(p.getSchema()));
                }
                Schema<?> body = formSchema(op);
                if (body != null) {
                    body.getProperties().values().forEach(schemas::add);
                }
            }
        }
        return schemas;
    }

    private Schema<?> component(String name) {
        for (OpenAPI spec : specs.values()) {
            Schema<?> schema = spec.getComponents().getSchemas().get(name);
            if (schema != null) {
                return schema;
            }
        }
        throw new IllegalStateException("no component schema " + name);
    }

    private Schema<?> resolve(Schema<?> schema) {
        String ref = schema.get$ref();
        return ref == null ? schema : component(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Schema<?> formSchema(io.swagger.v3.oas.models.Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType form = op.getRequestBody().getContent().get("application/x-www-form-urlencoded");
        return form == null ? null : form.getSchema();
    }

    private Operation operation(String id, JsonNode node) {
        for (OpenAPI spec : specs.values()) {
            for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op
                        : path.getValue().readOperationsMap().entrySet()) {
                    if (id.equals(op.getValue().getOperationId())) {
                        return operation(id, node, path.getKey(), op.getKey().name(), op.getValue());
                    }
                }
            }
        }
        throw new IllegalStateException("overlay names operation " + id + ", which the spec does not have");
    }

    private Operation operation(String id, JsonNode node, String path, String method,
                                io.swagger.v3.oas.models.Operation op) {
        JsonNode overrides = node.path("fields");
        List<String> named = new ArrayList<>();
        overrides.fieldNames().forEachRemaining(named::add);
        List<Field> pathFields = new ArrayList<>();
        List<Argument> arguments = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        boolean query = false;
        for (Parameter parameter : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            if ("path".equals(parameter.getIn())) {
                JsonNode given = node.path("path").path(parameter.getName());
                JsonNode argument = node.path("arguments").path(parameter.getName());
                if (!given.isMissingNode()) {
                    pathFields.add(field(parameter.getName(), resolve(parameter.getSchema()), true,
                            given.path("doc").asText(parameter.getDescription()), given,
                            given.path("name").asText()));
                } else if (!argument.isMissingNode()) {
                    arguments.add(argument(id, parameter, argument));
                } else if (!parameter.getName().equals("AccountSid")) {
                    throw new IllegalStateException(id + ": path parameter " + parameter.getName()
                            + " is neither a request field (path) nor an argument in the overlay");
                }
            } else if ("query".equals(parameter.getIn())) {
                query = true;
                named.remove(parameter.getName());
                JsonNode given = overrides.path(parameter.getName());
                fields.add(field(parameter.getName(), resolve(parameter.getSchema()),
                        Boolean.TRUE.equals(parameter.getRequired()),
                        given.path("doc").asText(parameter.getDescription()), given, null));
            }
        }
        Schema<?> body = formSchema(op);
        if (body != null) {
            List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
            for (Map.Entry<String, Schema> property : body.getProperties().entrySet()) {
                named.remove(property.getKey());
                Schema<?> schema = resolve(property.getValue());
                JsonNode given = overrides.path(property.getKey());
                String description = property.getValue().getDescription() != null
                        ? property.getValue().getDescription() : schema.getDescription();
                fields.add(field(property.getKey(), schema, required.contains(property.getKey()),
                        given.path("doc").asText(description), given, null));
            }
        }
        if (!named.isEmpty()) {
            throw new IllegalStateException(id + ": the overlay names fields the spec does not have: " + named);
        }
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(rule -> rules.add(rule.asText()));
        String resource = node.path("resource").asText(null);
        String name = node.path("name").asText(null);
        if (resource == null || name == null) {
            throw new IllegalStateException(id + ": the overlay must give its resource and name");
        }
        return new Operation(id, resource, name, node.path("repeatsSideEffect").asBoolean(),
                node.path("request").asText(null), node.path("summary").asText(), method, path, pathFields, fields,
                query, rules, arguments, node.path("doc").asText(null), node.path("requestDoc").asText(null),
                node.path("returns").asText(null), node.path("notFound").asText(null), responseSchema(id, op));
    }

    private Argument argument(String id, Parameter parameter, JsonNode given) {
        Schema<?> schema = resolve(parameter.getSchema());
        String sidPrefix = null;
        boolean conference = given.path("conference").asBoolean();
        if (conference) {
            // A SID or a friendly name: the spec's pattern (if any) holds once a name is resolved.
            sidPrefix = null;
        } else if (schema.getPattern() != null) {
            Matcher sid = SID.matcher(schema.getPattern());
            if (!sid.matches()) {
                throw new IllegalStateException(id + "." + parameter.getName() + ": pattern " + schema.getPattern()
                        + " is not a SID's");
            }
            sidPrefix = sid.group(1);
        } else if (!given.path("label").asBoolean() || !given.has("what")) {
            throw new IllegalStateException(id + "." + parameter.getName() + ": the spec gives no pattern, so the"
                    + " overlay must say label: true and what it may be");
        }
        return new Argument(parameter.getName(), given.path("name").asText(), given.path("doc").asText(), sidPrefix,
                given.path("what").asText(null), conference);
    }

    /** The component schema of the operation's 2xx JSON body ({@code null} for a 204); a list's page schema too. */
    private static String responseSchema(String id, io.swagger.v3.oas.models.Operation op) {
        for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> response : op.getResponses().entrySet()) {
            if (response.getKey().equals("204")) {
                return null;
            }
            if (response.getValue().getContent() != null
                    && response.getValue().getContent().get("application/json") != null) {
                Schema<?> schema = response.getValue().getContent().get("application/json").getSchema();
                return schema.get$ref() != null ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
                        : schema.getTitle();
            }
        }
        throw new IllegalStateException(id + ": no 204 and no JSON response");
    }

    private Field field(String wire, Schema<?> schema, boolean required, String description, JsonNode given,
                        String javaName) {
        String valueSet = given.path("valueSet").asText(null);
        boolean array = "array".equals(schema.getType());
        Kind kind;
        if (valueSet != null) {
            kind = array ? Kind.VALUE_LIST : Kind.VALUE;
        } else if (array) {
            throw new IllegalStateException(wire + ": a list needs a value set in the overlay");
        } else if (schema.getEnum() != null && "http-method".equals(schema.getFormat())) {
            kind = Kind.VALUE;
            valueSet = "HttpMethod";
        } else if ("boolean".equals(schema.getType())) {
            kind = Kind.BOOLEAN;
        } else if ("integer".equals(schema.getType())) {
            kind = Kind.INTEGER;
        } else if ("uri".equals(schema.getFormat())) {
            kind = Kind.URI;
        } else if ("date".equals(schema.getFormat())) {
            kind = Kind.DATE;
        } else if (schema.getFormat() != null && !"endpoint".equals(schema.getFormat())) {
            throw new IllegalStateException(wire + ": no Java type for format " + schema.getFormat() + " yet");
        } else {
            kind = Kind.TEXT;
        }
        Long min = number(schema.getMinimum());
        Long max = number(schema.getMaximum());
        JsonNode range = given.path("range");
        if (range.isArray()) {
            min = range.get(0).asLong();
            max = range.get(1).asLong();
        } else if (given.has("min")) {
            min = given.path("min").asLong();
        }
        Integer minLength = schema.getMinLength();
        Integer maxLength = schema.getMaxLength();
        String sidPrefix = null;
        boolean conference = given.path("conference").asBoolean();
        if (schema.getPattern() != null && !conference) {
            Matcher sid = SID.matcher(schema.getPattern());
            if (!sid.matches()) {
                throw new IllegalStateException(wire + ": pattern " + schema.getPattern() + " is not a SID's");
            }
            sidPrefix = sid.group(1);
            minLength = null;
            maxLength = null;
        }
        if (conference) {
            minLength = null;
            maxLength = null;
        }
        JsonNode length = given.path("length");
        if (length.isArray()) {
            minLength = length.get(0).asInt();
            maxLength = length.get(1).asInt();
        }
        String java = javaName != null ? javaName
                : kind == Kind.VALUE_LIST ? Naming.lowerCamel(wire) + "s" : Naming.lowerCamel(wire);
        return new Field(wire, java, kind, valueSet, allowed(wire, valueSet, schema, given), required, min, max, given.path("unit").asText(null), minLength,
                maxLength, sidPrefix, given.path("label").asBoolean(), given.path("secret").asBoolean(),
                description, conference);
    }

    /**
     * The values of its set a field takes where fewer than all: the overlay's {@code allowed}, else the field's
     * own enum (an update's {@code Status} that only ends); each must be a value of the set.
     */
    private List<String> allowed(String wire, String valueSet, Schema<?> schema, JsonNode given) {
        if (valueSet == null) {
            return null;
        }
        ValueSet set = valueSets.get(valueSet);
        if (set == null) {
            throw new IllegalStateException(wire + ": no value set " + valueSet + " in the overlay");
        }
        List<String> all = set.values().stream().map(Value::wire).toList();
        List<String> allowed = null;
        if (given.has("allowed")) {
            allowed = new ArrayList<>();
            for (JsonNode value : given.path("allowed")) {
                allowed.add(value.asText());
            }
        } else if (schema.getEnum() != null) {
            allowed = schema.getEnum().stream().map(String::valueOf).toList();
        }
        if (allowed == null || allowed.equals(all)) {
            return null;
        }
        if (!all.containsAll(allowed)) {
            throw new IllegalStateException(wire + ": allows " + allowed + ", not all of which " + valueSet + " has");
        }
        return List.copyOf(allowed);
    }

    private static Long number(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }

    private Model model(String schemaName, JsonNode node) {
        Schema<?> schema = component(schemaName);
        JsonNode heldAs = node.path("valueSets");
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : schema.getProperties().entrySet()) {
            Schema<?> declared = entry.getValue();
            Schema<?> property = resolve(declared);
            String valueSet = null;
            Kind kind;
            if (property.getEnum() != null) {
                valueSet = valueSetFor(declared.get$ref());
                kind = Kind.VALUE;
            } else if (heldAs.has(entry.getKey())) {
                valueSet = heldAs.path(entry.getKey()).asText();
                if (!valueSets.containsKey(valueSet) || !"string".equals(property.getType())) {
                    throw new IllegalStateException(schemaName + "." + entry.getKey() + ": cannot be held as "
                            + valueSet);
                }
                kind = Kind.VALUE;
            } else if ("boolean".equals(property.getType())) {
                kind = Kind.BOOLEAN;
            } else if ("integer".equals(property.getType())) {
                kind = Kind.INTEGER;
            } else if ("date-time-rfc-2822".equals(property.getFormat())) {
                kind = Kind.DATE_TIME;
            } else if ("uri-map".equals(property.getFormat())) {
                kind = Kind.URI_MAP;
            } else if (property.getType() == null && property.getFormat() == null) {
                kind = Kind.JSON;
            } else if ("currency".equals(property.getFormat())) {
                kind = Kind.TEXT;
            } else if (property.getType() == null || property.getFormat() != null) {
                throw new IllegalStateException(schemaName + "." + entry.getKey() + ": no Java type for "
                        + property.getType() + " of format " + property.getFormat() + " yet");
            } else {
                kind = Kind.TEXT;
            }
            String description = declared.getDescription() != null ? declared.getDescription()
                    : property.getDescription();
            properties.add(new Property(entry.getKey(), Naming.lowerCamel(entry.getKey()), kind, valueSet,
                    description));
        }
        JsonNode page = node.path("page");
        Map<String, String> predicates = new LinkedHashMap<>();
        node.path("predicates").fields().forEachRemaining(e -> predicates.put(e.getKey(), e.getValue().asText()));
        Map<String, String> durations = new LinkedHashMap<>();
        node.path("durations").fields().forEachRemaining(e -> durations.put(e.getKey(), e.getValue().asText()));
        List<String> heldAsNames = new ArrayList<>();
        heldAs.fieldNames().forEachRemaining(heldAsNames::add);
        List<String> named = concat(predicates.keySet(), durations.keySet());
        named.addAll(heldAsNames);
        for (String json : named) {
            if (!schema.getProperties().containsKey(json)) {
                throw new IllegalStateException(schemaName + " has no property " + json);
            }
        }
        List<String> shared = new ArrayList<>();
        node.path("shared").forEach(json -> shared.add(json.asText()));
        return new Model(schemaName, node.path("name").asText(), node.path("summary").asText(), properties,
                page.isMissingNode() ? null : new Page(page.path("name").asText(), page.path("items").asText(),
                        page.path("operation").asText(), listResponseFields(page.path("operation").asText())),
                predicates, durations, shared);
    }

    /** The top-level fields of a list operation's 200 response, in the spec's order. */
    private List<String> listResponseFields(String operationId) {
        for (OpenAPI spec : specs.values()) {
            for (PathItem item : spec.getPaths().values()) {
                for (io.swagger.v3.oas.models.Operation op : item.readOperations()) {
                    if (operationId.equals(op.getOperationId())) {
                        Schema<?> schema = op.getResponses().get("200").getContent().get("application/json")
                                .getSchema();
                        return new ArrayList<>(schema.getProperties().keySet());
                    }
                }
            }
        }
        throw new IllegalStateException("no operation " + operationId);
    }

    /** The overlay's value set whose {@code spec} is this component. */
    private String valueSetFor(String ref) {
        String component = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
        for (Iterator<Map.Entry<String, JsonNode>> sets = overlay.path("valueSets").fields(); sets.hasNext(); ) {
            Map.Entry<String, JsonNode> set = sets.next();
            if (set.getValue().path("spec").asText("").equals(component)) {
                return set.getKey();
            }
        }
        throw new IllegalStateException("no value set in the overlay has spec: " + component);
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
