package dev.conclave.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.conclave.codegen.Definitions.Api;
import dev.conclave.codegen.Definitions.Argument;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Model;
import dev.conclave.codegen.Definitions.Operation;
import dev.conclave.codegen.Definitions.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * A resource's view: its public blocking interface, the {@code Async} twin, and the package-private class that
 * implements both over the client's runtime, one method per operation. Path parameters other than the account
 * are the method's arguments, checked as the spec states (a SID pattern, or free text without CR or LF) and
 * percent-encoded.
 */
final class ViewWriter {
    static final String PACKAGE = "dev.conclave";
    private static final ClassName RUNTIME = ClassName.get(PACKAGE, "ClientRuntime");
    private static final ClassName OPTIONS = ClassName.get(PACKAGE, "CallOptions");
    private static final ClassName OPERATIONS = ClassName.get(PACKAGE, "Operations");
    private static final ClassName LISTING = ClassName.get(PACKAGE, "Listing");
    private static final ClassName ASYNC_LISTING = ClassName.get(PACKAGE, "AsyncListing");
    private static final ClassName CLIENT = ClassName.get(PACKAGE, "ConclaveClient");
    private static final ClassName HTTP_REQUEST = ClassName.get("dev.conclave.http", "HttpRequest");
    private static final ClassName TRANSPORT_EXCEPTION = ClassName.get("dev.conclave.http", "TransportException");
    private static final ClassName FORMS = ClassName.get(FormsWriter.PACKAGE, "RequestForms");
    private static final ClassName ENCODING = ClassName.get(FormsWriter.PACKAGE, "UrlEncoding");
    private static final ClassName SIDS = ClassName.get(Generate.MODEL_PACKAGE, "Sids");
    private static final ClassName NAMES = ClassName.get(PACKAGE, "ConferenceNames");
    /** What a conference argument's lambda calls the SID a name resolved to. */
    private static final String RESOLVED = "conferenceSid";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Api api;
    private final View view;
    private final ClassName sync;
    private final ClassName async;
    private final ClassName impl;

    private ViewWriter(Api api, View view) {
        this.api = api;
        this.view = view;
        this.sync = ClassName.get(PACKAGE, view.name());
        this.async = ClassName.get(PACKAGE, "Async" + view.name());
        this.impl = ClassName.get(PACKAGE, view.name().replace("Operations", "View"));
    }

    /** The three types of a view: its interface, the async interface and their implementation. */
    static List<TypeSpec> write(Api api, View view) {
        ViewWriter writer = new ViewWriter(api, view);
        return List.of(writer.syncInterface(), writer.asyncInterface(), writer.implementation());
    }

    private TypeSpec syncInterface() {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(sync).addModifiers(Modifier.PUBLIC)
                .addJavadoc(view.doc() + ", bound to one account, blocking the calling thread; their non-blocking"
                        + " twins are\n{@link #async()}. {@link $T#" + view.accessor() + "()} gives the one of the"
                        + " credentials' account; {@link #forAccount(String)}\none for a sub-account.\n\n"
                        + "<p>Every method blocks the calling thread until the exchange is done. Each throws\n"
                        + "{@link IllegalArgumentException} for invalid arguments (nothing is sent), {@link"
                        + " ApiException} or one of\nits subclasses when Twilio answers with an error, {@link"
                        + " $T} when no complete answer came,\nand {@link DecodingException} when"
                        + " the answer could not be read (a value that is not of its type, such as a\ndate that is"
                        + " no date, fails the call and names the field). Returned values are plain records.\n",
                        CLIENT, TRANSPORT_EXCEPTION);
        type.addMethod(MethodSpec.methodBuilder("async").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(async)
                .addJavadoc("The same operations, in the same account, without blocking: each returns a {@code"
                        + " CompletableFuture},\nand listing is a demand-driven {@link"
                        + " java.util.concurrent.Flow.Publisher}.\n\n@return the non-blocking view; it shares this"
                        + " one's client and needs no closing\n").build());
        type.addMethod(MethodSpec.methodBuilder("forAccount").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(sync).addParameter(String.class, "accountSid")
                .addJavadoc("The same operations in another account (a sub-account), with the same client's"
                        + " credentials, transport and\ncall options.\n\n@param accountSid the account, {@code AC}"
                        + " followed by 32 hex digits\n@return the view; it needs no closing and stops working when"
                        + " the client is closed\n@throws IllegalArgumentException if the SID is not of that"
                        + " form\n").build());
        type.addMethod(MethodSpec.methodBuilder("withOptions").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(sync).addParameter(OPTIONS, "options")
                .addJavadoc("The same operations with other call settings: a retry policy, an attempt timeout or a"
                        + " call timeout that\ndiffer from the client's (values left unset in {@code options} stay as"
                        + " they are here). The view shares\nthis one's account, credentials and transport, needs no"
                        + " closing, and can be kept and reused.\n\n@param options the settings to change\n@return"
                        + " the view; its {@link #async()} uses the same settings\n").build());
        for (Operation op : view.operations()) {
            type.addMethod(signature(op, false).addModifiers(Modifier.ABSTRACT).build());
            convenience(op, false, type);
        }
        return type.build();
    }

