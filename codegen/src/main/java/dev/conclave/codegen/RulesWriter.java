package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Api;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Operation;
import dev.conclave.codegen.Definitions.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** The emulator's parameter rules: what each operation accepts, as the spec and the overlay state it. */
final class RulesWriter {
    static final String PACKAGE = "dev.conclave.emulator.internal";
    private static final ClassName RULE = ClassName.get(PACKAGE, "Rule");

    private RulesWriter() {
    }

    static TypeSpec write(Api api) {
        ClassName map = ClassName.get(Map.class);
        ParameterizedTypeName rules = ParameterizedTypeName.get(map, ClassName.get(String.class), RULE);
        TypeSpec.Builder type = TypeSpec.classBuilder("ParameterRules").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The parameters each operation accepts, in the order of Twilio's API definition, with"
                        + " their rules.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Operation op : api.requests()) {
            String constant = Naming.constant(op.id());
            String method = Naming.lowerCamel(op.id());
            type.addField(FieldSpec.builder(rules, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The " + op.fields().size() + " " + (op.query() ? "query" : "body")
                            + " parameters of {@code " + op.id() + "}.\n")
                    .initializer("$N()", method).build());
            MethodSpec.Builder build = MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(rules)
                    .addStatement("$T rules = new $T<>()", rules, LinkedHashMap.class);
            for (Field field : op.fields()) {
                build.addStatement("rules.put($S, $L)", field.wire(), rule(api, field));
            }
            type.addMethod(build.addStatement("return $T.unmodifiableMap(rules)", Collections.class).build());
        }
        return type.build();
    }

    private static CodeBlock rule(Api api, Field field) {
        return switch (field.kind()) {
            case BOOLEAN -> CodeBlock.of("$T.bool()", RULE);
            case INTEGER -> CodeBlock.of("$T.integer($L, $L)", RULE, field.min() == null ? 0 : field.min(),
                    field.max() == null ? "Integer.MAX_VALUE" : field.max());
            case DATE -> CodeBlock.of("$T.date()", RULE);
            case VALUE, VALUE_LIST -> CodeBlock.of("$T.$N($L)", RULE,
                    field.kind() == Definitions.Kind.VALUE ? "oneOf" : "listOf", field.allowed() != null
                            ? Generate.joined("$S", field.allowed()) : values(api, field.valueSet()));
            default -> field.sidPrefix() != null ? CodeBlock.of("$T.sid($S)", RULE, field.sidPrefix())
                    : field.minLength() != null ? CodeBlock.of("$T.length($L, $L)", RULE, field.minLength(),
                    field.maxLength())
                    : CodeBlock.of("$T.text()", RULE);
        };
    }

    private static CodeBlock values(Api api, String valueSet) {
        return Generate.joined("$S", api.valueSets().stream().filter(s -> s.name().equals(valueSet)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no value set " + valueSet)).values().stream()
                .map(Value::wire).toList());
    }
}
