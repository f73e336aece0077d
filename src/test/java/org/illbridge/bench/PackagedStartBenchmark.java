package org.illbridge.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start time of the packaged service, the ways a JVM can be told to start it, beside the minimal
 * Spring Boot + Camel application (as in {@link StartBenchmark}): the fat jar as the README starts
 * it, the extracted jar, the extracted jar with a class-data sharing archive, and that with only the
 * C1 compiler. The last two need JVM options that {@code java -jar illbridge.jar} does not carry;
 * they show what such options could buy. One warm-up round, then ROUNDS alternately; min / median.
 * Arguments: the fat jar, the extracted jar (with its CDS archive beside it, illbridge.jsa), the
 * minimal application's classpath. Run by tools/bench/start-packaged; not a test.
 */
public final class PackagedStartBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        String fatJar = args[0];
        String extracted = args[1];
        String archive = "-XX:SharedArchiveFile=" + extracted.replaceFirst("\\.jar$", ".jsa");
        Map<String, List<String>> launches = new LinkedHashMap<>();
        launches.put("fat_jar", List.of("-jar", fatJar));
        launches.put("extracted", List.of("-jar", extracted));
        launches.put("extracted_cds", List.of(archive, "-jar", extracted));
        launches.put("extracted_cds_c1", List.of(archive, "-XX:TieredStopAtLevel=1", "-jar", extracted));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        times.put("minimal", new ArrayList<>());
        launches.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round <= ROUNDS; round++) {
            double minimal = StartBenchmark.startMinimal(args[2]);
            if (round > 0) { // round 0 warms the file cache
                times.get("minimal").add(minimal);
            }
            for (Map.Entry<String, List<String>> launch : launches.entrySet()) {
                double ms = StartBenchmark.startService(launch.getValue(), List.of());
                if (round > 0) {
                    times.get(launch.getKey()).add(ms);
                }
            }
        }
        times.forEach((name, ms) -> System.out.printf("%s_ready_ms %s%n", name, BenchDatabase.summary(ms)));
    }
}