    private TypeSpec asyncInterface() {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(async).addModifiers(Modifier.PUBLIC)
                .addJavadoc(view.doc() + " without blocking: each returns at once. Get one with\n{@code client."
                        + view.accessor() + "().async()} ({@link $T#async()}).\n\n"
                        + "<p>Invalid arguments throw {@link IllegalArgumentException} at once (nothing is sent)."
                        + " Everything else\narrives through the returned future, completed exceptionally with the"
                        + " same typed exceptions the blocking\nAPI throws ({@link ApiException} and its subclasses,"
                        + " {@link $T}, {@link DecodingException}),\nnever wrapped. Cancelling a"
                        + " future stops waiting for it: an exchange not yet sent is never sent; over\na"
                        + " non-blocking transport one in progress is aborted (its connection closed); over a"
                        + " blocking transport\none in progress runs to its end, bounded by the timeouts.\n\n"
                        + "<p>Over a non-blocking transport (Netty) futures complete on the transport's event loop"
                        + " threads: callbacks\nchained to them must not block there (use the {@code"
                        + " ...Async(fn, executor)} variants for blocking work).\nOver a blocking transport (Apache)"
                        + " the exchanges run on the client's async executor, a bounded pool, or the\nexecutor given"
                        + " to {@link ConclaveClient.Builder#asyncExecutor}.\n", sync, TRANSPORT_EXCEPTION);
        for (Operation op : view.operations()) {
            type.addMethod(signature(op, true).addModifiers(Modifier.ABSTRACT).build());
            convenience(op, true, type);
        }
        return type.build();
    }

    /** A list whose request needs only its path fields gets a method that takes just those. */
    private void convenience(Operation op, boolean isAsync, TypeSpec.Builder type) {
        if (!op.name().equals("list") || RequestWriter.given(op).size() != op.pathFields().size()) {
            return;
        }
        ClassName request = ClassName.get(Generate.MODEL_PACKAGE, op.requestClass());
        MethodSpec.Builder method = MethodSpec.methodBuilder("list").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(returnType(op, isAsync));
        StringBuilder doc = new StringBuilder("Lists every item lazily, 50 per page; see {@link #list(")
                .append(op.requestClass()).append(")}.\n\n");
        List<String> names = new ArrayList<>();
        for (Field field : op.pathFields()) {
            method.addParameter(String.class, field.java());
            doc.append("@param ").append(field.java()).append(' ').append(Javadoc.of(field.description()))
                    .append('\n');
            names.add(field.java());
        }
        doc.append("@return a re-").append(isAsync ? "usable listing" : "iterable view").append('\n');
        if (!names.isEmpty()) {
            doc.append("@throws IllegalArgumentException if an argument is not of its form\n");
        }
        type.addMethod(method.addJavadoc(doc.toString())
                .addStatement("return list($T.builder($L).build())", request, Generate.names(names)).build());
    }

    private TypeName model(Operation op) {
        Model model = op.name().equals("list") ? api.pageModel(op.id()) : api.model(op.response());
        return ClassName.get(Generate.MODEL_PACKAGE, model.name());
    }

