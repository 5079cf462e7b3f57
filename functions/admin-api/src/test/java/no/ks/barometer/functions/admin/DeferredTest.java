package no.ks.barometer.functions.admin;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeferredTest {

    @Test
    void aCallWaitsUntilTheValueIsMadeThenGoesToIt() throws Exception {
        CompletableFuture<IntUnaryOperator> value = new CompletableFuture<>();
        IntUnaryOperator deferred = Deferred.of(IntUnaryOperator.class, value);
        AtomicReference<Integer> answer = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform().start(() -> {
            answer.set(deferred.applyAsInt(20));
            answered.countDown();
        });
        assertFalse(answered.await(200, TimeUnit.MILLISECONDS), "the call must wait for the value");
        value.complete(x -> x + 22);
        assertTrue(answered.await(5, TimeUnit.SECONDS));
        caller.join();
        assertEquals(42, answer.get());
    }

    @Test
    void whatTheValueThrowsIsThrownAsItIs() {
        IllegalStateException thrown = new IllegalStateException("refused");
        IntUnaryOperator deferred = Deferred.of(IntUnaryOperator.class, CompletableFuture.completedFuture(x -> {
            throw thrown;
        }));
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> deferred.applyAsInt(1)));
    }

    @Test
    void aValueThatCouldNotBeMadeFailsEveryCallWithWhyItCouldNot() {
        IllegalStateException why = new IllegalStateException("TABLE_NAME is not set");
        IntUnaryOperator deferred = Deferred.of(IntUnaryOperator.class, CompletableFuture.failedFuture(why));
        assertSame(why, assertThrows(IllegalStateException.class, () -> deferred.applyAsInt(1)));
        assertSame(why, assertThrows(IllegalStateException.class, () -> deferred.applyAsInt(2)));
    }
}
