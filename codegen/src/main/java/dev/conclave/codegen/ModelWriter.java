package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Kind;
import dev.conclave.codegen.Definitions.Model;
import dev.conclave.codegen.Definitions.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** A response model as a record, and its page type. */
final class ModelWriter {
    /** The paging fields of every list response besides its items, in the order a page record holds them. */
    static final List<String> PAGING = List.of("page", "page_size", "start", "end", "uri", "first_page_uri",
            "next_page_uri", "previous_page_uri");

    private ModelWriter() {
    }

    static TypeName type(Property property) {
        return switch (property.kind()) {
            case TEXT -> ClassName.get(String.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case INTEGER -> ClassName.get(Integer.class);
            case DATE_TIME -> ClassName.get(Instant.class);
            case URI_MAP -> ParameterizedTypeName.get(Map.class, String.class, String.class);
            case JSON -> ClassName.get(String.class);
            case VALUE -> ClassName.get(Generate.MODEL_PACKAGE, property.valueSet());
            default -> throw new IllegalStateException(property.json() + ": no model type for " + property.kind());
        };
    }

    static TypeSpec write(Model model) {
        ClassName self = ClassName.get(Generate.MODEL_PACKAGE, model.name());
        StringBuilder doc = new StringBuilder(model.summary()).append(" (the {@code ").append(model.schema())
                .append("} schema). Every value may be\n{@code null}: Twilio documents each as nullable, and a field"
                        + " missing from the response is {@code null}\ntoo. An immutable value, safe to share"
                        + " between threads.\n\n");
        MethodSpec.Builder components = MethodSpec.constructorBuilder();
        StringBuilder params = new StringBuilder();
        for (Property property : model.properties()) {
            components.addParameter(ParameterSpec.builder(type(property), property.java()).build());
            String text = property.description() == null ? "{@code " + property.json() + "}"
                    : Javadoc.of(property.description());
            params.append("@param ").append(property.java()).append(' ').append(text).append('\n');
        }
        doc.append(params);
        TypeSpec.Builder type = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC)
                .recordConstructor(components.build())
                .addJavadoc(doc.toString());
        List<Property> maps = model.properties().stream().filter(p -> p.kind() == Kind.URI_MAP).toList();
        if (!maps.isEmpty()) {
            MethodSpec.Builder copies = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Copies the maps, keeping their order, so the value stays immutable.\n\n" + params);
            for (Property map : maps) {
                copies.addStatement("$N = $N == null ? null : $T.unmodifiableMap(new $T<>($N))", map.java(), map.java(),
                        Collections.class, LinkedHashMap.class, map.java());
            }
            type.addMethod(copies.build());
        }
        model.predicates().forEach((json, name) -> {
            Property property = property(model, json);
            type.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                    .addJavadoc("Whether {@link #" + property.java() + "()} is {@code true} (a {@code null} counts as"
                            + " {@code false}).\n\n@return the value, {@code false} when unknown\n")
                    .addStatement("return $T.TRUE.equals($N)", Boolean.class, property.java()).build());
        });
        model.durations().forEach((json, name) -> {
            Property property = property(model, json);
            type.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(Optional.class, Duration.class))
                    .addJavadoc("{@link #" + property.java() + "()}, a number of milliseconds as Twilio's text, as"
                            + " a duration.\n\n@return the duration, or empty when absent or not a whole number\n")
                    .beginControlFlow("if ($N == null || $N.isBlank())", property.java(), property.java())
                    .addStatement("return $T.empty()", Optional.class)
                    .endControlFlow()
                    .beginControlFlow("try")
                    .addStatement("return $T.of($T.ofMillis($T.parseLong($N.trim())))", Optional.class, Duration.class,
                            Long.class, property.java())
                    .nextControlFlow("catch ($T notANumber)", NumberFormatException.class)
                    .addStatement("return $T.empty()", Optional.class)
                    .endControlFlow().build());
        });
        return type.build();
    }

    private static Property property(Model model, String json) {
        return model.properties().stream().filter(p -> p.json().equals(json)).findFirst().orElseThrow();
    }

    static TypeSpec writePage(Model model) {
        List<String> expected = new java.util.ArrayList<>(PAGING);
        expected.add(model.page().items());
        if (!new java.util.HashSet<>(expected).equals(new java.util.HashSet<>(model.page().responseFields()))) {
            throw new IllegalStateException(model.page().operation() + " returns " + model.page().responseFields()
                    + ", not the paging fields " + expected);
        }
        ClassName item = ClassName.get(Generate.MODEL_PACKAGE, model.name());
        ClassName self = ClassName.get(Generate.MODEL_PACKAGE, model.page().name());
        String items = Naming.lowerCamel(model.page().items());
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), item);
        MethodSpec.Builder components = MethodSpec.constructorBuilder()
                .addParameter(list, items);
        for (String field : PAGING) {
            components.addParameter(field.equals("uri") || field.endsWith("_uri") ? ClassName.get(String.class)
                    : ClassName.get(Integer.class), Naming.lowerCamel(field));
        }
        String pagingParams = "@param page the page index\n@param pageSize the requested page size\n"
                + "@param start the index of the first item on this page within the whole listing\n"
                + "@param end the index of the last item on this page (0 on an empty page)\n"
                + "@param uri this page's URI\n@param firstPageUri the first page's URI\n"
                + "@param nextPageUri the next page's URI, or {@code null} on the last page\n"
                + "@param previousPageUri the previous page's URI, or {@code null} on the first page\n";
        return TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Generate.MODEL_PACKAGE, "Page"), item))
                .recordConstructor(components.build())
                .addJavadoc("One page of {@code " + model.page().operation() + "}, with Twilio's paging fields. The"
                        + " URIs are relative to the API host\nand are followed as given; {@code nextPageUri} is"
                        + " {@code null} on the last page. Numeric fields are {@code null}\nwhen the response"
                        + " lacked them.\n\n"
                        + "@param " + items + " the items of this page, in Twilio's order; never {@code null},"
                        + " unmodifiable\n"
                        + pagingParams)
                .addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Copies the item list so the page stays immutable.\n\n"
                                + "@param " + items + " the items of this page, in Twilio's order; copied, must not be"
                                + " {@code null}\n"
                                + pagingParams
                                + "@throws NullPointerException if {@code " + items + "} or one of its items is"
                                + " {@code null}\n")
                        .addStatement("$N = $T.copyOf($T.requireNonNull($N, $S))", items, List.class, Objects.class,
                                items, items)
                        .build())
                .addMethod(MethodSpec.methodBuilder("items").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(list)
                        .addJavadoc("The same list as {@link #" + items + "()}.\n\n@return the items\n")
                        .addStatement("return $N", items).build())
                .build();
    }
}