    private TypeName returnType(Operation op, boolean isAsync) {
        if (op.name().equals("list")) {
            Model model = api.pageModel(op.id());
            return ParameterizedTypeName.get(isAsync ? ASYNC_LISTING : LISTING,
                    ClassName.get(Generate.MODEL_PACKAGE, model.name()),
                    ClassName.get(Generate.MODEL_PACKAGE, model.page().name()));
        }
        TypeName value = op.response() == null ? (isAsync ? ClassName.get(Void.class) : TypeName.VOID) : model(op);
        return isAsync ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), value) : value;
    }

    private MethodSpec.Builder signature(Operation op, boolean isAsync) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.name()).addModifiers(Modifier.PUBLIC)
                .returns(returnType(op, isAsync));
        StringBuilder doc = new StringBuilder(Javadoc.of(require(op, op.doc(), "doc")));
        if (op.name().equals("list")) {
            doc.append(isAsync ? " A demand-driven stream of pages: nothing is sent until it is\nsubscribed to or"
                    + " consumed, and a page is read only when more items are wanted."
                    : " Nothing is sent until the result is iterated, and pages are\nread as the iteration needs"
                    + " them.");
        }
        doc.append("\n\n");
        for (Argument argument : op.arguments()) {
            method.addParameter(String.class, argument.java());
            doc.append("@param ").append(argument.java()).append(' ').append(Javadoc.of(argument.doc())).append('\n');
        }
        if (op.hasRequest()) {
            method.addParameter(ClassName.get(Generate.MODEL_PACKAGE, op.requestClass()), "request");
            doc.append("@param request ").append(Javadoc.of(require(op, op.requestDoc(), "requestDoc"))).append('\n');
        }
        String notFound = op.notFound() == null ? "" : "{@link NotFoundException} " + Javadoc.of(op.notFound());
        if (op.name().equals("list")) {
            doc.append(isAsync ? "@return a re-usable listing; each subscription starts again from the first page\n"
                    : "@return a re-iterable view; each iteration starts again from the first page\n");
        } else if (op.response() != null) {
            doc.append("@return ").append(Javadoc.of(require(op, op.returns(), "returns")))
                    .append(isAsync && !notFound.isEmpty() ? "; fails with " + notFound : "").append('\n');
        } else if (isAsync) {
            doc.append("@return completes with {@code null} once Twilio confirmed")
                    .append(notFound.isEmpty() ? "" : "; fails with " + notFound).append('\n');
        }
        if (!isAsync && op.notFound() != null) {
            doc.append("@throws NotFoundException ").append(Javadoc.of(op.notFound())).append('\n');
        }
        if (!op.arguments().isEmpty() || op.hasRequest()) {
            doc.append("@throws IllegalArgumentException if an argument is null or not of its form (nothing is sent)\n");
        }
        return method.addJavadoc(doc.toString());
    }

    private static String require(Operation op, String value, String key) {
        if (value == null) {
            throw new IllegalStateException(op.id() + ": the overlay must give its " + key);
        }
        return value;
    }

    private TypeSpec implementation() {
        TypeSpec.Builder type = TypeSpec.classBuilder(impl).addModifiers(Modifier.FINAL).addSuperinterface(sync)
                .addJavadoc("{@link $T} and {@link $T} of one account over a client's shared runtime; both build"
                        + " their requests here,\nin one place.\n", sync, async)
                .addField(RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "accountSid", Modifier.PRIVATE, Modifier.FINAL)
                .addField(OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
                .addField(com.palantir.javapoet.FieldSpec.builder(async, "async", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new Async()").build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addParameter(RUNTIME, "runtime").addParameter(String.class, "accountSid")
                .addParameter(OPTIONS, "options")
                .addStatement("this.runtime = runtime")
                .addStatement("this.accountSid = $T.require($S, $T.ACCOUNT, accountSid)", SIDS, "accountSid", SIDS)
                .addStatement("this.options = options");
        if (view.operations().stream().anyMatch(op -> conference(op) != null)) {
            type.addField(NAMES, "conferences", Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.conferences = new $T(runtime, this.accountSid, options)", NAMES);
        }
        type.addMethod(constructor.build());
        type.addMethod(override("async", async).addStatement("return async").build());
        type.addMethod(override("forAccount", sync).addParameter(String.class, "otherAccountSid")
                .addStatement("return new $T(runtime, otherAccountSid, options)", impl).build());
        type.addMethod(override("withOptions", sync).addParameter(OPTIONS, "newOptions")
                .addStatement("$T.requireNonNull(newOptions, $S)", Objects.class, "options")
                .addStatement("return new $T(runtime, accountSid, options.overriddenBy(newOptions))", impl).build());
        TypeSpec.Builder asyncType = TypeSpec.classBuilder("Async").addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(async)
                .addJavadoc("The same operations, returning futures.\n");
        for (Operation op : view.operations()) {
            type.addMethod(call(op, false));
            asyncType.addMethod(call(op, true));
            type.addMethod(requestMethod(op));
        }
        asyncType.addMethod(override("toString", ClassName.get(String.class))
                .addStatement("return $S + accountSid + $S + runtime.baseUri() + ']'",
                        async.simpleName() + "[account=", ", baseUri=").build());
        type.addMethod(override("toString", ClassName.get(String.class))
                .addStatement("return $S + accountSid + $S + runtime.baseUri() + ']'",
                        sync.simpleName() + "[account=", ", baseUri=").build());
        return type.addType(asyncType.build()).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    /** The interface method: the exchange of the operation's request, decoded. */
    private MethodSpec call(Operation op, boolean isAsync) {
        MethodSpec.Builder method = override(op.name(), returnType(op, isAsync));
        List<String> arguments = new ArrayList<>();
        for (Argument argument : op.arguments()) {
            method.addParameter(String.class, argument.java());
            arguments.add(argument.java());
        }
        if (op.hasRequest()) {
            method.addParameter(ClassName.get(Generate.MODEL_PACKAGE, op.requestClass()), "request");
            arguments.add("request");
        }
        String constant = Naming.constant(op.id());
        if (op.name().equals("list")) {
            String plan = "plan" + Naming.capitalized(Naming.lowerCamel(op.id()));
            return isAsync ? method.addStatement("return new $T<>($N(request, false))", ASYNC_LISTING, plan).build()
                    : method.addStatement("return new $T<>(runtime, $N(request, true))", LISTING, plan).build();
        }
        CodeBlock decoder = op.response() == null ? CodeBlock.of("response -> null")
                : CodeBlock.of("$T::$N", json(op), Naming.lowerCamel(api.model(op.response()).name()));
        String conference = conference(op);
        CodeBlock exchange = conference == null
                ? CodeBlock.of("runtime.$N($T.$N, $N($L), $L, options)", isAsync ? "callAsync" : "call",
                        OPERATIONS, constant, Naming.lowerCamel(op.id()), Generate.names(arguments), decoder)
                : CodeBlock.of("conferences.$N($T.$N, $L, $N($L), $L)", isAsync ? "callAsync" : "call",
                        OPERATIONS, constant, value(op, conference), Naming.lowerCamel(op.id()), Generate.names(arguments),
                        decoder);
        if (!isAsync && op.response() == null) {
            return method.addStatement("$L", exchange).build();
        }
        return method.addStatement("return $L", exchange).build();
    }

    private ClassName json(Operation op) {
        Model model = op.name().equals("list") ? api.pageModel(op.id()) : api.model(op.response());
        return ClassName.get(JsonWriter.PACKAGE, model.name() + "Json");
    }

    /**
     * The operation's HTTP request from its arguments (a listing's plan, for a list), checking each. Where the
     * conference may be given by name, it is the request for the SID the name resolves to, after the checks.
     */
    private MethodSpec requestMethod(Operation op) {
        boolean list = op.name().equals("list");
        String conference = conference(op);
        MethodSpec.Builder method = MethodSpec.methodBuilder(
                        list ? "plan" + Naming.capitalized(Naming.lowerCamel(op.id())) : Naming.lowerCamel(op.id()))
                .addModifiers(Modifier.PRIVATE);
        for (Argument argument : op.arguments()) {
            method.addParameter(String.class, argument.java());
        }
        if (op.hasRequest()) {
            method.addParameter(ClassName.get(Generate.MODEL_PACKAGE, op.requestClass()), "request");
            method.addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
        }
        for (Argument argument : op.arguments()) {
            if (argument.sidPrefix() != null) {
                method.addStatement("$T.require($S, $S, $N)", SIDS, argument.java(), argument.sidPrefix(),
                        argument.java());
            } else {
                method.addStatement("$T.requireText($S, $S, $N)", ENCODING, argument.java(),
                        argument.conference() ? "a conference SID (CF...) or its friendly name" : argument.what(),
                        argument.java());
            }
        }
        String form = Naming.lowerCamel(op.id());
        if (list) {
            Model model = api.pageModel(op.id());
            ClassName page = ClassName.get(Generate.MODEL_PACKAGE, model.page().name());
            method.addParameter(boolean.class, "callerWaits")
                    .returns(ParameterizedTypeName.get(ClassName.get("dev.conclave.internal.paging", "ListingPlan"),
                            page));
            CodeBlock rest = CodeBlock.of("pageSize -> $T.$N(request, pageSize).text(),$Wrequest.pageSize(),"
                    + " callerWaits, $T::page, $T::truncated", FORMS, form, json(op), json(op));
            if (conference != null) {
                return method.addStatement("return conferences.listing($T.$N, $L,$W$N -> $L,$W$L)", OPERATIONS,
                        Naming.constant(op.id()), value(op, conference), RESOLVED, path(op, conference), rest)
                        .build();
            }
            return method.addStatement("String path = $L", path(op, null))
                    .addStatement("return runtime.listing($T.$N, path, $L, options)", OPERATIONS,
                            Naming.constant(op.id()), rest)
                    .build();
        }
        CodeBlock uri = CodeBlock.of("runtime.uri($L, null)", conference == null ? CodeBlock.of("path")
                : path(op, conference));
        CodeBlock request = switch (op.method()) {
            case "GET" -> CodeBlock.of("runtime.get($L)", uri);
            case "DELETE" -> CodeBlock.of("runtime.delete($L)", uri);
            case "POST" -> CodeBlock.of("runtime.post($L, $L)", uri,
                    op.hasRequest() ? CodeBlock.of("$T.$N(request).bytes()", FORMS, form) : CodeBlock.of("new byte[0]"));
            default -> throw new IllegalStateException(op.id() + ": no request for " + op.method());
        };
        if (conference != null) {
            return method.returns(ParameterizedTypeName.get(ClassName.get(Function.class), ClassName.get(String.class),
                    HTTP_REQUEST)).addStatement("return $N -> $L", RESOLVED, request).build();
        }
        return method.returns(HTTP_REQUEST).addStatement("String path = $L", path(op, null))
                .addStatement("return $L", request).build();
    }

    /**
     * The wire name of the operation's conference that may be given by friendly name (an argument, or a path field
     * of its request), or {@code null}.
     */
    private static String conference(Operation op) {
        List<String> names = new ArrayList<>();
        op.arguments().stream().filter(Argument::conference).forEach(argument -> names.add(argument.wire()));
        op.pathFields().stream().filter(Field::conference).forEach(field -> names.add(field.wire()));
        if (names.size() > 1) {
            throw new IllegalStateException(op.id() + ": more than one conference by name: " + names);
        }
        return names.isEmpty() ? null : names.get(0);
    }

    /**
     * The path template with the account, the arguments and the request's path fields filled in, encoded; the
     * parameter {@code resolved} (if not null) from the resolved conference SID.
     */
    private CodeBlock path(Operation op, String resolved) {
        CodeBlock.Builder path = CodeBlock.builder();
        Matcher placeholders = PLACEHOLDER.matcher(op.path());
        int at = 0;
        while (placeholders.find()) {
            path.add("$S +$W", op.path().substring(at, placeholders.start()));
            String name = placeholders.group(1);
            if (name.equals("AccountSid")) {
                path.add("accountSid +$W");
            } else if (name.equals(resolved)) {
                path.add("$T.pathSegment($N) +$W", ENCODING, RESOLVED);
            } else {
                path.add("$T.pathSegment($L) +$W", ENCODING, value(op, name));
            }
            at = placeholders.end();
        }
        return path.add("$S", op.path().substring(at)).build();
    }

    private static CodeBlock value(Operation op, String wire) {
        for (Argument argument : op.arguments()) {
            if (argument.wire().equals(wire)) {
                return CodeBlock.of("$N", argument.java());
            }
        }
        for (Field field : op.pathFields()) {
            if (field.wire().equals(wire)) {
                return CodeBlock.of("request.$N()", field.java());
            }
        }
        throw new IllegalStateException(op.id() + ": nothing fills {" + wire + "}");
    }
}
