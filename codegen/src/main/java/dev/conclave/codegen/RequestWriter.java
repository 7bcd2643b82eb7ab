package dev.conclave.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Kind;
import dev.conclave.codegen.Definitions.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** An operation's request: an immutable class with a builder that checks each value as it is set. */
final class RequestWriter {
    private static final ClassName CHECKS = ClassName.get(Generate.MODEL_PACKAGE, "Checks");

    private RequestWriter() {
    }

    static TypeName type(Field field) {
        return switch (field.kind()) {
            case TEXT -> ClassName.get(String.class);
            case URI -> ClassName.get(java.net.URI.class);
            case DATE -> ClassName.get(java.time.LocalDate.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case INTEGER -> ClassName.get(Integer.class);
            case VALUE -> ClassName.get(Generate.MODEL_PACKAGE, field.valueSet());
            case VALUE_LIST -> ParameterizedTypeName.get(ClassName.get(List.class),
                    ClassName.get(Generate.MODEL_PACKAGE, field.valueSet()));
            default -> throw new IllegalStateException(field.wire() + ": no request type for " + field.kind());
        };
    }

    static List<Field> all(Operation op) {
        List<Field> all = new ArrayList<>(op.pathFields());
        all.addAll(op.fields());
        return all;
    }

    /** The fields the builder's factory takes: the path fields, then the required ones. */
    static List<Field> given(Operation op) {
        List<Field> given = new ArrayList<>(op.pathFields());
        op.fields().stream().filter(Field::required).forEach(given::add);
        return given;
    }

    static TypeSpec write(Operation op) {
        ClassName self = ClassName.get(Generate.MODEL_PACKAGE, op.requestClass());
        ClassName builder = self.nestedClass("Builder");
        List<Field> all = all(op);
        List<Field> given = given(op);
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(op.summary() + ": every " + (op.query() ? "query" : "body")
                        + " parameter of Twilio's {@code " + op.id() + "}.\n\n"
                        + "<p>Build with {@link #builder(" + String.join(", ",
                                given.stream().map(f -> type(f) instanceof ClassName named ? named.simpleName()
                                : type(f).toString()).toList())
                        + ")}. Unset fields are not sent, so Twilio's defaults\napply. What Twilio's API definition"
                        + " states (required fields, SID patterns, lengths and ranges, with those\nstated in"
                        + " its prose declared in {@code spec/overlay.yaml}) is checked when a value is set or"
                        + " when\n{@link Builder#build()} runs, with an {@link IllegalArgumentException} that"
                        + " names the field and what is\nallowed. Instances are immutable and thread-safe.\n");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (Field field : all) {
            type.addField(type(field), field.java(), Modifier.PRIVATE, Modifier.FINAL);
            if (field.kind() == Kind.VALUE_LIST) {
                constructor.addStatement("this.$N = builder.$N == null ? $T.of() : $T.copyOf(builder.$N)", field.java(),
                        field.java(), List.class, List.class, field.java());
            } else {
                constructor.addStatement("this.$N = builder.$N", field.java(), field.java());
            }
        }
        type.addMethod(constructor.build());

        MethodSpec.Builder factory = MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder);
        StringBuilder factoryDoc = new StringBuilder("Starts a request.\n\n");
        List<String> names = new ArrayList<>();
        for (Field field : given) {
            factory.addParameter(type(field), field.java());
            factoryDoc.append("@param ").append(field.java()).append(' ').append(shortDoc(field)).append('\n');
            names.add(field.java());
        }
        factoryDoc.append("@return a builder\n");
        if (!given.isEmpty()) {
            factoryDoc.append("@throws IllegalArgumentException if an argument is null, blank or not of its form\n");
        }
        type.addMethod(factory.addJavadoc(factoryDoc.toString())
                .addStatement("return new $T($L)", builder, Generate.names(names)).build());

        for (Field field : all) {
            type.addMethod(MethodSpec.methodBuilder(field.java()).addModifiers(Modifier.PUBLIC).returns(type(field))
                    .addJavadoc(accessorDoc(field))
                    .addStatement("return $N", field.java()).build());
        }
        type.addMethod(equalsMethod(self, all));
        type.addMethod(hashCodeMethod(all));
        type.addMethod(toStringMethod(op, all));
        type.addType(builderType(op, self, builder, all, given));
        return type.build();
    }

    private static String shortDoc(Field field) {
        String doc = field.description();
        return doc == null || doc.isBlank() ? "{@code " + field.wire() + "}" : Javadoc.of(doc);
    }

    private static String accessorDoc(Field field) {
        String unset = field.kind() == Kind.VALUE_LIST ? "empty when unset"
                : field.required() ? "never {@code null}" : "{@code null} when unset";
        String secret = field.secret() ? " Never shown by {@link #toString()}." : "";
        return "{@code " + field.wire() + "}: " + shortDoc(field) + secret + "\n\n@return the value; " + unset + "\n";
    }

