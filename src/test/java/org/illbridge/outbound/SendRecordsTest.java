package org.illbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class SendRecordsTest {

    private final ExecutorService recorder = Executors.newFixedThreadPool(4);
    private final ExecutorService peer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        recorder.shutdownNow();
        peer.shutdownNow();
    }

    @Test
    void theNextSendGoesOnWhileTheRecordBeforeItCommitsButNoFurther() throws Exception {
        SendRecords records = new SendRecords(recorder);
        CountDownLatch firstCommits = new CountDownLatch(1);
        List<String> committed = new CopyOnWriteArrayList<>();

        records.add(() -> {
            await(firstCommits);
            committed.add("first");
        });
        // the first record is still committing: the second send happens, and its record waits its turn
        Future<?> secondSend = peer.submit(() -> records.add(() -> committed.add("second")));
        Assertions.assertThrows(TimeoutException.class, () -> secondSend.get(200, TimeUnit.MILLISECONDS),
                "a third send must not start before the first send's record is committed");
        assertThat(committed).isEmpty();

        firstCommits.countDown();
        secondSend.get(5, TimeUnit.SECONDS);
        records.awaitAll();
        assertThat(committed).containsExactly("first", "second");
    }

    @Test
    void recordsAreCommittedInTheOrderOfTheSends() {
        SendRecords records = new SendRecords(recorder);
        List<Integer> committed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            records.add(() -> committed.add(n));
        }
        records.awaitAll();
        assertThat(committed).hasSize(200).isSorted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
