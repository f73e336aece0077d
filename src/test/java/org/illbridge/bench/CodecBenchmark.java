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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode and encode throughput over the YAZ vectors (all 20 APDU types), per APDU, to set
 * beside YAZ's own figures on the same files (tools/bench/run measures both in one run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    /** How many APDUs one benchmark invocation handles: the vectors in src/test/resources/yaz-vectors. */
    public static final int APDUS = 39;

    private final IllCodec codec = new IllCodec();
    private byte[][] encoded;
    private Apdu[] decoded;

    @Setup
    public void load() throws DecodeException {
        List<Path> vectors = YazVectors.all();
        if (vectors.size() != APDUS) {
            throw new IllegalStateException("expected " + APDUS + " vectors, found " + vectors.size());
        }
        encoded = new byte[APDUS][];
        decoded = new Apdu[APDUS];
        for (int i = 0; i < APDUS; i++) {
            encoded[i] = YazVectors.read(vectors.get(i));
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
