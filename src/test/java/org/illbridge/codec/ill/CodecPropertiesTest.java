package org.illbridge.codec.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.support.RandomAsnValues;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties over many generated inputs, seeded so that a failure can be replayed: random valid
 * APDUs of every type round-trip; random damage to valid APDUs never yields anything but an APDU
 * or the typed decode error.
 */
class CodecPropertiesTest {

    private static final int PER_TYPE = 300;
    private static final int MUTATIONS = 20_000;

    private final IllCodec codec = new IllCodec();

    @ParameterizedTest
    @EnumSource(ApduType.class)
    void randomValidApdusOfEveryTypeRoundTrip(ApduType type) throws Exception {
        for (int i = 0; i < PER_TYPE; i++) {
            long seed = type.ordinal() * 1_000_003L + i;
            Apdu apdu = new Apdu(type, (AsnValue.Sequence) new RandomAsnValues(seed).of(type.type()));

            byte[] bytes = codec.encode(apdu);

            assertThat(codec.decode(bytes)).as("seed %d", seed).isEqualTo(apdu);
        }
    }

    @Test
    void damagedApdusGiveTheTypedDecodeErrorAndNothingElse() {
        Random random = new Random(20261128);
        var vectors = YazVectors.all();
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Path vector = vectors.get(random.nextInt(vectors.size()));
            byte[] damaged = mutate(YazVectors.read(vector), random);
            try {
                codec.decode(damaged);
                decoded++;
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(expected.offset()).isBetween(0, damaged.length);
                refused++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("mutation %d of %s threw %s", i, vector.getFileName(), e);
            }
        }
        assertThat(refused).as("most damage is detected").isGreaterThan(MUTATIONS / 2);
        assertThat(decoded + refused).isEqualTo(MUTATIONS);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int damage = 1 + random.nextInt(3);
        for (int d = 0; d < damage && bytes.length > 1; d++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> bytes = Arrays.copyOf(bytes, at);
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
