package no.ks.barometer.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import no.ks.barometer.local.template.SamFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One function of the template, its handler class instantiated once as Lambda does for a warm container, and
 * invoked through the method the template's {@code Handler} names.
 */
public final class LocalFunction {

    private final SamFunction definition;
    private final Object handler;

    private LocalFunction(SamFunction definition, Object handler) {
        this.definition = definition;
        this.handler = handler;
    }

    /**
     * Instantiates the handler the way it asks to be built: with its dependencies
     * {@code (DynamoDbClient, String tableName, Clock)} when it has that constructor, else with its environment
     * {@code (Map<String, String>)}, else with no arguments.
     */
    public static LocalFunction load(SamFunction definition, FunctionEnvironment environment) {
        String className = definition.handler().className();
        try {
            Class<?> type = Class.forName(className);
            return new LocalFunction(definition, instantiate(type, environment));
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
     * Invokes the handler method with {@code input}. A handler that throws fails the invocation, as in Lambda.
     */
    public <O> O invoke(Object input, Class<?> inputType, Class<O> outputType) {
        Method method;
        try {
            method = handler.getClass().getMethod(definition.handler().method(), inputType, Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + handler.getClass().getName()
                    + " has no method " + definition.handler().method() + "(" + inputType.getSimpleName()
                    + ", Context)", e);
        }
        Context context = new LocalLambdaContext(UUID.randomUUID().toString(), definition.logicalId(),
                definition.memoryMb(), System.currentTimeMillis() + definition.timeoutSeconds() * 1000L);
        try {
            return outputType.cast(method.invoke(handler, input, context));
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
