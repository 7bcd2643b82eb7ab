package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Operation;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The operation identifiers: resource, name, method, path template and whether a re-send repeats a side effect. */
final class OperationsWriter {
    static final String PACKAGE = "dev.conclave";

    private OperationsWriter() {
    }

    static TypeSpec write(List<Operation> operations) {
        ClassName operation = ClassName.get(PACKAGE, "Operation");
        TypeSpec.Builder type = TypeSpec.classBuilder("Operations").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations of Twilio's API that Conclave calls, as {@link Operation}s: what an"
                        + " interceptor's\n{@code chain.operation()} and the {@code operation} and {@code resource}"
                        + " metric tags name.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Operation op : operations) {
            type.addField(FieldSpec.builder(operation, Naming.constant(op.id()), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code " + op.id() + "}: {@code " + op.method() + " " + op.path() + "}"
                            + (op.repeatsSideEffect() ? "; re-sending it may repeat its side effect" : "") + ".\n")
                    .initializer("$T.of($S, $S, $S,$W$S, $L)", operation, op.resource(), op.name(), op.method(),
                            op.path(), op.repeatsSideEffect())
                    .build());
        }
        ClassName list = ClassName.get(List.class);
        type.addField(FieldSpec.builder(com.palantir.javapoet.ParameterizedTypeName.get(list, operation), "ALL",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class,
                        Generate.names(operations.stream().map(op -> Naming.constant(op.id())).toList())).build());
        type.addMethod(MethodSpec.methodBuilder("all").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(com.palantir.javapoet.ParameterizedTypeName.get(list, operation))
                .addJavadoc("Every operation, in the order of the API definition.\n\n@return the operations,"
                        + " unmodifiable\n")
                .addStatement("return ALL").build());
        return type.build();
    }
}
