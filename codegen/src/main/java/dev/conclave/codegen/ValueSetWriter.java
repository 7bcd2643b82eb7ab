package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Value;
import dev.conclave.codegen.Definitions.ValueSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** An open value set: a final class with a constant per known value and {@code of(String)} for any other. */
final class ValueSetWriter {
    private ValueSetWriter() {
    }

    /**
     * Writes the set's class.
     *
     * @param sent whether a request field holds the set's values: then {@code unlisted(String)} makes a value the
     *     release does not know that requests send anyway
     */
    static TypeSpec write(ValueSet set, boolean sent) {
        ClassName self = ClassName.get(Generate.MODEL_PACKAGE, set.name());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ClassName.get(Generate.MODEL_PACKAGE, "WireValue"))
                .addJavadoc(Javadoc.of(set.doc()) + "\n\n<p>Known values are constants; {@link #of(String)} also accepts a"
                        + " value Twilio adds later and keeps its\ntext" + (sent ? ", and {@link #unlisted(String)} makes"
                        + " one that a request sends although this release does not\nlist it" : "")
                        + ". Compare with {@code equals}.\n");
        for (Value value : set.values()) {
            type.addField(FieldSpec.builder(self, value.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(Javadoc.code(value.wire()) + ": " + Javadoc.of(value.doc()))
                    .initializer("new $T($S, false)", self, value.wire())
                    .build());
        }
        ParameterizedTypeName list = ParameterizedTypeName.get(ClassName.get(List.class), self);
        type.addField(FieldSpec.builder(list, "KNOWN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class,
                        Generate.names(set.values().stream().map(Value::constant).toList())).build());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
                        self), "BY_VALUE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.index(KNOWN)", ClassName.get(Generate.MODEL_PACKAGE, "WireValues")).build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "value")
                .addParameter(boolean.class, "unlisted")
                .addStatement("super($S, value, unlisted)", set.name()).build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(String.class, "value")
                .addJavadoc("Returns the constant for a known value, or a new instance that keeps an unknown value's"
                        + " text." + (sent ? "\nA request refuses an unknown value made here, so that a typo fails"
                        + " before anything is sent;\nsee {@link #unlisted(String)}." : "")
                        + "\n\n@param value the wire text, case-sensitive\n@return the value\n"
                        + "@throws IllegalArgumentException if the text is empty or holds control characters\n"
                        + "@throws NullPointerException if the text is null\n")
                .addStatement("$T known = BY_VALUE.get($T.requireNonNull(value, $S))", self, Objects.class,
                        set.name() + ": value must not be null")
                .addStatement("return known != null ? known : new $T(value, false)", self)
                .build());
        if (sent) {
            type.addMethod(MethodSpec.methodBuilder("unlisted")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                    .addParameter(String.class, "value")
                    .addJavadoc("Returns the constant for a known value, or a value this release does not list that a"
                            + " request\nsends as it is: for a value Twilio added after this release. A value Twilio\ndoes not"
                            + " take fails the call with its 400, an {@code ApiException}.\n\n@param value the wire text,"
                            + " case-sensitive\n@return the value\n"
                            + "@throws IllegalArgumentException if the text is empty or holds control characters\n"
                            + "@throws NullPointerException if the text is null\n")
                    .addStatement("$T known = BY_VALUE.get($T.requireNonNull(value, $S))", self, Objects.class,
                            set.name() + ": value must not be null")
                    .addStatement("return known != null ? known : new $T(value, true)", self)
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("knownValues")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(list)
                .addJavadoc("The values known to this version of Conclave, in Twilio's documented order.\n\n"
                        + "@return the constants, unmodifiable\n")
                .addStatement("return KNOWN").build());
        type.addMethod(MethodSpec.methodBuilder("isKnown")
                .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addStatement("return BY_VALUE.get(value()) == this").build());
        return type.build();
    }
}