    private static MethodSpec equalsMethod(ClassName self, List<Field> all) {
        CodeBlock.Builder same = CodeBlock.builder().add("return other instanceof $T that", self);
        for (Field field : all) {
            same.add("\n        && $T.equals($N, that.$N)", Objects.class, field.java(), field.java());
        }
        return MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(boolean.class).addParameter(Object.class, "other")
                .addStatement(same.build()).build();
    }

    private static MethodSpec hashCodeMethod(List<Field> all) {
        return MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $T.hash($L)", Objects.class,
                        Generate.names(all.stream().map(Field::java).toList())).build();
    }

    private static MethodSpec toStringMethod(Operation op, List<Field> all) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("Lists the fields that are set" + (all.stream().anyMatch(Field::secret)
                        ? "; " + String.join(", ", all.stream().filter(Field::secret)
                                .map(f -> "{@code " + f.wire() + "}").toList()) + " shows as {@code ****}" : "")
                        + ".\n")
                .addStatement("$T text = new $T($S)", StringBuilder.class, StringBuilder.class, op.requestClass() + "[")
                .addStatement("String separator = $S", "");
        for (Field field : all) {
            String condition = field.kind() == Kind.VALUE_LIST ? "!$N.isEmpty()" : "$N != null";
            method.beginControlFlow("if (" + condition + ")", field.java());
            if (field.secret()) {
                method.addStatement("text.append(separator).append($S)", field.java() + "=****");
            } else {
                method.addStatement("text.append(separator).append($S).append($N)", field.java() + "=", field.java());
            }
            method.addStatement("separator = $S", ", ").endControlFlow();
        }
        return method.addStatement("return text.append(']').toString()").build();
    }

    private static TypeSpec builderType(Operation op, ClassName self, ClassName builder, List<Field> all,
                                        List<Field> given) {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Collects a {@link $T}'s fields; not thread-safe.\n", self);
        for (Field field : all) {
            FieldSpec.Builder spec = FieldSpec.builder(type(field), field.java(), Modifier.PRIVATE);
            if (given.contains(field)) {
                spec.addModifiers(Modifier.FINAL);
            }
            type.addField(spec.build());
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
        for (Field field : given) {
            constructor.addParameter(type(field), field.java());
            constructor.addStatement("this.$N = $L", field.java(), checked(field, CodeBlock.of("$N", field.java())));
        }
        type.addMethod(constructor.build());
        for (Field field : all) {
            if (given.contains(field)) {
                continue;
            }
            if (field.kind() == Kind.VALUE_LIST) {
                TypeName item = ClassName.get(Generate.MODEL_PACKAGE, field.valueSet());
                type.addMethod(MethodSpec.methodBuilder(field.java()).addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(ParameterSpec.builder(ArrayTypeName.of(item), "values").build()).varargs()
                        .addJavadoc("Sets {@code " + field.wire() + "}: " + shortDoc(field) + "\nSent as one repeated"
                                + " form key per value, in this order.\n\n@param values the values; none clears the"
                                + " field\n@return this builder\n@throws NullPointerException if the array or a value"
                                + " is null\n" + throwsDoc(field))
                        .addStatement("this.$N = $L", field.java(), allowed(field, CodeBlock.of("$T.of(values)",
                                List.class)))
                        .addStatement("return this").build());
                type.addMethod(MethodSpec.methodBuilder(field.java()).addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), item), "values")
                        .addJavadoc("Sets {@code " + field.wire() + "} from a collection; see {@link #" + field.java()
                                + "(" + field.valueSet() + "...)}.\n\n@param values the values, in order; empty clears"
                                + " the field\n@return this builder\n@throws NullPointerException if the collection"
                                + " or a value is null\n" + throwsDoc(field))
                        .addStatement("this.$N = $L", field.java(), allowed(field, CodeBlock.of("$T.copyOf(values)",
                                List.class)))
                        .addStatement("return this").build());
                continue;
            }
            String throwsDoc = throwsDoc(field);
            type.addMethod(MethodSpec.methodBuilder(field.java()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(type(field), field.java())
                    .addJavadoc("Sets {@code " + field.wire() + "}: " + shortDoc(field) + "\n\n@param " + field.java()
                            + " the value, or {@code null} to leave it unset\n@return this builder\n" + throwsDoc)
                    .addStatement("this.$N = $L", field.java(), checked(field, CodeBlock.of("$N", field.java())))
                    .addStatement("return this").build());
        }
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self);
        StringBuilder buildDoc = new StringBuilder("Returns the request.\n\n@return the immutable request\n");
        for (String rule : op.rules()) {
            if (!rule.equals("coaching")) {
                throw new IllegalStateException(op.id() + ": unknown rule " + rule);
            }
            build.addStatement("$T.coaching(coaching, callSidToCoach)", CHECKS);
            buildDoc.append("@throws IllegalArgumentException if {@code coaching} is {@code true} without"
                    + " {@code callSidToCoach}\n");
        }
        type.addMethod(build.addJavadoc(buildDoc.toString()).addStatement("return new $T(this)", self).build());
        return type.build();
    }

    private static String throwsDoc(Field field) {
        if (field.allowed() != null) {
            return "@throws IllegalArgumentException if the value is not " + String.join(" or ",
                    field.allowed().stream().map(v -> "{@code " + v + "}").toList()) + ", unless made by {@link "
                    + field.valueSet() + "#unlisted(String)}\n";
        }
        if (field.kind() == Kind.VALUE || field.kind() == Kind.VALUE_LIST) {
            return "@throws IllegalArgumentException if a value is not one of {@link " + field.valueSet()
                    + "#knownValues()}, unless made by {@link " + field.valueSet() + "#unlisted(String)}\n";
        }
        if (field.sidPrefix() != null) {
            return "@throws IllegalArgumentException if the value is not {@code " + field.sidPrefix()
                    + "} followed by 32 hex digits\n";
        }
        if (field.label()) {
            return "@throws IllegalArgumentException if the value is empty or holds CR, LF or NUL\n";
        }
        if (field.minLength() != null || field.maxLength() != null) {
            return "@throws IllegalArgumentException if the value is not " + field.minLength() + " to "
                    + field.maxLength() + " characters long\n";
        }
        if (field.kind() == Kind.INTEGER && field.min() != null) {
            return field.max() != null
                    ? "@throws IllegalArgumentException if the value is outside " + field.min() + " to " + field.max()
                    + "\n"
                    : "@throws IllegalArgumentException if the value is less than " + field.min() + "\n";
        }
        return "";
    }

    /** The expression that checks a value as the spec and the overlay state, and returns it. */
    static CodeBlock checked(Field field, CodeBlock value) {
        String java = field.java();
        String wire = field.wire();
        CodeBlock checked = value;
        if (field.required()) {
            checked = CodeBlock.of("$T.$N($S, $S, $L)", CHECKS, field.kind() == Kind.TEXT ? "required" : "present",
                    java, wire, checked);
        }
        if (field.sidPrefix() != null) {
            checked = CodeBlock.of("$T.sid($S, $S, $L, $S)", CHECKS, java, wire, checked, field.sidPrefix());
        }
        if (field.label() || field.conference()) {
            checked = CodeBlock.of("$T.label($S, $S, $L)", CHECKS, java, wire, checked);
        }
        if (field.minLength() != null || field.maxLength() != null) {
            checked = CodeBlock.of("$T.length($S, $S, $L, $L, $L)", CHECKS, java, wire, checked,
                    field.minLength() == null ? 0 : field.minLength(),
                    field.maxLength() == null ? "Integer.MAX_VALUE" : field.maxLength());
        }
        if (field.kind() == Kind.VALUE) {
            checked = allowed(field, checked);
        }
        if (field.kind() == Kind.INTEGER && field.min() != null) {
            if (field.max() != null) {
                checked = CodeBlock.of("$T.range($S, $S, $L, $L, $L, $S)", CHECKS, java, wire, checked, field.min(),
                        field.max(), unit(field));
            } else if (field.min() == 1) {
                checked = CodeBlock.of("$T.positive($S, $S, $L, $S)", CHECKS, java, wire, checked, unit(field));
            } else if (field.min() == 0) {
                checked = CodeBlock.of("$T.atLeastZero($S, $S, $L)", CHECKS, java, wire, checked);
            } else {
                throw new IllegalStateException(wire + ": a lower bound alone must be 0 or 1");
            }
        }
        return checked;
    }

    /** The expression that checks a value, or each of a list, is one a request may send. */
    private static CodeBlock allowed(Field field, CodeBlock value) {
        ClassName set = ClassName.get(Generate.MODEL_PACKAGE, field.valueSet());
        CodeBlock allowed = field.allowed() == null ? CodeBlock.of("$T.knownValues()", set)
                : CodeBlock.of("$T.of($L)", List.class, Generate.joined("$L", field.allowed().stream()
                        .map(v -> CodeBlock.of("$T.$N", set, Naming.constant(v))).toList()));
        return CodeBlock.of("$T.allowed($S, $S, $L, $L, $S)", CHECKS, field.java(), field.wire(), value, allowed,
                field.valueSet());
    }

    private static String unit(Field field) {
        if (field.unit() == null) {
            throw new IllegalStateException(field.wire() + ": a range needs a unit in the overlay");
        }
        return field.unit();
    }
}
