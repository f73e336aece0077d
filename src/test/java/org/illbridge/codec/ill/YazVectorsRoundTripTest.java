package org.illbridge.codec.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.illbridge.support.YazHelper;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with YAZ in both directions, over vectors covering all 20 APDU types. YAZ may
 * choose another BER form (indefinite lengths for long elements, TRUE as 01), so values are
 * compared, not bytes.
 */
class YazVectorsRoundTripTest {

    private final IllCodec codec = new IllCodec();

    @TempDir
    Path work;

    static List<Path> vectors() {
        return YazVectors.all();
    }

    @Test
    void theCommittedVectorsAreWhatTheYazHelperWritesToday() throws Exception {
        YazHelper.require();

        YazHelper.Result written = YazHelper.run("vectors", work.toString());

        assertThat(written.exitCode()).as(written.output()).isZero();
        List<Path> fresh;
        try (var files = Files.list(work)) {
            fresh = files.sorted().toList();
        }
        assertThat(fresh).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(vectors().stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : fresh) {
            assertThat(Files.readAllBytes(file)).as(file.getFileName().toString())
                    .isEqualTo(YazVectors.read(YazVectors.DIRECTORY.resolve(file.getFileName())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesWhatYazEncodedAndEncodesItToTheSameValues(Path vector) throws Exception {
        Apdu fromYaz = codec.decode(YazVectors.read(vector));

        Apdu again = codec.decode(codec.encode(fromYaz));

        assertThat(again).isEqualTo(fromYaz);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void yazDecodesWhatWeEncodeToTheSameValues(Path vector) throws Exception {
        YazHelper.require();
        Apdu original = codec.decode(YazVectors.read(vector));
        Path ours = work.resolve(vector.getFileName());
        Files.write(ours, codec.encode(original));

        YazHelper.Result yaz = YazHelper.run("check", ours.toString());

        assertThat(yaz.exitCode()).as(yaz.output()).isZero();
        Apdu asYazReadIt = codec.decode(Files.readAllBytes(Path.of(ours + ".yaz")));
        assertThat(asYazReadIt).isEqualTo(original);
    }
}
