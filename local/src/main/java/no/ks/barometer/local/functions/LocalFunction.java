package no.ks.barometer.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import no.ks.barometer.local.template.SamFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One function of the template, its handler class instantiated once as Lambda does for a warm container, and
 * invoked through the method the template's {@code Handler} names. That method is either a stream handler's
 * {@code (InputStream, OutputStream, Context)}, which gets the event's JSON and writes its result's JSON (what a
 * {@code RequestStreamHandler}, such as AWS Serverless Java Container's, is), or a typed handler's
 * {@code (Input, Context)}, which gets the event as an object.
 */
public final class LocalFunction {

    private final SamFunction definition;
    private final Object handler;
    private final Method method;
    private final boolean streamHandler;

    private LocalFunction(SamFunction definition, Object handler, Method method) {
        this.definition = definition;
        this.handler = handler;
        this.method = method;
        this.streamHandler = Arrays.equals(method.getParameterTypes(),
                new Class<?>[] {InputStream.class, OutputStream.class, Context.class});
    }

    /**
     * Instantiates the handler the way it asks to be built: with its dependencies and environment
     * {@code (DynamoDbClient, String tableName, Clock, Map<String, String>)}, else with its dependencies
     * {@code (DynamoDbClient, String tableName, Clock)}, else with its environment {@code (Map<String, String>)},
     * else with no arguments.
     */
    public static LocalFunction load(SamFunction definition, FunctionEnvironment environment) {
        String className = definition.handler().className();
        try {
            Class<?> type = Class.forName(className);
            return new LocalFunction(definition, instantiate(type, environment), handlerMethod(type, definition));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + className
                    + " is not on the classpath", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + className + " failed to start",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.logicalId() + ": cannot instantiate " + className, e);
        }
    }

    private static Object instantiate(Class<?> type, FunctionEnvironment environment)
            throws ReflectiveOperationException {
        Optional<Constructor<?>> withBoth = constructor(type, DynamoDbClient.class, String.class, Clock.class,
                Map.class);
        if (withBoth.isPresent()) {
            return withBoth.get().newInstance(environment.dynamoDb(), environment.tableName(), environment.clock(),
                    environment.variables());
        }
        Optional<Constructor<?>> withDependencies = constructor(type, DynamoDbClient.class, String.class, Clock.class);
        if (withDependencies.isPresent()) {
            return withDependencies.get().newInstance(environment.dynamoDb(), environment.tableName(),
                    environment.clock());
        }
        Optional<Constructor<?>> withEnvironment = constructor(type, Map.class);
        if (withEnvironment.isPresent()) {
            return withEnvironment.get().newInstance(environment.variables());
        }
        return type.getConstructor().newInstance();
    }

    private static Optional<Constructor<?>> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return Optional.of(type.getConstructor(parameters));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /**
     * The public method the template's Handler names, taking a stream handler's or a typed handler's arguments;
     * of a typed handler's, the one with the most specific input (a generic interface also leaves a bridge method
     * taking Object).
     */
    private static Method handlerMethod(Class<?> type, SamFunction definition) {
        String name = definition.handler().method();
        try {
            return type.getMethod(name, InputStream.class, OutputStream.class, Context.class);
        } catch (NoSuchMethodException e) {
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(name) && !m.isBridge() && m.getParameterCount() == 2
                            && m.getParameterTypes()[1] == Context.class)
                    .min(Comparator.comparing(m -> m.getParameterTypes()[0] == Object.class))
                    .orElseThrow(() -> new IllegalStateException(definition.logicalId() + ": " + type.getName()
                            + " has no method " + name + "(Input, Context) or " + name
                            + "(InputStream, OutputStream, Context)"));
        }
    }

    /** Whether the handler reads the event's JSON from a stream and writes its result as JSON. */
    public boolean isStreamHandler() {
        return streamHandler;
    }

    /**
     * Invokes a typed handler with {@code input}. A handler that throws fails the invocation, as in Lambda.
     */
    public <O> O invoke(Object input, Class<?> inputType, Class<O> outputType) {
        if (streamHandler || !method.getParameterTypes()[0].isAssignableFrom(inputType)) {
            throw new IllegalStateException(definition.logicalId() + ": " + handler.getClass().getName()
                    + " has no method " + definition.handler().method() + "(" + inputType.getSimpleName()
                    + ", Context)");
        }
        return outputType.cast(call(input));
    }

    /**
     * Invokes the handler with an event as Lambda receives it, JSON, and returns its result as JSON. A stream
     * handler reads and writes the JSON itself; for a typed handler the event is read into its input type and its
     * result written with the Lambda Java runtime's own mapping, so event classes such as {@code ScheduledEvent}
     * get their AWS field names ({@code detail-type}). A typed handler returning nothing answers {@code null}.
     */
    public byte[] invokeWithJson(byte[] event) {
        if (streamHandler) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            call(new ByteArrayInputStream(event), output);
            return output.toByteArray();
        }
        Object input;
        try {
            input = serializer(method.getGenericParameterTypes()[0]).fromJson(new ByteArrayInputStream(event));
        } catch (RuntimeException e) {
            // Lambda fails such an invocation before the handler runs.
            throw new InvocationFailedException(definition.logicalId(), e);
        }
        Object result = call(input);
        if (result == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        serializer(method.getGenericReturnType()).toJson(result, output);
        return output.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        if (type instanceof Class<?> event && LambdaEventSerializers.isLambdaSupportedEvent(event.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(event, event.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private Object call(Object... arguments) {
        Context context = new LocalLambdaContext(UUID.randomUUID().toString(), definition.logicalId(),
                definition.memoryMb(), System.currentTimeMillis() + definition.timeoutSeconds() * 1000L);
        Object[] withContext = Arrays.copyOf(arguments, arguments.length + 1);
        withContext[arguments.length] = context;
        try {
            return method.invoke(handler, withContext);
        } catch (InvocationTargetException e) {
            throw new InvocationFailedException(definition.logicalId(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handler threw; Lambda would report the invocation as failed. */
    public static final class InvocationFailedException extends RuntimeException {
        InvocationFailedException(String function, Throwable cause) {
            super(function + " failed: " + cause, cause);
        }
    }
}
