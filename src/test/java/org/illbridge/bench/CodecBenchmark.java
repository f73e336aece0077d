package org.illbridge.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.support.YazVectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode and encode throughput over a directory of APDUs YAZ encoded (all 20 types), per APDU, to
 * set beside YAZ's own figures on the same files (tools/bench/run measures both in one run): the
 * project's vectors, and a varied set of the same kinds with other text that no test was written
 * against ({@code yaz-ill varied}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    /** How many APDUs one benchmark invocation handles: as many as the project's vectors (src/test/resources/yaz-vectors). */
    public static final int APDUS = 39;

    /** The directory of {@code .ber} files to decode and encode. */
    @Param("src/test/resources/yaz-vectors")
    public String vectors;

    private final IllCodec codec = new IllCodec();
    private byte[][] encoded;
    private Apdu[] decoded;

    @Setup
    public void load() throws DecodeException {
        List<Path> files = YazVectors.in(Path.of(vectors));
        if (files.size() != APDUS) {
            throw new IllegalStateException("expected " + APDUS + " APDUs in " + vectors + ", found " + files.size());
        }
        encoded = new byte[APDUS][];
        decoded = new Apdu[APDUS];
        for (int i = 0; i < APDUS; i++) {
            encoded[i] = YazVectors.read(files.get(i));
            decoded[i] = codec.decode(encoded[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(APDUS)
    public void decode(Blackhole sink) throws DecodeException {
        for (byte[] apdu : encoded) {
            sink.consume(codec.decode(apdu));
        }
    }

    @Benchmark
    @OperationsPerInvocation(APDUS)
    public void encode(Blackhole sink) throws EncodeException {
        for (Apdu apdu : decoded) {
            sink.consume(codec.encode(apdu));
        }
    }
}
