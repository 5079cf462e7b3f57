package no.ks.barometer.functions.admin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An interface's implementation that is still being made on another thread: whoever holds it can be built now, and
 * each call waits for the value, then goes to it. Every method of the interface is forwarded, so none can be
 * forgotten.
 */
final class Deferred {

    private Deferred() {
    }

    static <T> T of(Class<T> type, CompletableFuture<? extends T> value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    T target;
                    try {
                        target = value.join();
                    } catch (CompletionException e) {
                        throw e.getCause();
                    }
                    try {
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
