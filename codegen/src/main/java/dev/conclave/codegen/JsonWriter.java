package dev.conclave.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Model;
import dev.conclave.codegen.Definitions.Property;
import java.io.IOException;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * A model's decoder on jackson-core's streaming parser: each field read eagerly into the record's component,
 * with the fields expected in the schema's order (the order Twilio sends) and any other order still read.
 */
final class JsonWriter {
    static final String PACKAGE = "dev.conclave.internal.json";
    private static final ClassName PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    private static final ClassName SERIALIZED = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
    private static final ClassName READING = ClassName.get(PACKAGE, "JsonReading");
    private static final ClassName RESPONSE = ClassName.get("dev.conclave.http", "HttpResponse");

    private JsonWriter() {
    }

    static TypeSpec write(Model model) {
        ClassName self = ClassName.get(PACKAGE, model.name() + "Json");
        ClassName item = ClassName.get(Generate.MODEL_PACKAGE, model.name());
        String one = Naming.lowerCamel(model.name());
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Decodes {@link $T} and its pages from the API's JSON; see {@link $T} for what is tolerated"
                        + "\nand what fails.\n", item, READING)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addField(FieldSpec.builder(ArrayTypeName.of(SERIALIZED), "FIELDS", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The fields in the order Twilio sends them (the schema's).\n")
                .initializer("$T.names($L)", READING,
                        Generate.joined("$S", model.properties().stream().map(Property::json).toList())).build());
        type.addMethod(MethodSpec.methodBuilder(one).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(item)
                .addParameter(RESPONSE, "response")
                .addJavadoc("Decodes a single {@code " + model.schema() + "}.\n\n@param response a 2xx response\n"
                        + "@return the decoded value\n@throws dev.conclave.DecodingException if the body is not a JSON"
                        + " object or a field cannot be read\n")
                .addStatement("return $T.one(response, $T::read)", READING, self).build());
        if (model.page() != null) {
            ClassName page = ClassName.get(Generate.MODEL_PACKAGE, model.page().name());
            type.addMethod(MethodSpec.methodBuilder("page").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(page)
                    .addParameter(RESPONSE, "response")
                    .addParameter(ParameterizedTypeName.get(Consumer.class, String.class), "nextPageUri")
                    .addJavadoc("Decodes a page of {@code " + model.page().operation() + "}.\n\n"
                            + "@param response a 2xx response\n@param nextPageUri told the page's {@code"
                            + " next_page_uri} as soon as it is read; {@code null} for nobody\n"
                            + "@return the page\n@throws dev.conclave.DecodingException if the body is not a JSON"
                            + " object or a field cannot be read\n")
                    .addStatement("return $T.page(response, $S, $T::read, nextPageUri, $T::new)", READING,
                            model.page().items(), self, page).build());
            String items = Naming.lowerCamel(model.page().items());
            com.palantir.javapoet.CodeBlock.Builder paging = com.palantir.javapoet.CodeBlock.builder();
            for (String field : ModelWriter.PAGING) {
                paging.add(",$Wpage.$N()", Naming.lowerCamel(field));
            }
            type.addMethod(MethodSpec.methodBuilder("truncated").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(page).addParameter(page, "page").addParameter(int.class, "size")
                    .addJavadoc("The same page with only its first {@code size} items, for a listing's limit.\n\n"
                            + "@param page the page\n@param size how many items to keep, at most the page's\n"
                            + "@return the shorter page\n")
                    .addStatement("return new $T(page.$N().subList(0, size)$L)", page, items, paging.build())
                    .build());
        }
        MethodSpec.Builder read = MethodSpec.methodBuilder("read").addModifiers(Modifier.STATIC).returns(item)
                .addParameter(PARSER, "parser").addParameter(READING, "reading").addException(IOException.class)
                .addJavadoc("Reads one object, its start already read.\n");
        for (Property property : model.properties()) {
            read.addStatement("$T $N = null", ModelWriter.type(property), property.java());
        }
        read.addStatement("int expected = 0")
                .beginControlFlow("while (true)")
                .addStatement("int field")
                .beginControlFlow("if (expected < FIELDS.length && parser.nextFieldName(FIELDS[expected]))")
                .addStatement("field = expected")
                .nextControlFlow("else")
                .beginControlFlow("if (expected >= FIELDS.length)")
                .addStatement("parser.nextToken()")
                .endControlFlow()
                .beginControlFlow("if (parser.currentToken() != $T.FIELD_NAME)", TOKEN)
                .addStatement("break")
                .endControlFlow()
                .addStatement("field = index(parser.currentName())")
                .endControlFlow()
                .addStatement("$T value = parser.nextToken()", TOKEN)
                .beginControlFlow("switch (field)");
        int index = 0;
        for (Property property : model.properties()) {
            read.addStatement("case $L -> $N = $L", index++, property.java(), reader(model, property));
        }
        read.addStatement("default -> parser.skipChildren()")
                .endControlFlow()
                .beginControlFlow("if (field >= 0)")
                .addStatement("expected = field + 1")
                .endControlFlow()
                .endControlFlow()
                .addStatement("reading.expectObjectEnd(parser, $S)", "a " + one + " object");
        read.addStatement("return new $T($L)", item,
                Generate.names(model.properties().stream().map(Property::java).toList()));
        type.addMethod(read.build());
        CodeBlock.Builder cases = CodeBlock.builder().add("return switch (name) {\n$>");
        index = 0;
        for (Property property : model.properties()) {
            cases.add("case $S -> $L;\n", property.json(), index++);
        }
        cases.add("default -> -1;\n$<};\n");
        type.addMethod(MethodSpec.methodBuilder("index").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class).addParameter(String.class, "name").addCode(cases.build()).build());
        return type.build();
    }

    private static CodeBlock reader(Model model, Property property) {
        return switch (property.kind()) {
            case TEXT -> model.shared().contains(property.json())
                    ? CodeBlock.of("reading.shared($L, parser, value)", model.shared().indexOf(property.json()))
                    : CodeBlock.of("$T.text(parser, value)", READING);
            case BOOLEAN -> CodeBlock.of("$T.bool(parser, value)", READING);
            case INTEGER -> CodeBlock.of("$T.integer(parser, value)", READING);
            case DATE_TIME -> CodeBlock.of("reading.date(parser, value)");
            case URI_MAP -> CodeBlock.of("$T.textMap(parser, value)", READING);
            case JSON -> CodeBlock.of("$T.json(parser, value)", READING);
            case VALUE -> {
                ClassName set = ClassName.get(Generate.MODEL_PACKAGE, property.valueSet());
                yield CodeBlock.of("$T.value(parser, value, $T.knownValues(), $T::of)", READING, set, set);
            }
            default -> throw new IllegalStateException(property.json() + ": cannot decode " + property.kind());
        };
    }
}
