package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Kind;
import dev.conclave.codegen.Definitions.Operation;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The wire-name table of every request: which accessor goes out under which name, in the spec's order. */
final class FormsWriter {
    static final String PACKAGE = "dev.conclave.internal.form";
    private static final ClassName FORM_BODY = ClassName.get(PACKAGE, "FormBody");
    private static final ClassName NAME = FORM_BODY.nestedClass("Name");

    private FormsWriter() {
    }

    static TypeSpec write(List<Operation> operations) {
        TypeSpec.Builder type = TypeSpec.classBuilder("RequestForms").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The form body or query of each request, under the spec's wire names and in its order;"
                        + " unset fields are\nleft out.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        // Each wire name once, encoded when the class loads rather than for every request.
        java.util.Map<String, String> constants = new java.util.TreeMap<>();
        for (Operation op : operations) {
            for (Field field : op.fields()) {
                // DateCreated< and DateCreated> (range filters) need names of their own.
                String constant = Naming.constant(field.wire().replace("<", "Before").replace(">", "After"));
                if (constants.containsValue(constant) && !constant.equals(constants.get(field.wire()))) {
                    throw new IllegalStateException("two wire names make the constant " + constant);
                }
                constants.put(field.wire(), constant);
            }
        }
        constants.forEach((wire, constant) -> type.addField(com.palantir.javapoet.FieldSpec.builder(NAME, constant,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("$T.name($S)", FORM_BODY, wire).build()));
        for (Operation op : operations) {
            ClassName request = ClassName.get(Generate.MODEL_PACKAGE, op.requestClass());
            boolean paged = op.fields().stream().anyMatch(f -> f.wire().equals("PageSize"));
            MethodSpec.Builder method = MethodSpec.methodBuilder(Naming.lowerCamel(op.id()))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(FORM_BODY)
                    .addParameter(request, "request");
            String doc = "{@code " + op.id() + "}'s " + (op.query() ? "query" : "body") + ": its " + op.fields().size()
                    + " fields.\n\n@param request the request\n";
            if (paged) {
                method.addParameter(Integer.class, "pageSize");
                doc += "@param pageSize sent as {@code PageSize} in place of the request's; {@code null} for none\n";
            }
            method.addJavadoc(doc + "@return the encoded fields\n");
            CodeBlock.Builder body = CodeBlock.builder().add("return new $T()", FORM_BODY);
            for (Field field : op.fields()) {
                String value = paged && field.wire().equals("PageSize") ? "pageSize" : "request." + field.java() + "()";
                body.add("\n        .$N($N, $L)", field.kind() == Kind.VALUE_LIST ? "addAll" : "add",
                        constants.get(field.wire()), value);
            }
            type.addMethod(method.addStatement(body.build()).build());
        }
        return type.build();
    }
}
