package org.illbridge.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.illbridge.support.FreePort;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Memory soak: N distinct ILL-Requests over CONNECTIONS connections into the service, in this JVM
 * started with the heap the service is said to need (tools/bench/soak passes -Xmx256m), counted until
 * all are applied; prints the rate, the time spent in garbage collection, and the heap still in use
 * after the last collections (the old generation's usage after GC). Not a test.
 */
public final class SoakBenchmark {

    public static void main(String[] args) throws Exception {
        int apdus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String database = args.length > 2 ? args[2] : "h2";
        Path work = Files.createTempDirectory(Path.of("target"), "soak-");
        Files.writeString(work.resolve("profiles.yaml"), """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      known-requesters: [ZBW]
                """);
        try (BenchDatabase db = BenchDatabase.start(database, work)) {
            int port = FreePort.find();
            ConfigurableApplicationContext service = db.startService(work, work.resolve("profiles.yaml"), port);
            try {
                JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
                long gcBefore = gcMillis();
                long start = System.nanoTime();
                send(apdus, port, connections);
                while (applied(jdbc) < apdus) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long gc = gcMillis() - gcBefore;
                System.gc();
                System.out.printf("database %s%napdus %d%nconnections %d%nmax_heap_mb %d%napdus_per_second %.0f%n"
                                + "gc_ms %d%ngc_share_percent %.1f%nold_gen_after_gc_mb %.1f%n", database, apdus, connections,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), apdus / seconds, gc, 100.0 * gc / (seconds * 1000),
                        oldGenAfterGc() / (1024.0 * 1024));
            } finally {
                service.close();
            }
        }
    }

    /** Sends the requests as they are made, so the sender does not hold 100k of them in this heap. */
    private static void send(int apdus, int port, int connections) throws Exception {
        byte[] vector = YazVectors.read("01-ill-request-minimal");
        Senders.send(apdus, i -> Variants.withQualifier(vector, "S-" + i), port, connections);
    }

    private static long applied(JdbcTemplate jdbc) {
        Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'applied'", Long.class);
        return applied == null ? 0 : applied;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0).sum();
    }

    private static long oldGenAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }
}
