package no.ks.barometer.admin;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A DynamoDB client that passes every call on and remembers it, and may act before a call goes through. */
final class RecordingClient {

    record Call(String operation, Object request) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final DynamoDbClient client;

    RecordingClient(DynamoDbClient delegate, BiConsumer<String, Object> before) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    Object request = args == null || args.length == 0 ? null : args[0];
                    calls.add(new Call(method.getName(), request));
                    before.accept(method.getName(), request);
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    RecordingClient(DynamoDbClient delegate) {
        this(delegate, (operation, request) -> {
        });
    }
}
